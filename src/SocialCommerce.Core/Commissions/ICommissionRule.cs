namespace SocialCommerce.Commissions;

/// <summary>
/// One step of the commission engine's pipeline: looks at the proposed lines of a sale and may add, change or remove them.
/// </summary>
/// <remarks>
/// <para>
/// The built-in steps (level rates, overrides, eligibility and compression, rank differential, caps) implement this
/// interface exactly as a host rule does. A host rule is registered in a <see cref="CommissionRuleCatalog"/> under its
/// <see cref="Name"/> and a plan refers to it by that name (<see cref="CommissionPlanBuilder.Rule(string)"/>, or
/// <c>"rules": ["name"]</c> in a plan document). Host rules run after the built-in proposals and eligibility, and
/// before the caps, in the order the plan lists them; the engine's compliance stage runs after every rule and
/// cannot be removed or bypassed.
/// </para>
/// <para>
/// Implementations must be deterministic and thread-safe (one instance serves every concurrent quote) and should
/// not allocate: the context is only valid during the call and must not be kept.
/// </para>
/// </remarks>
public interface ICommissionRule
{
    /// <summary>Gets the rule's name: unique in a catalog, referred to by plans, recorded on the lines it produces.</summary>
    string Name { get; }

    /// <summary>Applies the rule to the proposed lines of one sale.</summary>
    /// <param name="context">The sale, the buyer's upline and the proposed lines, with the methods to change them.</param>
    void Apply(CommissionRuleContext context);
}
