using System.Collections.Generic;

namespace SocialCommerce;

/// <summary>
/// The family of "unknown id" errors: a member, group, invitation, rule, product or currency that the engine or book
/// does not hold. Catch this type to handle them all; <see cref="Kind"/> and <see cref="Id"/> say what was asked for.
/// </summary>
/// <remarks>A <see cref="KeyNotFoundException"/> (a host that caught that keeps working); over HTTP it maps to 404.</remarks>
public abstract class UnknownIdException : KeyNotFoundException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="kind">What kind of thing was not found, e.g. <c>"member"</c>.</param>
    /// <param name="id">The id that was not found, formatted.</param>
    /// <param name="message">The message.</param>
    protected UnknownIdException(string kind, string id, string message)
        : base(message)
    {
        Kind = kind;
        Id = id;
    }

    /// <summary>Gets what kind of thing was not found: <c>"member"</c>, <c>"group"</c>, <c>"group-buy rule"</c>, <c>"invitation"</c>, <c>"invitation rule"</c>, <c>"community product"</c> or <c>"currency"</c>.</summary>
    public string Kind { get; }

    /// <summary>Gets the id that was not found, formatted.</summary>
    public string Id { get; }
}
