namespace SocialCommerce.Compliance;

/// <summary>
/// What a compliance profile needs to know about a group-buy rule.
/// </summary>
/// <param name="Name">The rule's name, used as the subject of findings.</param>
/// <param name="AllowsSimulatedParticipants">Whether an unfilled group may be completed at the deadline with simulated participants.</param>
public sealed record GroupBuyRuleFacts(string Name, bool AllowsSimulatedParticipants);
