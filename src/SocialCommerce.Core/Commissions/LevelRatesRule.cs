namespace SocialCommerce.Commissions;

/// <summary>
/// Built-in rule: proposes the self-purchase rebate (level 0) on every sale line, and the plan's level rates on the
/// lines without an override, for each upline up to the plan's paid depth. A 0 % level proposes nothing.
/// </summary>
internal sealed class LevelRatesRule : ICommissionRule
{
    public static LevelRatesRule Instance { get; } = new();

    public string Name => CommissionRuleNames.LevelRates;

    public void Apply(CommissionRuleContext context)
    {
        var plan = context.Compiled;
        var currency = plan.Currency;
        var sale = context.Sale;
        var lines = sale.LineArray;
        var schedule = plan.Schedules[0];
        var uplines = context.UplineCount;
        for (var i = 0; i < lines.Length; i++)
        {
            var b = context.LineBaseAmount(i);
            var baseMoney = new Money(b, currency);
            if (plan.HasSelfRate)
            {
                context.ProposeRate(sale.Buyer, 0, i, baseMoney, plan.SelfRate, CommissionRuleNames.LevelRates);
            }

            if (context.ScheduleOf(i) != 0)
            {
                continue;
            }

            var n = schedule.Length < uplines ? schedule.Length : uplines;
            for (var level = 1; level <= n; level++)
            {
                if (!schedule.Pays[level - 1])
                {
                    continue;
                }

                var rate = schedule.Rates[level - 1];
                context.ProposeRate(context.UplineAt(level), level, i, baseMoney, rate, CommissionRuleNames.LevelRates);
            }
        }
    }
}
