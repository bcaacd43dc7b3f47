using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Network;

namespace SocialCommerce.Core.Tests.Commissions;

/// <summary>Small helpers for hand-written commission tests.</summary>
internal static class CommissionTestNetwork
{
    public static readonly Instant At = Instant.FromUtc(2026, 11, 1, 12, 0);

    /// <summary>Builds a chain: ids[0] is the root, each next member referred by the previous one.</summary>
    public static ReferralNetwork Chain(params long[] ids)
    {
        var network = new ReferralNetwork();
        network.AddMember(new MemberId(ids[0]), At);
        for (var i = 1; i < ids.Length; i++)
        {
            network.AddMember(new MemberId(ids[i]), new MemberId(ids[i - 1]), At);
        }

        return network;
    }

    public static Money Cny(decimal amount) => new(amount, Currency.CNY);

    public static Sale Sale(long buyer, params SaleLine[] lines) => new("S-1", new MemberId(buyer), At, Currency.CNY, lines);

    public static SaleLine Line(string product, string category, int quantity, decimal paid) => new(product, category, quantity, Cny(paid));
}
