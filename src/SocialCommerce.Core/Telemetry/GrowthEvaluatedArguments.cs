using SocialCommerce.Growth;

namespace SocialCommerce.Telemetry;

/// <summary>
/// What <see cref="SocialCommerceListener.OnGrowthEvaluated"/> receives.
/// </summary>
public readonly struct GrowthEvaluatedArguments
{
    internal GrowthEvaluatedArguments(GrowthEvaluation evaluation) => Evaluation = evaluation;

    /// <summary>Gets the evaluation: the member's new state and the events (points, promotions, demotions, honours).</summary>
    public GrowthEvaluation Evaluation { get; }
}
