using SocialCommerce.Network;

namespace SocialCommerce.GroupBuying;

/// <summary>
/// The community leader's single-level commission on a batch's confirmed sales, exact and reported
/// the way the commission engine reports money: <c>Amount + Residual == Exact == Rate × Base</c>.
/// </summary>
/// <param name="Leader">The leader.</param>
/// <param name="Rate">The batch rule's commission rate.</param>
/// <param name="Base">The confirmed sales the rate applies to.</param>
/// <param name="Exact">The exact commission, <paramref name="Rate"/> × <paramref name="Base"/> (may have more decimals than the minor unit).</param>
/// <param name="Amount">What the leader earns: <paramref name="Exact"/> rounded toward zero to the minor unit.</param>
/// <param name="Residual">What stays with the platform: <paramref name="Exact"/> − <paramref name="Amount"/>.</param>
public sealed record LeaderCommission(MemberId Leader, Rate Rate, Money Base, Money Exact, Money Amount, Money Residual);
