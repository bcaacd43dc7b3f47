using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using NodaTime;
using SocialCommerce.Network;
using SocialCommerce.Telemetry;

namespace SocialCommerce.Commissions;

/// <summary>
/// The commission ledger: applies sales, completions, releases, refunds and withdrawals as events and keeps, per
/// member and currency, balances by state — pending → frozen → available → withdrawn — with an append-only history.
/// </summary>
/// <remarks>
/// <para>
/// <b>Lifecycle.</b> <see cref="Post(LedgerSale)"/> books each earning as pending. <see cref="Complete"/> freezes the
/// sale's earnings until <c>completedAt + returnWindow</c>. <see cref="Release"/> makes available every frozen sale
/// whose deadline is at or before the instant passed in (the deadline is exclusive: one tick before it the earnings
/// are still frozen). <see cref="Withdraw"/> moves available money to withdrawn, with a minimum and an optional fee.
/// Nothing reads a clock.
/// </para>
/// <para>
/// <b>Refunds</b> reverse exactly what was booked. Before release they cancel (pending or frozen); after release they
/// book a clawback, and the <see cref="ClawbackPolicy"/> decides what happens to a shortfall. History is never edited.
/// </para>
/// <para>
/// <b>Idempotence.</b> A sale, completion (keyed by the sale id), refund (keyed by the sale and refund ids) or
/// withdrawal (keyed by the member's account and the withdrawal id) posted twice is a
/// <see cref="LedgerOutcome.Duplicate"/> and changes nothing; the same id with other content is refused
/// (<see cref="LedgerRefusal.ConflictingDuplicate"/>). Releasing again at the same instant releases nothing.
/// </para>
/// <para>
/// <b>Out-of-order events.</b> A completion or refund of a sale the ledger does not hold is refused
/// (<see cref="LedgerRefusal.UnknownSale"/>) and may be posted again once the sale is posted. A refund before
/// completion is accepted and gives the same end state as the same refund after completion; a completion after a
/// full refund is accepted and moves nothing. A refund posted after the sale's release is a clawback, whatever the
/// refund's own instant: the ledger's state follows posting order.
/// </para>
/// <para>
/// <b>Misuse</b> throws: amounts that are negative, not whole minor units or in another currency than the sale's,
/// a line index the sale does not have, a completion before the sale was paid, an empty id.
/// </para>
/// <para>
/// <b>Thread safety.</b> Not thread-safe. A host serialises every call on one ledger instance (postings and
/// queries, including <see cref="LedgerResult.GetEntries"/>, which reads the ledger), for example one ledger per shard
/// of members driven by a single writer, or a lock around it. Entries and balances, once returned, are immutable values
/// and may be shared freely.
/// </para>
/// <para>
/// <b>One ledger.</b> The ledger is a home for the same aggregates a database keeps: one
/// <see cref="SaleCommissionRecord"/> per sale and one <see cref="CommissionAccount"/> per member and currency. Every
/// rule is theirs — the lifecycle, refunds, holds and declines, withdrawals (immediate, or through the request →
/// approval → payment lifecycle), adjustments and payout runs — so the ledger and the stored ledger decide alike. The
/// ledger adds what one process can: it applies a record's effects on its accounts in the same call, keeps the
/// history as entries and releases due sales in order of their deadlines.
/// </para>
/// <para>
/// <b>Performance.</b> Records and accounts are found through dictionaries of ids; entries are held in chunks of dense
/// rows; frozen sales wait in a queue ordered by release deadline, so a release touches only what it releases.
/// </para>
/// </remarks>
public sealed partial class CommissionLedger
{
    private const int None = -1;

    private readonly LedgerOptions _options;
    private readonly List<Currency> _currencies = [];
    private readonly Dictionary<string, int> _saleIndex;
    private readonly Dictionary<AccountKey, int> _accountIndex;
    private readonly Dictionary<MemberId, int> _firstAccountOfMember;

    // The refunds and immediate withdrawals applied, in order: the entries name them by index. Their idempotence is the
    // records' and the accounts' own.
    private readonly List<LedgerRefund> _refunds = [];
    private readonly List<LedgerWithdrawal> _withdrawals = [];
    private readonly PriorityQueue<int, (Instant At, int Sale)> _frozen = new();

    // Completions usually arrive in deadline order: those wait in this FIFO ring (O(1)); the others in _frozen. Both are
    // ordered by (release instant, sale slot), one total order: sales due at the same instant release in posting order,
    // however their completions arrived, so a ledger restored from its snapshot releases exactly like the original.
    private int[] _releaseQueue;
    private int _releaseHead;
    private int _releaseCount;

    private SaleSlot[] _sales;
    private int _saleCount;

    /// <summary>The account slot of each earning, the sales' earnings one after another (<see cref="SaleSlot.FirstEarning"/>).</summary>
    private int[] _earningAccounts;
    private int _earningCount;
    private AccountSlot[] _accounts;
    private int _accountCount;

    /// <summary>
    /// The entries, in chunks of <see cref="EntryChunkSize"/> rows (only the first chunk starts smaller and
    /// doubles up to that size): a growing ledger adds chunks instead of copying every row into an array
    /// twice the size, so appending never copies and memory grows with the entries alone.
    /// </summary>
    private EntryRow[][] _entryChunks;
    private int _entryCount;

    /// <summary>The sequence of the last entry before this instance's first (a restored ledger continues the numbering).</summary>
    private long _sequenceBase;

    private const int EntryChunkBits = 16;
    private const int EntryChunkSize = 1 << EntryChunkBits;
    private const int EntryChunkMask = EntryChunkSize - 1;

    private readonly SocialCommerceListener? _listener;

    /// <summary>Creates an empty ledger.</summary>
    /// <param name="options">The clawback policy and withdrawal rules; <see cref="LedgerOptions.Default"/> when null.</param>
    /// <param name="capacity">Sales to reserve room for.</param>
    /// <param name="listener">Told about every posting, completion, release, refund and withdrawal (metrics, logs); none when null.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is negative, or a minimum withdrawal is negative.</exception>
    /// <exception cref="ArgumentException">A minimum withdrawal is not whole minor units, or two are given for one currency.</exception>
    public CommissionLedger(LedgerOptions? options = null, int capacity = 16, SocialCommerceListener? listener = null)
        : this(options, capacity, listener, (long)Math.Max(capacity, 4) * 6)
    {
    }

    /// <summary>Creates an empty ledger with room for <paramref name="entryRows"/> entries (a restore starts with none).</summary>
    private CommissionLedger(LedgerOptions? options, int capacity, SocialCommerceListener? listener, long entryRows)
    {
        _listener = listener;
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _options = options ?? LedgerOptions.Default;
        var minimums = _options.MinimumWithdrawals ?? [];
        for (var i = 0; i < minimums.Count; i++)
        {
            var minimum = minimums[i];
            if (minimum.Equals(default(Money)))
            {
                throw new ArgumentException($"MinimumWithdrawals[{i}] has no currency (default Money).", nameof(options));
            }

            LedgerAmounts.CheckAmount(minimum, minimum.Currency, $"MinimumWithdrawals[{i}]");
            for (var j = 0; j < i; j++)
            {
                if (minimums[j].Currency.Equals(minimums[i].Currency))
                {
                    throw new ArgumentException($"MinimumWithdrawals gives two minimums for {minimums[i].Currency.Code}: {minimums[j]} and {minimums[i]}.", nameof(options));
                }
            }
        }

        capacity = Math.Max(capacity, 4);
        _saleIndex = new Dictionary<string, int>(capacity, StringComparer.Ordinal);
        _accountIndex = new Dictionary<AccountKey, int>(capacity);
        _firstAccountOfMember = new Dictionary<MemberId, int>(capacity);
        _sales = new SaleSlot[capacity];
        _earningAccounts = new int[capacity * 2];
        _releaseQueue = new int[capacity];
        _accounts = new AccountSlot[capacity];
        var rows = Math.Max(entryRows, 16);
        var chunks = (int)Math.Max(1, (rows + EntryChunkSize - 1) / EntryChunkSize);
        _entryChunks = new EntryRow[chunks][];
        _entryChunks[0] = new EntryRow[(int)Math.Min(rows, EntryChunkSize)];
        for (var c = 1; c < chunks; c++)
        {
            _entryChunks[c] = new EntryRow[EntryChunkSize];
        }
    }

    /// <summary>Gets the options the ledger applies.</summary>
    public LedgerOptions Options => _options;

    /// <summary>Gets the number of entries this instance holds (a restored ledger holds those written since the restore).</summary>
    public int EntryCount => _entryCount;

    /// <summary>Gets the sequence of the last entry written, counting the entries before a restore (0 when none).</summary>
    public long LastSequence => _sequenceBase + _entryCount;

    /// <summary>Gets the number of sales posted.</summary>
    public int SaleCount => _saleCount;

    /// <summary>Returns a member's balances in one currency (all zero when the member has none).</summary>
    /// <param name="member">The member.</param>
    /// <param name="currency">The currency.</param>
    /// <returns>The balances.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="currency"/> is null.</exception>
    public LedgerBalance GetBalance(MemberId member, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        var a = FindAccount(member, currency);
        return a != None ? AccountAt(a).Balance : new CommissionAccount(member, currency, _options).Balance;
    }

    /// <summary>Returns a member's balances in every currency the member has an account in, in order of first use.</summary>
    /// <param name="member">The member.</param>
    /// <returns>The balances; empty when the member has none.</returns>
    public IReadOnlyList<LedgerBalance> GetBalances(MemberId member)
    {
        var result = new List<LedgerBalance>();
        if (_firstAccountOfMember.TryGetValue(member, out var a))
        {
            for (; a != None; a = _accounts[a].NextOfMember)
            {
                result.Add(AccountAt(a).Balance);
            }
        }

        return result;
    }

    /// <summary>Returns a sale's commission record (its lifecycle, hold and refunds), or <see langword="null"/> when it was not posted.</summary>
    /// <param name="saleId">The sale.</param>
    /// <returns>A copy of the record: changing it changes nothing in the ledger.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="saleId"/> is null.</exception>
    public SaleCommissionRecord? GetSale(string saleId)
    {
        ArgumentNullException.ThrowIfNull(saleId);
        return _saleIndex.TryGetValue(saleId, out var s) ? SaleCommissionRecord.FromSnapshot(RecordAt(s).ToSnapshot()) : null;
    }

    /// <summary>Returns a member's entries in every currency, in history order.</summary>
    /// <param name="member">The member.</param>
    /// <returns>The entries; empty when the member has none.</returns>
    public IReadOnlyList<LedgerEntry> GetEntries(MemberId member)
    {
        var rows = new List<int>();
        if (_firstAccountOfMember.TryGetValue(member, out var a))
        {
            for (; a != None; a = _accounts[a].NextOfMember)
            {
                for (var e = _accounts[a].LastEntry; e != None; e = EntryAt(e).PreviousOfAccount)
                {
                    rows.Add(e);
                }
            }
        }

        rows.Sort();
        var result = new LedgerEntry[rows.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = ToEntry(rows[i]);
        }

        return result;
    }

    /// <summary>Returns the history this instance holds, in order (a restored ledger: the entries since the restore).</summary>
    /// <returns>Every entry held, from the first sequence after the restore (1 for a new ledger).</returns>
    public IReadOnlyList<LedgerEntry> GetEntries() => _entryCount == 0 ? Array.Empty<LedgerEntry>() : GetEntries(_sequenceBase + 1, _entryCount);

    internal IReadOnlyList<LedgerEntry> GetEntries(long firstSequence, int count)
    {
        var result = new LedgerEntry[count];
        var first = checked((int)(firstSequence - 1 - _sequenceBase));
        for (var i = 0; i < count; i++)
        {
            result[i] = ToEntry(first + i);
        }

        return result;
    }

    private LedgerEntry ToEntry(int e)
    {
        ref readonly var row = ref EntryAt(e);
        var account = AccountAt(row.Account);
        var kind = (LedgerEntryKind)row.Kind;
        var record = row.Sale == None ? null : RecordAt(row.Sale);
        string? refundId = null;
        string? withdrawalId = null;
        Instant at;
        switch (kind)
        {
            case LedgerEntryKind.Earned:
                at = record!.Sale.PaidAt;
                break;
            case LedgerEntryKind.Completed:
                at = record!.CompletedAt!.Value;
                break;
            case LedgerEntryKind.Released or LedgerEntryKind.DebtRepaid:
                at = record!.ReleaseAt!.Value;
                break;
            case LedgerEntryKind.Withdrawn or LedgerEntryKind.WithdrawalFee:
                var withdrawal = _withdrawals[row.Source];
                at = withdrawal.At;
                withdrawalId = withdrawal.WithdrawalId;
                break;
            default:
                var refund = _refunds[row.Source];
                at = refund.At;
                refundId = refund.RefundId;
                break;
        }

        var earning = record is null ? default : record.Sale.EarningArray[row.Earning];
        return new LedgerEntry(
            _sequenceBase + e + 1L,
            kind,
            (LedgerState)row.State,
            account.Member,
            LedgerAmounts.FromMinor(row.Amount, account.Currency),
            at,
            record?.Sale.SaleId,
            refundId,
            withdrawalId,
            record is null ? -1 : earning.Level,
            record is null ? -1 : earning.LineIndex);
    }

    private int FindCurrency(Currency currency)
    {
        for (var i = 0; i < _currencies.Count; i++)
        {
            var c = _currencies[i];
            if (ReferenceEquals(c, currency) || c.Equals(currency))
            {
                return i;
            }
        }

        return None;
    }

    private int GetOrAddCurrency(Currency currency)
    {
        var c = FindCurrency(currency);
        if (c == None)
        {
            c = _currencies.Count;
            _currencies.Add(currency);
        }

        return c;
    }

    /// <summary>The slot of a member's account in a currency, or <see cref="None"/>.</summary>
    private int FindAccount(MemberId member, Currency currency)
    {
        var c = FindCurrency(currency);
        return c != None && _accountIndex.TryGetValue(new AccountKey(member.Value, c), out var a) ? a : None;
    }

    /// <summary>The slot of a member's account in a currency, added (with <paramref name="account"/>, or a restored state made an account on first use, or a new account) when missing.</summary>
    private int GetOrAddAccount(MemberId member, int currency, CommissionAccount? account = null, LedgerAccountState? restored = null)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_accountIndex, new AccountKey(member.Value, currency), out var exists);
        if (exists)
        {
            return slot;
        }

        var a = _accountCount;
        slot = a;
        if (a == _accounts.Length)
        {
            Array.Resize(ref _accounts, a * 2);
        }

        _accounts[a] = new AccountSlot
        {
            Loaded = account ?? (restored is null ? new CommissionAccount(member, _currencies[currency], _options) : null),
            Restored = restored,
            LastEntry = None,
            NextOfMember = None,
        };
        _accountCount = a + 1;

        ref var first = ref CollectionsMarshal.GetValueRefOrAddDefault(_firstAccountOfMember, member, out var memberExists);
        if (!memberExists)
        {
            first = a;
        }
        else
        {
            var last = first;
            while (_accounts[last].NextOfMember != None)
            {
                last = _accounts[last].NextOfMember;
            }

            _accounts[last].NextOfMember = a;
        }

        return a;
    }

    /// <summary>Appends an entry; its instant, level and line are derived from the sale, earning or source when read.</summary>
    private void Append(LedgerEntryKind kind, LedgerState state, int account, long amount, int sale, int earning, int source)
    {
        var e = _entryCount;
        var chunk = e >> EntryChunkBits;
        if (chunk == _entryChunks.Length)
        {
            Array.Resize(ref _entryChunks, chunk * 2);
        }

        var rows = _entryChunks[chunk];
        if (rows is null)
        {
            rows = _entryChunks[chunk] = new EntryRow[EntryChunkSize];
        }
        else if ((e & EntryChunkMask) == rows.Length)
        {
            Array.Resize(ref _entryChunks[chunk], Math.Min(rows.Length * 2, EntryChunkSize));
            rows = _entryChunks[chunk];
        }

        ref var acc = ref _accounts[account];
        rows[e & EntryChunkMask] = new EntryRow
        {
            Amount = amount,
            Account = account,
            Sale = sale,
            Earning = earning,
            Source = source,
            PreviousOfAccount = acc.LastEntry,
            Kind = (byte)kind,
            State = (byte)state,
        };
        acc.LastEntry = e;
        _entryCount = e + 1;
    }

    /// <summary>The account in slot <paramref name="a"/>, made from its restored balances on first use.</summary>
    private CommissionAccount AccountAt(int a)
    {
        ref var slot = ref _accounts[a];
        if (slot.Loaded is null)
        {
            slot.Loaded = CommissionAccount.Restore(slot.Restored!, _options);
            slot.Restored = null;
        }

        return slot.Loaded;
    }

    /// <summary>The record of the sale in slot <paramref name="s"/>, made from its restored state on first use.</summary>
    private SaleCommissionRecord RecordAt(int s)
    {
        ref var slot = ref _sales[s];
        if (slot.Record is null)
        {
            var (state, refunds) = slot.Restored!.Value;
            slot.Record = SaleCommissionRecord.Restore(state, refunds);
            slot.Restored = null;
        }

        return slot.Record;
    }

    private ref EntryRow EntryAt(int e) => ref _entryChunks[e >> EntryChunkBits][e & EntryChunkMask];

    private LedgerResult Report(string operation, LedgerResult result)
    {
        CommittedReport.To(_listener, static (l, a) => l.OnLedger(a), new LedgerArguments(operation, result));

        return result;
    }

    private LedgerResult Applied(int firstEntry) =>
        new(this, LedgerOutcome.Applied, LedgerRefusal.None, null, _sequenceBase + firstEntry + 1L, _entryCount - firstEntry);

    /// <summary>A record's answer as the ledger's result: applied with the entries from <paramref name="firstEntry"/>, or the record's duplicate or refusal.</summary>
    private LedgerResult ToResult(in SaleCommissionResult result, int firstEntry) => result.Outcome switch
    {
        LedgerOutcome.Applied => Applied(firstEntry),
        LedgerOutcome.Duplicate => LedgerResult.Duplicate(result.Message!),
        _ => LedgerResult.Refused(result.Refusal, result.Message!),
    };

    private readonly record struct AccountKey(long Member, int Currency);

    private struct SaleSlot
    {
        /// <summary>The sale's record; null for a sale restored and not touched since (see <see cref="Restored"/>).</summary>
        public SaleCommissionRecord? Record;

        /// <summary>A restored sale's checked state and refunds, made a record on first use (a restore builds no records).</summary>
        public (LedgerSaleState State, IReadOnlyList<LedgerRefund> Refunds)? Restored;

        public Instant ReleaseAt;
        public int FirstEarning;

        /// <summary>Whether the sale waits in a release queue (a held sale taken from it is queued again when the hold ends).</summary>
        public bool Queued;
    }

    private struct AccountSlot
    {
        /// <summary>The account; null for an account restored and not touched since (see <see cref="Restored"/>).</summary>
        public CommissionAccount? Loaded;

        /// <summary>A restored account's checked balances, made an account on first use.</summary>
        public LedgerAccountState? Restored;

        public int LastEntry;
        public int NextOfMember;
    }

    /// <summary>32 bytes: the source is a refund index for refund entries, a withdrawal index for withdrawal entries; the earning is the sale's.</summary>
    private struct EntryRow
    {
        public long Amount;
        public int Account;
        public int Sale;
        public int Earning;
        public int Source;
        public int PreviousOfAccount;
        public byte Kind;
        public byte State;
    }
}
