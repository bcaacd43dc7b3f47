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
/// The accounts one attempt touches: loaded (tracked) in one query, changed in Core, written back with their version
/// checked, each posting appended as an entry whose unique posting id makes it idempotent in the database.
/// </summary>
internal sealed class StoredAccounts
{
    private readonly DbContext _db;
    private readonly LedgerOptions _options;
    private readonly Dictionary<(long Member, string Currency), (AccountRow Row, CommissionAccount Account, bool IsNew)> _accounts = [];

    private StoredAccounts(DbContext db, LedgerOptions options)
    {
        _db = db;
        _options = options;
    }

    public static async Task<StoredAccounts> LoadAsync(DbContext db, LedgerOptions options, IEnumerable<(MemberId Member, Currency Currency)> keys, CancellationToken ct)
    {
        var accounts = new StoredAccounts(db, options);
        var wanted = keys.Distinct().ToList();
        if (wanted.Count == 0)
        {
            return accounts;
        }

        var members = wanted.Select(static k => k.Member.Value).Distinct().ToList();
        var rows = await db.Set<AccountRow>().Where(a => members.Contains(a.MemberId)).ToListAsync(ct).ConfigureAwait(false);
        foreach (var row in rows)
        {
            accounts._accounts[(row.MemberId, row.Currency)] = (row, FromRow(row, options, null), false);
        }

        foreach (var (member, currency) in wanted)
        {
            if (!accounts._accounts.ContainsKey((member.Value, currency.Code)))
            {
                var row = new AccountRow { MemberId = member.Value, Currency = currency.Code, MinorUnit = currency.MinorUnit };
                accounts._accounts[(member.Value, currency.Code)] = (row, new CommissionAccount(member, currency, options), true);
            }
        }

        return accounts;
    }

    /// <summary>
    /// The tracked row of one account, or a new one already added to the context: a command that decides to write
    /// nothing returns without saving, so the new row is never stored.
    /// </summary>
    public static async Task<AccountRow> TrackAsync(DbContext db, MemberId member, Currency currency, CancellationToken ct)
    {
        var row = await db.Set<AccountRow>().FirstOrDefaultAsync(a => a.MemberId == member.Value && a.Currency == currency.Code, ct).ConfigureAwait(false);
        if (row is null)
        {
            row = new AccountRow { MemberId = member.Value, Currency = currency.Code, MinorUnit = currency.MinorUnit };
            db.Add(row);
        }

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

    /// <summary>Copies an account's balances to its row (the row's loaded version stays the concurrency check).</summary>
    public static void CopyBalances(CommissionAccount account, AccountRow row)
    {
        var b = account.ToSnapshot().Balances;
        row.Pending = b.Pending;
        row.Frozen = b.Frozen;
        row.Available = b.Available;
        row.Withdrawn = b.Withdrawn;
        row.Fees = b.Fees;
        row.Debt = b.Debt;
        row.WrittenOff = b.WrittenOff;
        row.Forgiven = b.Forgiven;
        row.Booked = b.Booked;
        row.Reversed = b.Reversed;
        row.InWithdrawal = b.InWithdrawal;
        row.Withheld = b.Withheld;
        row.Adjusted = b.Adjusted;
        row.Version = account.Version;
    }

    public static Currency CurrencyOf(string code, int minorUnit) =>
        Currency.TryFromCode(code, out var known) && known.MinorUnit == minorUnit ? known : new Currency(code, minorUnit);

    public static LedgerBalance BalanceOf(AccountRow row) => FromRow(row, LedgerOptions.Default, null).Balance;

    /// <summary>Gets the entries of untracked applications (for a bulk insert).</summary>
    public List<EntryRow> NewEntries { get; } = [];

    /// <summary>Applies the postings to their accounts and appends one entry per posting (tracked, or kept in <see cref="NewEntries"/>).</summary>
    public void Apply(IReadOnlyList<AccountPosting> postings, Instant at, bool track = true)
    {
        foreach (var posting in postings)
        {
            var (_, account, _) = _accounts[(posting.Member.Value, posting.Currency.Code)];
            account.Apply(posting);
            var entry = new EntryRow
            {
                PostingId = posting.Id,
                SaleId = posting.SaleId,
                MemberId = posting.Member.Value,
                Currency = posting.Currency.Code,
                Kind = posting.Kind.ToString(),
                FromState = (int)posting.From,
                MinorUnits = posting.MinorUnits,
                At = StoredJson.Ticks(at),
            };
            if (track)
            {
                _db.Add(entry);
            }
            else
            {
                NewEntries.Add(entry);
            }
        }
    }

    public CommissionAccount Get(MemberId member, Currency currency) => _accounts[(member.Value, currency.Code)].Account;

    /// <summary>Copies every changed account back to its row (new rows are added; existing ones keep their loaded version as the check).</summary>
    public void Write()
    {
        foreach (var (row, account, isNew) in _accounts.Values)
        {
            if (account.Version == row.Version && !isNew)
            {
                continue;
            }

            CopyBalances(account, row);
            if (isNew && account.Version > 0)
            {
                _db.Add(row);
            }
        }
    }
}
