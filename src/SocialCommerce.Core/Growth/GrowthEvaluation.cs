using System.Collections.Generic;

namespace SocialCommerce.Growth;

/// <summary>The result of an evaluation: the member's new state and what happened, in order.</summary>
/// <param name="State">The new state.</param>
/// <param name="Events">The events, in the order they happened.</param>
public sealed record GrowthEvaluation(MemberGrowth State, IReadOnlyList<GrowthEvent> Events);
