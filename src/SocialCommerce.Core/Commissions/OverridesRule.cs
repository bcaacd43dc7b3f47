namespace SocialCommerce.Commissions;

/// <summary>
/// Built-in rule: proposes, for each sale line matched by a product or category override, the override's rate or
/// fixed amount per unit at each of its levels, for each upline up to the plan's paid depth.
/// </summary>
internal sealed class OverridesRule : ICommissionRule
{
    public static OverridesRule Instance { get; } = new();

    public string Name => CommissionRuleNames.Overrides;

    public void Apply(CommissionRuleContext context)
    {
        var plan = context.Compiled;
        var currency = plan.Currency;
        var lines = context.Sale.LineArray;
        var uplines = context.UplineCount;
        for (var i = 0; i < lines.Length; i++)
        {
            var index = context.ScheduleOf(i);
            if (index == 0)
            {
                continue;
            }

            var schedule = plan.Schedules[index];
            var b = context.LineBaseAmount(i);
            var baseMoney = new Money(b, currency);
            var quantity = lines[i].Quantity;
            var n = schedule.Length < uplines ? schedule.Length : uplines;
            for (var level = 1; level <= n; level++)
            {
                if (!schedule.Pays[level - 1])
                {
                    continue;
                }

                if (schedule.IsFixed[level - 1])
                {
                    context.AddProposal(new CommissionLine
                    {
                        Beneficiary = context.UplineAt(level),
                        Level = level,
                        SaleLineIndex = i,
                        Base = baseMoney,
                        FixedPerUnit = schedule.FixedMoney[level - 1],
                        Units = quantity,
                        Amount = new Money(schedule.Fixed[level - 1] * quantity, currency),
                        Rule = CommissionRuleNames.Overrides,
                    });
                }
                else
                {
                    var rate = schedule.Rates[level - 1];
                    context.ProposeRate(context.UplineAt(level), level, i, baseMoney, rate, CommissionRuleNames.Overrides);
                }
            }
        }
    }
}
