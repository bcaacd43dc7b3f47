using System;

namespace SocialCommerce.Commissions;

/// <summary>
/// Built-in rule: applies the plan's eligibility to the proposals of the level-rate, override and rank-differential
/// rules. Forfeit: an ineligible member's line is removed (its amount stays with the platform). Compress: the share
/// of plan level <c>j</c> goes to the <c>j</c>-th eligible upline, provided that member is at most the plan's paid
/// depth in network links above the buyer; otherwise it is forfeited. The buyer's self-purchase rebate is never
/// passed up: an ineligible buyer forfeits it.
/// </summary>
internal sealed class EligibilityRule : ICommissionRule
{
    public static EligibilityRule Instance { get; } = new();

    public string Name => CommissionRuleNames.Eligibility;

    public void Apply(CommissionRuleContext context)
    {
        var compress = context.Compiled.Compress;
        for (var i = 0; i < context.Count; i++)
        {
            var line = context.Lines[i];
            var rule = line.Rule;
            var differential = ReferenceEquals(rule, CommissionRuleNames.RankDifferential) || string.Equals(rule, CommissionRuleNames.RankDifferential, StringComparison.Ordinal);
            if (!differential
                && !ReferenceEquals(rule, CommissionRuleNames.LevelRates) && !string.Equals(rule, CommissionRuleNames.LevelRates, StringComparison.Ordinal)
                && !ReferenceEquals(rule, CommissionRuleNames.Overrides) && !string.Equals(rule, CommissionRuleNames.Overrides, StringComparison.Ordinal))
            {
                continue;
            }

            var level = line.Level;
            if (level == 0 || !compress || differential)
            {
                if (!context.EligibleAt(level))
                {
                    context.Remove(i, CommissionAdjustmentKind.Forfeited);
                    i--;
                }

                continue;
            }

            // Compression: plan level (slot) j goes to the j-th eligible upline within the paid depth.
            if (level <= context.EligibleCount)
            {
                var target = context.EligibleLevel(level);
                if (target != level)
                {
                    context.Relevel(i, target, context.UplineAt(target));
                }
            }
            else
            {
                context.Remove(i, CommissionAdjustmentKind.Forfeited);
                i--;
            }
        }
    }
}
