namespace SocialCommerce.Commissions;

/// <summary>
/// Built-in rule for rank-differential (级差) plans: walking the upline from level 1 to the plan's depth, each upline
/// earns its rank's rate minus the highest rate already earned below it, never negative. Under compression an
/// ineligible upline is skipped (the next eligible one earns the larger difference); under forfeit it is proposed
/// as usual and the eligibility rule removes its line. Also proposes the self-purchase rebate.
/// </summary>
internal sealed class RankDifferentialRule : ICommissionRule
{
    public static RankDifferentialRule Instance { get; } = new();

    public string Name => CommissionRuleNames.RankDifferential;

    public void Apply(CommissionRuleContext context)
    {
        var plan = context.Compiled;
        var currency = plan.Currency;
        var sale = context.Sale;
        var lines = sale.LineArray;
        var uplines = context.UplineCount;
        var skipIneligible = plan.NeedsEligibility && plan.Compress;
        for (var i = 0; i < lines.Length; i++)
        {
            var b = context.LineBaseAmount(i);
            var baseMoney = new Money(b, currency);
            if (plan.HasSelfRate)
            {
                context.ProposeRate(sale.Buyer, 0, i, baseMoney, plan.SelfRate, CommissionRuleNames.RankDifferential);
            }

            var already = Rate.Zero;
            for (var level = 1; level <= uplines; level++)
            {
                var rate = plan.RankRates[context.RankAt(level)];
                var difference = rate - already;
                if (skipIneligible && !context.EligibleAt(level))
                {
                    if (!difference.IsZero)
                    {
                        context.RecordCompressedSkip(i, level, context.UplineAt(level), b * difference.Fraction);
                    }

                    continue;
                }

                if (!difference.IsZero)
                {
                    context.ProposeRate(context.UplineAt(level), level, i, baseMoney, difference, CommissionRuleNames.RankDifferential);
                    already = rate;
                }
            }
        }
    }
}
