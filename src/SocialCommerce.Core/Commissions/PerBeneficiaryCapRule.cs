namespace SocialCommerce.Commissions;

/// <summary>
/// Built-in rule: clamps what each beneficiary earns from one sale to the plan's per-beneficiary cap, line by line in
/// order (a line that would exceed the beneficiary's remaining allowance is clamped alone; a line left at zero is removed).
/// </summary>
internal sealed class PerBeneficiaryCapRule : ICommissionRule
{
    public static PerBeneficiaryCapRule Instance { get; } = new();

    public string Name => CommissionRuleNames.PerBeneficiaryCap;

    public void Apply(CommissionRuleContext context)
    {
        var cap = context.Compiled.PerBeneficiaryCap;
        for (var i = 0; i < context.Count; i++)
        {
            var line = context.Lines[i];
            var used = 0m;
            for (var j = 0; j < i; j++)
            {
                if (context.Lines[j].Beneficiary == line.Beneficiary)
                {
                    used += context.Lines[j].Amount.Amount;
                }
            }

            var allowance = cap - used;
            if (line.Amount.Amount <= allowance)
            {
                continue;
            }

            if (allowance <= 0m)
            {
                context.Remove(i, CommissionAdjustmentKind.CappedPerBeneficiary);
                i--;
            }
            else
            {
                context.Reduce(i, allowance, CommissionLineMarks.CappedPerBeneficiary, CommissionAdjustmentKind.CappedPerBeneficiary);
            }
        }
    }
}
