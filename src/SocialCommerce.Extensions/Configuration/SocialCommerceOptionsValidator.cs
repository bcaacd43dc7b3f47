using System.Collections.Generic;
using Microsoft.Extensions.Options;
using NodaTime;
using SocialCommerce;

namespace SocialCommerce.Extensions;

/// <summary>
/// Checks <see cref="SocialCommerceOptions"/>: the currency must be known and the time zone must be in tzdb.
/// </summary>
internal sealed class SocialCommerceOptionsValidator : IValidateOptions<SocialCommerceOptions>
{
    public ValidateOptionsResult Validate(string? name, SocialCommerceOptions options)
    {
        var failures = new List<string>();
        if (!Currency.TryFromCode(options.DefaultCurrency, out _))
        {
            failures.Add($"SocialCommerce:DefaultCurrency '{options.DefaultCurrency}' is not a known ISO-4217 currency code.");
        }

        if (string.IsNullOrEmpty(options.DefaultTimeZone) || DateTimeZoneProviders.Tzdb.GetZoneOrNull(options.DefaultTimeZone) is null)
        {
            failures.Add($"SocialCommerce:DefaultTimeZone '{options.DefaultTimeZone}' is not an IANA time-zone id known to tzdb {DateTimeZoneProviders.Tzdb.VersionId}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
