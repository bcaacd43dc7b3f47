using System;
using System.Globalization;

namespace SocialCommerce.EntityFrameworkCore.Execution;

/// <summary>
/// Checks a string id a store command takes before it reaches the database, with Core's rule
/// (<see cref="Limits.IsValidId(string?)"/>): 1 to <see cref="Limits.MaxIdLength"/> characters — the schema's column
/// length — and no control character, which PostgreSQL refuses (U+0000) and no host wants stored.
/// </summary>
internal static class StoredIds
{
    public static string Check(string? id, string paramName)
    {
        ArgumentNullException.ThrowIfNull(id, paramName);
        return Limits.IsValidId(id)
            ? id
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{paramName} should be 1 to {Limits.MaxIdLength} characters without control characters; it has {id.Length} characters."), paramName);
    }
}
