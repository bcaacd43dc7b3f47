using FsCheck;
using FsCheck.Fluent;

namespace SocialCommerce.Testing;

/// <summary>
/// The default FsCheck arbitrary for <see cref="NetworkSample"/>: 1 to 40 members in any shape, with shrinking.
/// Register with <c>[Property(Arbitrary = new[] { typeof(NetworkArbitraries) })]</c>.
/// </summary>
public static class NetworkArbitraries
{
    /// <summary>Networks of 1 to 40 members in any <see cref="NetworkShape"/>, shrinking toward fewer members and links.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<NetworkSample> Networks() => Arb.From(NetworkGen.Networks(1, 40), NetworkGen.Shrink);
}
