namespace SocialCommerce.Compliance;

/// <summary>
/// The period's rewarded sales volume split by who bought: outside customers or participants.
/// </summary>
/// <param name="Sales">The number of rewarded sales.</param>
/// <param name="RewardedVolume">The total rewarded volume.</param>
/// <param name="CustomerVolume">The volume bought by customers who are not participants.</param>
/// <param name="CustomerShare">
/// <paramref name="CustomerVolume"/> / <paramref name="RewardedVolume"/>, exact (not rounded); 100 % when the rewarded volume is zero.
/// </param>
public sealed record RetailShareSummary(int Sales, Money RewardedVolume, Money CustomerVolume, Rate CustomerShare);
