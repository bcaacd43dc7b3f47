using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Extensions.Configuration;
using SocialCommerce.Commissions;

namespace SocialCommerce.Extensions.Configuration;

/// <summary>
/// Reads the ledger's money policy from <c>SocialCommerce:Ledger</c>: <c>Clawback</c> (a <see cref="ClawbackPolicy"/>
/// name), <c>WithdrawalFee</c> (a fraction, e.g. <c>0.01</c>), <c>MinimumWithdrawals</c> and <c>AutoApproveUpTo</c>
/// (lists of <c>{ Amount, Currency }</c>; the currency defaults to the default currency). Every problem is a failure
/// naming the path and the value.
/// </summary>
internal static class LedgerConfiguration
{
    private static readonly string[] Known = [nameof(LedgerOptions.Clawback), nameof(LedgerOptions.WithdrawalFee), nameof(LedgerOptions.MinimumWithdrawals), nameof(LedgerOptions.AutoApproveUpTo)];

    public static LedgerOptions? Read(IConfigurationSection section, string? defaultCurrency, List<string> failures)
    {
        var before = failures.Count;
        foreach (var child in section.GetChildren())
        {
            if (!Known.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                failures.Add($"SocialCommerce: configuration {child.Path} is not a ledger setting (misspelt?). The settings under {section.Path} are: {string.Join(", ", Known)}.");
            }
        }

        var clawback = ClawbackPolicy.CarryAsDebt;
        if (section[nameof(LedgerOptions.Clawback)] is { } clawbackText
            && !(Enum.TryParse(clawbackText, ignoreCase: true, out clawback) && Enum.IsDefined(clawback) && !int.TryParse(clawbackText, out _)))
        {
            failures.Add($"SocialCommerce: configuration {section.Path}:Clawback '{clawbackText}' is not a clawback policy ({string.Join(", ", Enum.GetNames<ClawbackPolicy>())}).");
        }

        Rate? fee = null;
        if (section[nameof(LedgerOptions.WithdrawalFee)] is { Length: > 0 } feeText)
        {
            if (decimal.TryParse(feeText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var fraction) && fraction is >= 0m and <= 1m)
            {
                fee = Rate.FromFraction(fraction);
            }
            else
            {
                failures.Add($"SocialCommerce: configuration {section.Path}:WithdrawalFee '{feeText}' is not a fraction from 0 to 1 (0.01 is 1 %).");
            }
        }

        var minimums = Amounts(section.GetSection(nameof(LedgerOptions.MinimumWithdrawals)), defaultCurrency, failures);
        var autoApprove = Amounts(section.GetSection(nameof(LedgerOptions.AutoApproveUpTo)), defaultCurrency, failures);
        return failures.Count > before ? null : new LedgerOptions { Clawback = clawback, WithdrawalFee = fee, MinimumWithdrawals = minimums, AutoApproveUpTo = autoApprove };
    }

    private static List<Money> Amounts(IConfigurationSection list, string? defaultCurrency, List<string> failures)
    {
        var amounts = new List<Money>();
        foreach (var item in list.GetChildren())
        {
            var code = item["Currency"] ?? defaultCurrency ?? "CNY";
            if (!Currency.TryFromCode(code, out var currency))
            {
                failures.Add($"SocialCommerce: configuration {item.Path}:Currency '{code}' is not a built-in currency code.");
                continue;
            }

            var text = item["Amount"];
            if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) || amount < 0m || decimal.Round(amount, currency.MinorUnit) != amount)
            {
                failures.Add($"SocialCommerce: configuration {item.Path}:Amount '{text}' is not a non-negative amount of whole minor units of {currency.Code}.");
                continue;
            }

            amounts.Add(new Money(amount, currency));
        }

        return amounts;
    }
}
