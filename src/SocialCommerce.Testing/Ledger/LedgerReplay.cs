using System.Collections.Generic;
using SocialCommerce.Commissions;

namespace SocialCommerce.Testing;

/// <summary>The result of <see cref="LedgerHistory.Replay"/>: the ledger after every step, and each step's outcome.</summary>
/// <param name="Ledger">The ledger.</param>
/// <param name="Outcomes">The outcome of each step, by index.</param>
public sealed record LedgerReplay(CommissionLedger Ledger, IReadOnlyList<LedgerOutcome> Outcomes);
