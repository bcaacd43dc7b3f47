using FsCheck;
using FsCheck.Fluent;

namespace SocialCommerce.Testing;

/// <summary>
/// Default FsCheck arbitraries for group buying, with shrinking. Register with
/// <c>[Property(Arbitrary = new[] { typeof(GroupBuyArbitraries) })]</c>.
/// </summary>
public static class GroupBuyArbitraries
{
    /// <summary>Team-up groups from <see cref="GroupBuyGen.Groups"/>, shrinking toward fewer joins.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<GroupBuyScenario> Groups() => Arb.From(GroupBuyGen.Groups, GroupBuyGen.Shrink);

    /// <summary>Community batches from <see cref="GroupBuyGen.Batches"/>, shrinking toward fewer orders.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<CommunityBatchScenario> Batches() => Arb.From(GroupBuyGen.Batches, GroupBuyGen.Shrink);

    /// <summary>Local cut-offs from <see cref="GroupBuyGen.CutOffs"/>.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<LocalCutOff> CutOffs() => GroupBuyGen.CutOffs.ToArbitrary();
}
