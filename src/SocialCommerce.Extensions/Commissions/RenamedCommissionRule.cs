using SocialCommerce.Commissions;

namespace SocialCommerce.Extensions.Commissions;

/// <summary>A host rule registered under another name than its own.</summary>
internal sealed class RenamedCommissionRule(string name, ICommissionRule inner) : ICommissionRule
{
    public string Name { get; } = name;

    public void Apply(CommissionRuleContext context) => inner.Apply(context);
}
