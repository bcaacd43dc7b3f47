using System;
using System.Collections.Generic;
using Microsoft.Extensions.Options;

namespace SocialCommerce.Extensions.Registration;

/// <summary>
/// Validates the registrations at start-up (<c>ValidateOnStart</c>) by building every engine once: a malformed
/// plan, an unknown rule name, a currency mismatch or a plan the active compliance profile refuses stops the host.
/// </summary>
internal sealed class SocialCommerceRegistrationsValidator(SocialCommerceRuntimeCache cache) : IValidateOptions<SocialCommerceRegistrations>
{
    public ValidateOptionsResult Validate(string? name, SocialCommerceRegistrations options)
    {
        var (_, failures) = cache.Get(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
