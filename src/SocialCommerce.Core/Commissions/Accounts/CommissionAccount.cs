using System;
using System.Collections.Generic;
using SocialCommerce.Network;

namespace SocialCommerce.Commissions;

/// <summary>
/// One member's commission account in one currency: the aggregate a database keeps per row, changed by the postings
/// of sale records (<see cref="SaleCommissionRecord"/>) and by the member's withdrawals. Each posting is applied once
/// (idempotent by <see cref="AccountPosting.Id"/>), so a writer that crashed half-way through a refund applies the
/// rest again and changes nothing else.
/// </summary>
/// <remarks>
/// The in-memory <see cref="CommissionLedger"/> holds one of these per member and currency, as a database holds one
/// row: both homes decide with the same code. Not thread-safe: one writer per account (a database row with its
/// <see cref="Version"/> as the concurrency token).
/// </remarks>
public sealed partial class CommissionAccount
{
    // Created on first use: the in-memory ledger holds one account per member and currency and never needs most of them.
    private HashSet<string>? _applied;
    private Dictionary<string, LedgerWithdrawal>? _withdrawals;
    private readonly LedgerOptions _options;
    private long _pending;
    private long _frozen;
    private long _available;
    private long _withdrawn;
    private long _fees;
    private long _debt;
    private long _writtenOff;
    private long _forgiven;
    private long _booked;
    private long _reversed;

    /// <summary>Creates an empty account.</summary>
    /// <param name="member">The member.</param>
    /// <param name="currency">The currency.</param>
    /// <param name="options">The clawback policy and withdrawal rules; <see cref="LedgerOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="currency"/> is null.</exception>
    public CommissionAccount(MemberId member, Currency currency, LedgerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(currency);
        Member = member;
        Currency = currency;
        _options = options ?? LedgerOptions.Default;
    }

    /// <summary>Gets the member.</summary>
    public MemberId Member { get; }

    /// <summary>Gets the currency.</summary>
    public Currency Currency { get; }

    /// <summary>Gets the version: the number of postings and withdrawals applied.</summary>
    public long Version { get; private set; }

    /// <summary>Gets the balances.</summary>
    public LedgerBalance Balance => new(
        Member,
        Currency,
        LedgerAmounts.FromMinor(_pending, Currency),
        LedgerAmounts.FromMinor(_frozen, Currency),
        LedgerAmounts.FromMinor(_available, Currency),
        LedgerAmounts.FromMinor(_withdrawn, Currency),
        LedgerAmounts.FromMinor(_fees, Currency),
        LedgerAmounts.FromMinor(_debt, Currency),
        LedgerAmounts.FromMinor(_writtenOff, Currency),
        LedgerAmounts.FromMinor(_forgiven, Currency),
        LedgerAmounts.FromMinor(_booked, Currency),
        LedgerAmounts.FromMinor(_reversed, Currency))
    {
        InWithdrawal = LedgerAmounts.FromMinor(_inWithdrawal, Currency),
        Adjusted = LedgerAmounts.FromMinor(_adjusted, Currency),
    };

    /// <summary>Returns whether a posting was applied.</summary>
    /// <param name="postingId">The posting's id.</param>
    /// <returns><see langword="true"/> when it was.</returns>
    public bool HasApplied(string postingId) => _applied?.Contains(postingId) == true;

    /// <summary>Applies a posting of a sale record, once.</summary>
    /// <param name="posting">The posting, for this account's member and currency.</param>
    /// <returns><see langword="true"/> when applied; <see langword="false"/> when it was applied before (nothing changes).</returns>
    /// <exception cref="ArgumentException">The posting is for another member or currency, or its amount is not positive.</exception>
    /// <exception cref="OverflowException">An earning would take the booked amount beyond 2^63 − 1 minor units; nothing is changed (the posting id stays unused).</exception>
    public bool Apply(in AccountPosting posting)
    {
        if (posting.Member != Member || !posting.Currency.Equals(Currency) || posting.MinorUnits <= 0 || string.IsNullOrEmpty(posting.Id))
        {
            throw new ArgumentException($"Posting '{posting.Id}' ({posting.Kind} of {posting.MinorUnits} minor units for member {posting.Member} in {posting.Currency?.Code}) does not belong to the account of member {Member} in {Currency.Code}.", nameof(posting));
        }

        if (_applied?.Contains(posting.Id) == true)
        {
            return false;
        }

        var amount = posting.MinorUnits;
        if (posting.Kind == AccountPostingKind.Earned && (amount > long.MaxValue - _booked || amount > long.MaxValue - _pending))
        {
            throw new OverflowException($"Posting '{posting.Id}' of {amount} minor units would take the account of member {Member} in {Currency.Code} beyond 2^63 - 1 minor units booked ({_booked} now); nothing was changed.");
        }

        (_applied ??= new HashSet<string>(StringComparer.Ordinal)).Add(posting.Id);
        Book(posting.Kind, posting.From, amount);
        return true;
    }

    /// <summary>Gets the booked minor units (for the in-memory ledger's headroom check).</summary>
    internal long BookedUnits => _booked;

    /// <summary>Gets the pending minor units (for the in-memory ledger's headroom check).</summary>
    internal long PendingUnits => _pending;

    /// <summary>
    /// Applies one effect of a sale record's command (the body of <see cref="Apply"/> without its idempotency guard,
    /// which the in-memory ledger does not need: it applies a record's effects in the same call that decided them).
    /// </summary>
    /// <returns>What a release repaid of debt, and how a clawback split (for the ledger's entries).</returns>
    internal AccountEffect Book(AccountPostingKind kind, LedgerState from, long amount)
    {
        AccountEffect effect = default;
        switch (kind)
        {
            case AccountPostingKind.Earned:
                _pending += amount;
                _booked += amount;
                break;
            case AccountPostingKind.Completed:
                _pending -= amount;
                _frozen += amount;
                break;
            case AccountPostingKind.Cancelled when from == LedgerState.Pending:
                _pending -= amount;
                _reversed += amount;
                break;
            case AccountPostingKind.Cancelled:
                _frozen -= amount;
                _reversed += amount;
                break;
            case AccountPostingKind.Released:
                _frozen -= amount;
                effect = new AccountEffect(DebtFirst.Return(amount, ref _available, ref _debt), default);
                break;
            default:
                _reversed += amount;
                effect = new AccountEffect(0, Clawback(amount));
                break;
        }

        Version++;
        return effect;
    }

    /// <summary>Withdraws available money, with the options' minimum and fee; idempotent by withdrawal id and content.</summary>
    /// <param name="withdrawal">The withdrawal, for this account's member and currency.</param>
    /// <returns>The outcome with the gross amount, the fee and the net.</returns>
    /// <exception cref="ArgumentException">The withdrawal is for another member or currency, or not a positive amount in whole minor units.</exception>
    public LedgerWithdrawalResult Withdraw(LedgerWithdrawal withdrawal)
    {
        CheckOwn(withdrawal);
        LedgerWithdrawal? first = withdrawal.WithdrawalId is not null && _withdrawals is not null && _withdrawals.TryGetValue(withdrawal.WithdrawalId, out var known) ? known
            : withdrawal.WithdrawalId is not null && _requests is not null && _requests.TryGetValue(withdrawal.WithdrawalId, out var requested) ? new LedgerWithdrawal(requested.WithdrawalId, requested.Member, requested.Gross, requested.RequestedAt)
            : null;
        if (WithdrawalDecision.Decide(_options, _options.MinimumWithdrawals ?? [], withdrawal, first, _available, out var gross, out var fee) is { } answer)
        {
            return answer;
        }

        var units = gross.ToMinorUnits();
        (_withdrawals ??= new Dictionary<string, LedgerWithdrawal>(StringComparer.Ordinal)).Add(withdrawal.WithdrawalId!, withdrawal); // Decide refused a null id
        _available -= units;
        _withdrawn += units;
        _fees += fee.ToMinorUnits();
        Version++;
        return new LedgerWithdrawalResult(new LedgerResult(null, LedgerOutcome.Applied, LedgerRefusal.None, null, 0, 0), gross, fee, gross - fee);
    }

    /// <summary>Exports the account's state (O(balances + applied postings + withdrawals)).</summary>
    /// <returns>The snapshot.</returns>
    public CommissionAccountSnapshot ToSnapshot()
    {
        var applied = new string[_applied?.Count ?? 0];
        _applied?.CopyTo(applied);
        Array.Sort(applied, StringComparer.Ordinal);
        var withdrawals = new LedgerWithdrawal[_withdrawals?.Count ?? 0];
        _withdrawals?.Values.CopyTo(withdrawals, 0);
        Array.Sort(withdrawals, static (a, b) => string.CompareOrdinal(a.WithdrawalId, b.WithdrawalId));
        return new CommissionAccountSnapshot(
            Serialization.SocialCommerceJson.SchemaVersion,
            State,
            applied,
            withdrawals,
            Version)
        {
            Requests = RequestsSnapshot(),
            Adjustments = AdjustmentsSnapshot(),
        };
    }

    /// <summary>Restores an account from its snapshot, re-deciding nothing.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="options">The clawback policy and withdrawal rules from now on; <see cref="LedgerOptions.Default"/> when null.</param>
    /// <returns>The account.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is null.</exception>
    /// <exception cref="NotSupportedException">The snapshot is of another schema version; the message names both.</exception>
    /// <exception cref="CorruptStateException">
    /// The snapshot is not a state the account could have reached: a negative bucket, buckets that do not add up, debt
    /// beside available money, a withdrawal or adjustment of another account or with impossible amounts, a repeated id.
    /// </exception>
    public static CommissionAccount FromSnapshot(CommissionAccountSnapshot snapshot, LedgerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Serialization.SocialCommerceJson.CheckSchema("commission account snapshot", snapshot.SchemaVersion);
        Check(snapshot);
        var account = Restore(snapshot.Balances, options);
        account.Version = snapshot.Version;
        var applied = Serialization.SocialCommerceJson.OrEmpty(snapshot.AppliedPostings);
        if (applied.Count > 0)
        {
            account._applied = new HashSet<string>(applied, StringComparer.Ordinal);
        }

        account.RestoreWithdrawals(Serialization.SocialCommerceJson.OrEmpty(snapshot.Withdrawals));

        account.RestoreRequests(snapshot);
        account.RestoreAdjustments(snapshot);

        return account;
    }

    /// <summary>Gets the account's balances as a snapshot lists them.</summary>
    internal LedgerAccountState State =>
        new(Member, Currency, _pending, _frozen, _available, _withdrawn, _fees, _debt, _writtenOff, _forgiven, _booked, _reversed) { InWithdrawal = _inWithdrawal, Withheld = _withheld, Adjusted = _adjusted };

    /// <summary>Restores an account's balances from a checked state, re-deciding nothing (version 0, no records).</summary>
    internal static CommissionAccount Restore(LedgerAccountState b, LedgerOptions? options) => new(b.Member, b.Currency, options)
    {
        _pending = b.Pending,
        _frozen = b.Frozen,
        _available = b.Available,
        _withdrawn = b.Withdrawn,
        _fees = b.Fees,
        _debt = b.Debt,
        _writtenOff = b.WrittenOff,
        _forgiven = b.Forgiven,
        _booked = b.Booked,
        _reversed = b.Reversed,
        _inWithdrawal = b.InWithdrawal,
        _withheld = b.Withheld,
        _adjusted = b.Adjusted,
    };

    private static void Check(CommissionAccountSnapshot snapshot)
    {
        var check = new Serialization.StateCheck("commission account snapshot");
        AccountStateCheck.Check(check, snapshot.Balances, "$.balances");
        var b = snapshot.Balances;
        check.Version(snapshot.Version, "$.version");
        var applied = Serialization.SocialCommerceJson.OrEmpty(snapshot.AppliedPostings);
        for (var i = 0; i < applied.Count; i++)
        {
            check.That(!string.IsNullOrEmpty(applied[i]), $"$.appliedPostings[{i}]", applied[i], "a posting id is not empty.");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var withdrawals = Serialization.SocialCommerceJson.OrEmpty(snapshot.Withdrawals);
        for (var i = 0; i < withdrawals.Count; i++)
        {
            var w = withdrawals[i];
            var path = $"$.withdrawals[{i}]";
            check.That(!string.IsNullOrEmpty(w.WithdrawalId) && ids.Add(w.WithdrawalId), $"{path}.withdrawalId", w.WithdrawalId, "a withdrawal id is present and used once.");
            check.That(w.Member == b.Member, $"{path}.member", w.Member, $"the account is member {b.Member}'s.");
            check.That(w.Amount != default && w.Amount.Currency.Equals(b.Currency) && w.Amount.Amount > 0 && Limits.IsSupported(w.Amount), $"{path}.amount", w.Amount, $"a withdrawal is a positive amount of whole minor units of {b.Currency.Code}.");
        }

        long held = 0;
        var requests = Serialization.SocialCommerceJson.OrEmpty(snapshot.Requests);
        for (var i = 0; i < requests.Count; i++)
        {
            var r = CheckRequest(check, requests[i], $"$.requests[{i}]", b, ids);
            held += r.IsInWithdrawal ? r.Gross.ToMinorUnits() : 0;
        }

        check.That(held <= b.InWithdrawal, "$.balances.inWithdrawal", b.InWithdrawal, $"the requested and approved withdrawals hold {held} minor units.");
        var adjustments = Serialization.SocialCommerceJson.OrEmpty(snapshot.Adjustments);
        var adjustmentIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < adjustments.Count; i++)
        {
            CheckAdjustment(check, adjustments[i], $"$.adjustments[{i}]", b, adjustmentIds);
        }
    }

    /// <summary>Checks a withdrawal record of the account <paramref name="b"/> (its id not in <paramref name="ids"/> yet).</summary>
    /// <returns>The record, present.</returns>
    internal static WithdrawalRecord CheckRequest(Serialization.StateCheck check, WithdrawalRecord? request, string path, LedgerAccountState b, HashSet<string> ids)
    {
        var r = check.Present(request, path);
        check.That(!string.IsNullOrEmpty(r.WithdrawalId) && ids.Add(r.WithdrawalId), $"{path}.withdrawalId", r.WithdrawalId, "a withdrawal id is present and used once.");
        check.That(r.Member == b.Member, $"{path}.member", r.Member, $"the account is member {b.Member}'s.");
        check.That(r.Gross != default && r.Gross.Currency.Equals(b.Currency) && r.Gross.Amount > 0 && Limits.IsSupported(r.Gross), $"{path}.gross", r.Gross, $"a withdrawal is a positive amount of whole minor units of {b.Currency.Code}.");
        check.That(r.Fee != default && r.Fee.Currency.Equals(b.Currency) && !r.Fee.IsNegative && Limits.IsSupported(r.Fee), $"{path}.fee", r.Fee, "a fee is whole minor units, not negative.");
        check.That(r.Withheld != default && r.Withheld.Currency.Equals(b.Currency) && !r.Withheld.IsNegative && Limits.IsSupported(r.Withheld) && r.Fee.Amount + r.Withheld.Amount <= r.Gross.Amount, $"{path}.withheld", r.Withheld, "withholding is whole minor units from 0 to gross − fee.");
        check.That(Enum.IsDefined(r.Status), $"{path}.status", r.Status, "not a withdrawal status.");
        check.That(r.Attempts >= 0, $"{path}.attempts", r.Attempts, "should not be negative.");
        check.That(r.Status != WithdrawalStatus.Paid || !string.IsNullOrEmpty(r.TransferReference), $"{path}.transferReference", r.TransferReference, "a paid withdrawal has its transfer reference.");
        return r;
    }

    /// <summary>Checks an adjustment of the account <paramref name="b"/> (its id not in <paramref name="ids"/> yet).</summary>
    internal static void CheckAdjustment(Serialization.StateCheck check, AccountAdjustment a, string path, LedgerAccountState b, HashSet<string> ids)
    {
        check.That(!string.IsNullOrEmpty(a.AdjustmentId) && ids.Add(a.AdjustmentId), $"{path}.adjustmentId", a.AdjustmentId, "an adjustment id is present and used once.");
        check.That(a.Member == b.Member, $"{path}.member", a.Member, $"the account is member {b.Member}'s.");
        check.That(a.Amount != default && a.Amount.Currency.Equals(b.Currency) && a.Amount.Amount != 0 && Limits.IsSupported(a.Amount), $"{path}.amount", a.Amount, $"an adjustment is a non-zero amount of whole minor units of {b.Currency.Code}.");
        check.That(!string.IsNullOrWhiteSpace(a.Author) && !string.IsNullOrWhiteSpace(a.Reason), $"{path}.author", a.Author, "an adjustment names its author and reason.");
    }

    /// <summary>Adds withdrawals applied before (a restore): they answer resends of their ids.</summary>
    internal void RestoreWithdrawals(IReadOnlyList<LedgerWithdrawal> withdrawals)
    {
        foreach (var withdrawal in withdrawals)
        {
            (_withdrawals ??= new Dictionary<string, LedgerWithdrawal>(StringComparer.Ordinal))[withdrawal.WithdrawalId] = withdrawal;
        }
    }

    /// <summary>A clawback takes what the available balance holds; the policy handles the shortfall.</summary>
    private ClawbackOutcome Clawback(long delta)
    {
        var outcome = ClawbackOutcome.Of(_options.Clawback, delta, _available, _withdrawn, _forgiven);
        _available -= outcome.Taken;
        _writtenOff += outcome.WrittenOff;
        _forgiven += outcome.Forgiven;
        _debt += outcome.Debt;
        return outcome;
    }
}
