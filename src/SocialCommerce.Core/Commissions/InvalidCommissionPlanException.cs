namespace SocialCommerce.Commissions;

/// <summary>
/// Thrown when a commission plan is malformed or contradictory, whether built in code or loaded from a JSON
/// document: a negative rate, a gap between levels, a total above 100 %, an unknown rule name, a fixed amount
/// in another currency... One of the <see cref="InvalidRuleException"/> family.
/// </summary>
/// <remarks>
/// <see cref="InvalidRuleException.Path"/> names where the problem is: a JSON path such as <c>$.levels[1].rate</c> for a
/// document, or the builder member such as <c>Level(2)</c> for a plan built in code. The message names the value.
/// </remarks>
public sealed class InvalidCommissionPlanException : InvalidRuleException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="planName">The plan's name (may be empty when the name itself is missing).</param>
    /// <param name="path">The JSON path or builder member that is wrong.</param>
    /// <param name="value">The value found, as text.</param>
    /// <param name="message">What is wrong with it.</param>
    public InvalidCommissionPlanException(string planName, string path, string value, string message)
        : base("Commission plan", planName, path, value, message)
    {
    }

    /// <summary>Gets the plan's name: the same as <see cref="InvalidRuleException.RuleName"/>.</summary>
    public string PlanName => RuleName;
}
