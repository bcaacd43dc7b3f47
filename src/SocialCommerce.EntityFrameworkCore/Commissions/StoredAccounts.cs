using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.EntityFrameworkCore.Execution;
using SocialCommerce.Network;

namespace SocialCommerce.EntityFrameworkCore.Commissions;

/// <summary>
/// The accounts one attempt touches. A posting with a delta (an earning, a completion, a cancellation: Core's
/// <see cref="AccountPosting.TryGetDelta"/>) is added to its account's columns without reading it (an upsert), so
/// sales crediting the same top referrers never conflict. An account a posting decides from (a release repays debt
/// first, a clawback takes what is available) is loaded (tracked), changed in Core and written back with its version
/// checked: its decided columns as values, its pending, frozen, booked and reversed columns as deltas like the others,
/// so no concurrent delta is overwritten. Each posting is appended as an entry whose unique posting id makes it
/// idempotent in the database.
/// </summary>
/// <remarks>
/// The row's <see cref="AccountRow.Version"/> counts the commands that decided from the account (withdrawals,
/// adjustments, releases, clawbacks), not the deltas: only those need to see each other.
/// </remarks>
internal sealed class StoredAccounts
{
    private static readonly string[] EntryColumns = [nameof(EntryRow.PostingId), nameof(EntryRow.SaleId), nameof(EntryRow.MemberId), nameof(EntryRow.Currency), nameof(EntryRow.Kind), nameof(EntryRow.FromState), nameof(EntryRow.MinorUnits), nameof(EntryRow.At)];
    private readonly LedgerOptions _options;
    private readonly Dictionary<(long Member, string Currency), (AccountRow Row, CommissionAccount Account, bool IsNew, LedgerAccountState Before)> _accounts = [];
    private readonly SortedDictionary<(long Member, string Currency), (int MinorUnit, AccountDelta Delta)> _deltas = [];
    private readonly List<EntryRow> _entries = [];

    private StoredAccounts(LedgerOptions options) => _options = options;

    /// <summary>Loads (tracked, in one query) the accounts that a posting without a delta decides from; the others are not read.</summary>
    public static async Task<StoredAccounts> LoadAsync(DbContext db, LedgerOptions options, IEnumerable<AccountPosting> postings, CancellationToken ct)
    {
        var accounts = new StoredAccounts(options);
        var wanted = postings.Where(static p => !p.TryGetDelta(out _)).Select(static p => (p.Member, p.Currency)).Distinct().ToList();
        if (wanted.Count == 0)
        {
            return accounts;
        }

        var members = wanted.Select(static k => k.Member.Value).Distinct().ToList();
        var rows = await db.Set<AccountRow>().Where(a => members.Contains(a.MemberId)).ToListAsync(ct).ConfigureAwait(false);
        foreach (var row in rows)
        {
            var account = FromRow(row, options, null);
            accounts._accounts[(row.MemberId, row.Currency)] = (row, account, false, account.ToSnapshot().Balances);
        }

        foreach (var (member, currency) in wanted)
        {
            if (!accounts._accounts.ContainsKey((member.Value, currency.Code)))
            {
                var row = new AccountRow { MemberId = member.Value, Currency = currency.Code, MinorUnit = currency.MinorUnit };
                var account = new CommissionAccount(member, currency, options);
                accounts._accounts[(member.Value, currency.Code)] = (row, account, true, account.ToSnapshot().Balances);
            }
        }

        return accounts;
    }

    /// <summary>
    /// The tracked row of one account with one of its withdrawals, read in ONE statement so both come from one
    /// snapshot (two reads under read-committed can see a withdrawal that the account's balances do not hold yet, or
    /// no longer). A missing account is a new row already added to the context: a command that decides to write
    /// nothing returns without saving, so the new row is never stored.
    /// </summary>
    public static async Task<(AccountRow Row, WithdrawalRow? Withdrawal)> TrackWithWithdrawalAsync(DbContext db, MemberId member, Currency currency, string withdrawalId, CancellationToken ct)
    {
        var pair = await (
            from a in db.Set<AccountRow>()
            where a.MemberId == member.Value && a.Currency == currency.Code
            from w in db.Set<WithdrawalRow>().Where(w => w.MemberId == a.MemberId && w.Currency == a.Currency && w.WithdrawalId == withdrawalId).DefaultIfEmpty()
            select new { Account = a, Withdrawal = w }).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return pair is null ? (Add(db, member, currency), null) : (pair.Account, pair.Withdrawal);
    }

    /// <summary>The tracked row of one account with one of its adjustments, read in one statement (see <see cref="TrackWithWithdrawalAsync"/>).</summary>
    public static async Task<(AccountRow Row, AdjustmentRow? Adjustment)> TrackWithAdjustmentAsync(DbContext db, MemberId member, Currency currency, string adjustmentId, CancellationToken ct)
    {
        var pair = await (
            from a in db.Set<AccountRow>()
            where a.MemberId == member.Value && a.Currency == currency.Code
            from j in db.Set<AdjustmentRow>().Where(j => j.MemberId == a.MemberId && j.Currency == a.Currency && j.AdjustmentId == adjustmentId).DefaultIfEmpty()
            select new { Account = a, Adjustment = j }).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return pair is null ? (Add(db, member, currency), null) : (pair.Account, pair.Adjustment);
    }

    private static AccountRow Add(DbContext db, MemberId member, Currency currency)
    {
        var row = new AccountRow { MemberId = member.Value, Currency = currency.Code, MinorUnit = currency.MinorUnit };
        db.Add(row);
        return row;
    }

    public static CommissionAccount FromRow(AccountRow row, LedgerOptions options, LedgerWithdrawal? knownWithdrawal, WithdrawalRecord? knownRequest = null, AccountAdjustment? knownAdjustment = null)
    {
        var currency = CurrencyOf(row.Currency, row.MinorUnit);
        var state = new LedgerAccountState(new MemberId(row.MemberId), currency, row.Pending, row.Frozen, row.Available, row.Withdrawn, row.Fees, row.Debt, row.WrittenOff, row.Forgiven, row.Booked, row.Reversed)
        {
            InWithdrawal = row.InWithdrawal,
            Withheld = row.Withheld,
            Adjusted = row.Adjusted,
        };
        return CommissionAccount.FromSnapshot(
            new CommissionAccountSnapshot(Serialization.SocialCommerceJson.SchemaVersion, state, [], knownWithdrawal is { } w ? [w] : [], row.Version) { Requests = knownRequest is null ? [] : [knownRequest], Adjustments = knownAdjustment is { } a ? [a] : [] },
            options);
    }

    /// <summary>
    /// Copies the balances an account decides from to its row (available, debt and the withdrawal and adjustment
    /// columns) with its version; the loaded version stays the concurrency check. Pending, frozen, booked and reversed
    /// are never copied: other writers add deltas to them without reading the row.
    /// </summary>
    public static void CopyBalances(CommissionAccount account, AccountRow row)
    {
        var b = account.ToSnapshot().Balances;
        row.Available = b.Available;
        row.Withdrawn = b.Withdrawn;
        row.Fees = b.Fees;
        row.Debt = b.Debt;
        row.WrittenOff = b.WrittenOff;
        row.Forgiven = b.Forgiven;
        row.InWithdrawal = b.InWithdrawal;
        row.Withheld = b.Withheld;
        row.Adjusted = b.Adjusted;
        row.Version = account.Version;
    }

    public static Currency CurrencyOf(string code, int minorUnit) =>
        Currency.TryFromCode(code, out var known) && known.MinorUnit == minorUnit ? known : new Currency(code, minorUnit);

    public static LedgerBalance BalanceOf(AccountRow row) => FromRow(row, LedgerOptions.Default, null).Balance;

    /// <summary>Applies the postings: to a loaded account in Core, otherwise as a delta; one entry per posting.</summary>
    public void Apply(IReadOnlyList<AccountPosting> postings, Instant at)
    {
        foreach (var posting in postings)
        {
            var key = (posting.Member.Value, posting.Currency.Code);
            if (_accounts.TryGetValue(key, out var loaded))
            {
                loaded.Account.Apply(posting);
            }
            else
            {
                posting.TryGetDelta(out var delta);
                _deltas[key] = _deltas.TryGetValue(key, out var sum) ? (sum.MinorUnit, sum.Delta + delta) : (posting.Currency.MinorUnit, delta);
            }

            _entries.Add(new EntryRow
            {
                PostingId = posting.Id,
                SaleId = posting.SaleId,
                MemberId = posting.Member.Value,
                Currency = posting.Currency.Code,
                Kind = posting.Kind.ToString(),
                FromState = (int)posting.From,
                MinorUnits = posting.MinorUnits,
                At = StoredJson.Ticks(at),
            });
        }
    }

    /// <summary>
    /// Adds the writes to the context and the batch: each changed loaded account's decided columns on its tracked row
    /// (version-checked by <c>SaveChanges</c>), the entries and one upsert of every account's delta (sorted by key, so
    /// concurrent writers lock rows in one order) to <paramref name="batch"/>.
    /// </summary>
    public void Write(DbContext db, SqlBatch batch)
    {
        foreach (var (key, (row, account, isNew, before)) in _accounts)
        {
            if (account.Version == row.Version && !isNew)
            {
                continue;
            }

            var after = account.ToSnapshot().Balances;

            CopyBalances(account, row);
            if (isNew && account.Version > 0)
            {
                db.Add(row);
            }

            var delta = new AccountDelta(after.Pending - before.Pending, after.Frozen - before.Frozen, after.Booked - before.Booked, after.Reversed - before.Reversed);
            if (delta != default)
            {
                _deltas[key] = (row.MinorUnit, _deltas.TryGetValue(key, out var sum) ? sum.Delta + delta : delta);
            }
        }

        batch.Insert(_entries, EntryColumns, static e => [e.PostingId, e.SaleId, e.MemberId, e.Currency, e.Kind, e.FromState, e.MinorUnits, e.At], skipExisting: true);
        AddDeltas(batch);
    }

    // INSERT ... ON CONFLICT DO UPDATE adds each delta to the existing row; the guard refuses a booked total beyond
    // 2^63 − 1 (pending and frozen are parts of booked), which shows as a row not affected.
    private void AddDeltas(SqlBatch batch)
    {
        if (_deltas.Count == 0)
        {
            return;
        }

        var name = batch.Table<AccountRow>(out var table);
        string C(string property) => batch.Column<AccountRow>(table, property);
        string[] added = [C(nameof(AccountRow.Pending)), C(nameof(AccountRow.Frozen)), C(nameof(AccountRow.Booked)), C(nameof(AccountRow.Reversed))];
        var head = $"INSERT INTO {name} AS a ({C(nameof(AccountRow.MemberId))}, {C(nameof(AccountRow.Currency))}, {C(nameof(AccountRow.MinorUnit))}, {C(nameof(AccountRow.Version))}, {string.Join(", ", added)}, "
            + $"{C(nameof(AccountRow.Available))}, {C(nameof(AccountRow.Withdrawn))}, {C(nameof(AccountRow.Fees))}, {C(nameof(AccountRow.Debt))}, {C(nameof(AccountRow.WrittenOff))}, {C(nameof(AccountRow.Forgiven))}, "
            + $"{C(nameof(AccountRow.InWithdrawal))}, {C(nameof(AccountRow.Withheld))}, {C(nameof(AccountRow.Adjusted))}) VALUES ";
        var tail = $" ON CONFLICT ({C(nameof(AccountRow.MemberId))}, {C(nameof(AccountRow.Currency))}) DO UPDATE SET "
            + string.Join(", ", added.Select(static c => $"{c} = a.{c} + excluded.{c}"))
            + $" WHERE a.{added[2]} <= {long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture)} - excluded.{added[2]};\n";
        var rows = _deltas.ToList();
        batch.AddRows(rows.Count, 17, head, tail, i =>
        {
            var ((member, currency), (minorUnit, d)) = rows[i];
            return [member, currency, minorUnit, 0L, d.Pending, d.Frozen, d.Booked, d.Reversed, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L];
        });
    }
}
