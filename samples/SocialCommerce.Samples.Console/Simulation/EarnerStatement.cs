using System.Collections.Generic;
using SocialCommerce.Commissions;
using SocialCommerce.Network;

namespace SocialCommerce.Samples.Console.Simulation;

/// <summary>One member's commission statement at the end of the simulation.</summary>
/// <param name="Member">The member.</param>
/// <param name="Depth">Links between the member and the top of its referral tree.</param>
/// <param name="DirectReferrals">Members the member referred.</param>
/// <param name="DownlineSize">Members below the member, at any depth.</param>
/// <param name="Balance">The ledger balances by state.</param>
/// <param name="EntryCount">How many ledger entries the member has.</param>
/// <param name="FirstEntries">The member's first ledger entries, oldest first.</param>
internal sealed record EarnerStatement(
    MemberId Member,
    int Depth,
    int DirectReferrals,
    int DownlineSize,
    LedgerBalance Balance,
    int EntryCount,
    IReadOnlyList<LedgerEntry> FirstEntries);
