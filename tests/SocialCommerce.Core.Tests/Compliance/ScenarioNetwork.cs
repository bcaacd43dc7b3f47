using NodaTime;
using SocialCommerce.Network;

namespace SocialCommerce.Core.Tests.Compliance;

/// <summary>
/// The hand-built network of the scenario tests and docs/compliance.md:
/// <code>
/// 1 ── 2, 3, 4 ── 9 recruits each (10..18 under 2, 19..27 under 3, 28..36 under 4)
///                 10 ── 100 ── 101 ── 102          (a chain hanging under 10)
/// 500 ── 501, 502
/// 600
/// </code>
/// Counted by hand: 38 members, 3 trees. Tree of 1: 1 + 3 + 27 + 3 = 34 participants, longest chain
/// 1-2-10-100-101-102 = 5 links = 6 team levels. Team of 2: 1 + 9 + 3 = 13 participants. Depths: 0: 3 members
/// (1, 500, 600), 1: 5 (2, 3, 4, 501, 502), 2: 27, 3: 1 (100), 4: 1 (101), 5: 1 (102).
/// </summary>
internal static class ScenarioNetwork
{
    public static readonly Instant At = Instant.FromUtc(2026, 11, 1, 9, 0);

    public static ReferralNetwork Build()
    {
        var network = new ReferralNetwork();
        network.AddMember(new MemberId(1), At);
        for (var level1 = 2; level1 <= 4; level1++)
        {
            network.AddMember(new MemberId(level1), new MemberId(1), At);
            for (var k = 0; k < 9; k++)
            {
                network.AddMember(new MemberId(10 + ((level1 - 2) * 9) + k), new MemberId(level1), At);
            }
        }

        network.AddMember(new MemberId(100), new MemberId(10), At);
        network.AddMember(new MemberId(101), new MemberId(100), At);
        network.AddMember(new MemberId(102), new MemberId(101), At);
        network.AddMember(new MemberId(500), At);
        network.AddMember(new MemberId(501), new MemberId(500), At);
        network.AddMember(new MemberId(502), new MemberId(500), At);
        network.AddMember(new MemberId(600), At);
        return network;
    }
}
