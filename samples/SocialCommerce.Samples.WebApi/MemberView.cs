using System.Collections.Generic;
using SocialCommerce.Commissions;
using SocialCommerce.Growth;
using SocialCommerce.Network;

namespace SocialCommerce.Samples.WebApi;

/// <summary>What the shop knows of one member.</summary>
/// <param name="Member">The member.</param>
/// <param name="Referrer">The referrer, if any.</param>
/// <param name="Depth">The depth in the referral network.</param>
/// <param name="Growth">The growth state.</param>
/// <param name="Balances">The commission balances, one per currency.</param>
public sealed record MemberView(MemberId Member, MemberId? Referrer, int Depth, MemberGrowth Growth, IReadOnlyList<LedgerBalance> Balances);
