using FsCheck;
using FsCheck.Fluent;

namespace SocialCommerce.Testing;

/// <summary>
/// The default FsCheck arbitrary for <see cref="NetworkSample"/>: 0 to 120 members in any shape, half of them with
/// shuffled ids, with shrinking.
/// Register with <c>[Property(Arbitrary = new[] { typeof(NetworkArbitraries) })]</c>.
/// </summary>
public static class NetworkArbitraries
{
    /// <summary>
    /// Networks in any <see cref="NetworkShape"/>: one in five of 0 to 10 members, the rest 10 to 120; half of them with
    /// ids shuffled (see <see cref="NetworkGen.WithShuffledIds"/>). Shrinks toward fewer members and links.
    /// </summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<NetworkSample> Networks()
    {
        var sized = Gen.Frequency((1, NetworkGen.Networks(0, 10)), (4, NetworkGen.Networks(10, 120)));
        return Arb.From(Gen.OneOf(sized, NetworkGen.WithShuffledIds(sized)), NetworkGen.Shrink);
    }
}
