namespace SocialCommerce.Commissions;

/// <summary>
/// Built-in rule: when a sale's lines add up to more than the plan's sale cap (a ratio of the sale's base), scales
/// every line by one factor, cap ÷ total, each rounded toward zero to the minor unit, so the total never exceeds the cap.
/// </summary>
internal sealed class SaleCapRule : ICommissionRule
{
    public static SaleCapRule Instance { get; } = new();

    public string Name => CommissionRuleNames.SaleCap;

    public void Apply(CommissionRuleContext context)
    {
        var plan = context.Compiled;
        var cap = plan.SaleCap * context.SaleBaseAmount;
        ScaleDown(context, cap, CommissionLineMarks.ScaledToSaleCap, CommissionAdjustmentKind.ScaledToSaleCap);
    }

    /// <summary>Scales every line by cap ÷ total (each rounded toward zero) when the total exceeds the cap; returns whether it did.</summary>
    internal static bool ScaleDown(CommissionRuleContext context, decimal cap, CommissionLineMarks flag, CommissionAdjustmentKind kind)
    {
        var total = 0m;
        for (var i = 0; i < context.Count; i++)
        {
            total += context.Lines[i].Amount.Amount;
        }

        if (total <= cap)
        {
            return false;
        }

        var perUnit = context.Compiled.MinorUnitsPerUnit;
        for (var i = 0; i < context.Count; i++)
        {
            var amount = context.Lines[i].Amount.Amount;
            context.Reduce(i, ScaledMinorUnits(amount, cap, total, perUnit) / perUnit, flag, kind);
        }

        return true;
    }

    /// <summary>Returns floor(amount × cap ÷ total × perUnit) exactly: the decimal quotient is corrected by exact products.</summary>
    internal static decimal ScaledMinorUnits(decimal amount, decimal cap, decimal total, decimal perUnit)
    {
        var numerator = amount * cap * perUnit;
        var units = decimal.Floor(numerator / total);
        while (units > 0m && units * total > numerator)
        {
            units -= 1m;
        }

        while ((units + 1m) * total <= numerator)
        {
            units += 1m;
        }

        return units;
    }
}
