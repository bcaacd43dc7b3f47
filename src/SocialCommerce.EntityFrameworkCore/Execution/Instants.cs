using System;
using NodaTime;

namespace SocialCommerce.EntityFrameworkCore.Execution;

/// <summary>Checks an instant where it enters a store command, as the engines would.</summary>
internal static class Instants
{
    public static void Check(Instant at, string paramName)
    {
        if (!Limits.IsSupported(at))
        {
            throw new ArgumentOutOfRangeException(paramName, at, $"{paramName} must be in [{Limits.MinInstant}, {Limits.MaxInstant}); it is {at}.");
        }
    }
}
