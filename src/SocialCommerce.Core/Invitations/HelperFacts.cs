namespace SocialCommerce.Invitations;

/// <summary>What the host knows about a helper when they help.</summary>
/// <param name="IsNewMember">Whether the helper counts as a new member (for rules open to new members only).</param>
/// <param name="HelpsToday">How many helps the helper already gave today under the same rule (for <see cref="InvitationRule.HelpsPerHelperPerDay"/>); not negative.</param>
/// <param name="IsPaid">Whether the help was bought (a paid accelerator or extra help); refused unless the rule and the profile allow paid help.</param>
public readonly record struct HelperFacts(bool IsNewMember = false, int HelpsToday = 0, bool IsPaid = false);
