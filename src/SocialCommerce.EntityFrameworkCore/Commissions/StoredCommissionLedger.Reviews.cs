using System;
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

/// <summary>Holds, declines and manual adjustments on the database, and the finance page's reports.</summary>
public sealed partial class StoredCommissionLedger
{
    /// <summary>Holds a sale's commission before release (<see cref="SaleCommissionRecord.Hold"/>): the release job skips it until every hold is lifted.</summary>
    /// <param name="saleId">The sale.</param>
    /// <param name="holdId">The hold's id (the host's review or case id), unique within the sale: the same hold resent is a duplicate.</param>
    /// <param name="reason">Why.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>Applied, a duplicate, or the refusal (unknown, already released, the id with another reason).</returns>
    public Task<SaleCommissionResult> HoldSaleAsync(string saleId, string holdId, string reason, CancellationToken cancellationToken = default)
    {
        StoredIds.Check(saleId, nameof(saleId));
        StoredIds.Check(holdId, nameof(holdId));
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return ChangeSaleAsync($"hold '{holdId}' of sale '{saleId}'", saleId, Instant.MinValue, record => record.Hold(holdId, reason), cancellationToken);
    }

    /// <summary>Lifts a hold of a sale: once none is left, the next release job releases it when due.</summary>
    /// <param name="saleId">The sale.</param>
    /// <param name="holdId">The hold to lift.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>Applied, a duplicate (lifted already), or refused (unknown sale or hold).</returns>
    public Task<SaleCommissionResult> LiftHoldAsync(string saleId, string holdId, CancellationToken cancellationToken = default)
    {
        StoredIds.Check(saleId, nameof(saleId));
        StoredIds.Check(holdId, nameof(holdId));
        return ChangeSaleAsync($"lift hold '{holdId}' of sale '{saleId}'", saleId, Instant.MinValue, record => record.LiftHold(holdId), cancellationToken);
    }

    /// <summary>Declines a held sale's commission: reversed like a full refund.</summary>
    /// <param name="saleId">The sale.</param>
    /// <param name="at">When.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>Applied with the reversals, a duplicate, or the refusal (unknown, not held).</returns>
    public Task<SaleCommissionResult> DeclineSaleAsync(string saleId, Instant at, CancellationToken cancellationToken = default)
    {
        StoredIds.Check(saleId, nameof(saleId));
        Instants.Check(at, nameof(at));
        return ChangeSaleAsync($"decline sale '{saleId}'", saleId, at, record => record.Decline(at), cancellationToken);
    }

    /// <summary>Applies a signed manual adjustment (<see cref="CommissionAccount.Adjust"/>), kept with its author and reason.</summary>
    /// <param name="adjustment">The adjustment.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>Applied, a duplicate, or refused (a used id with other content).</returns>
    public Task<LedgerResult> AdjustAsync(AccountAdjustment adjustment, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(adjustment.AdjustmentId, nameof(adjustment));
        if (adjustment.Amount == default)
        {
            throw new ArgumentException($"Adjustment '{adjustment.AdjustmentId}' has no amount.", nameof(adjustment));
        }

        var currency = adjustment.Amount.Currency;
        return _store.RunAsync($"adjustment '{adjustment.AdjustmentId}' of member {adjustment.Member}", Keys.Account(adjustment.Member, currency), (db, _, ct) => AccountDecisions.DecideAsync(
            db,
            StoredAccounts.TrackWithAdjustmentAsync(db, adjustment.Member, currency, adjustment.AdjustmentId, ct),
            (row, known) => StoredAccounts.FromRow(row, Options, null, null, known is null ? null
                : new AccountAdjustment(known.AdjustmentId, new MemberId(known.MemberId), Money.FromMinorUnits(known.MinorUnits, StoredAccounts.CurrencyOf(known.Currency, row.MinorUnit)), known.Author, known.Reason, StoredJson.Instant(known.At))),
            account => account.Adjust(adjustment),
            (_, _, _) =>
            {
                var units = adjustment.Amount.ToMinorUnits();
                db.Add(new AdjustmentRow { AdjustmentId = adjustment.AdjustmentId, MemberId = adjustment.Member.Value, Currency = currency.Code, MinorUnits = units, Author = adjustment.Author, Reason = adjustment.Reason, At = StoredJson.Ticks(adjustment.At) });
                db.Add(new EntryRow { PostingId = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"adjustment:{adjustment.Member}:{currency.Code}:{adjustment.AdjustmentId}"), MemberId = adjustment.Member.Value, Currency = currency.Code, Kind = "Adjustment", FromState = (int)LedgerState.Available, MinorUnits = units, At = StoredJson.Ticks(adjustment.At) });
            },
            ct), cancellationToken);
    }

    /// <summary>Ledger-wide totals per currency by state (one aggregate query; no entry is read).</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>One line per currency, ordered by code.</returns>
    public Task<IReadOnlyList<LedgerTotals>> GetTotalsAsync(CancellationToken cancellationToken = default) =>
        _store.RunAsync<IReadOnlyList<LedgerTotals>>("read the ledger totals", async (db, _, ct) =>
        {
            var sums = await db.Set<AccountRow>().AsNoTracking()
                .GroupBy(a => new { a.Currency, a.MinorUnit })
                .Select(g => new
                {
                    g.Key.Currency,
                    g.Key.MinorUnit,
                    Accounts = g.Count(),
                    Pending = g.Sum(a => a.Pending),
                    Frozen = g.Sum(a => a.Frozen),
                    Available = g.Sum(a => a.Available),
                    InWithdrawal = g.Sum(a => a.InWithdrawal),
                    Withdrawn = g.Sum(a => a.Withdrawn),
                    Fees = g.Sum(a => a.Fees),
                    Withheld = g.Sum(a => a.Withheld),
                    Debt = g.Sum(a => a.Debt),
                    Booked = g.Sum(a => a.Booked),
                    Reversed = g.Sum(a => a.Reversed),
                    Adjusted = g.Sum(a => a.Adjusted),
                    WrittenOff = g.Sum(a => a.WrittenOff),
                    Forgiven = g.Sum(a => a.Forgiven),
                })
                .ToListAsync(ct).ConfigureAwait(false);
            return sums.OrderBy(s => s.Currency, StringComparer.Ordinal).Select(s =>
            {
                var c = StoredAccounts.CurrencyOf(s.Currency, s.MinorUnit);
                Money M(long units) => Money.FromMinorUnits(units, c);
                return new LedgerTotals(c, s.Accounts, M(s.Pending), M(s.Frozen), M(s.Available), M(s.InWithdrawal), M(s.Withdrawn), M(s.Fees), M(s.Withheld), M(s.Debt), M(s.Booked), M(s.Reversed), M(s.Adjusted), M(s.WrittenOff), M(s.Forgiven));
            }).ToList();
        }, cancellationToken);

    /// <summary>A page of accounts in one currency for a finance page, without reading entries.</summary>
    /// <param name="currency">The currency.</param>
    /// <param name="order">By member, or by available or booked balance (largest first, then by member).</param>
    /// <param name="skip">Accounts to skip (0 or more).</param>
    /// <param name="take">Accounts to return (1–1,000).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page's balances.</returns>
    public Task<IReadOnlyList<LedgerBalance>> ListAccountsAsync(Currency currency, AccountOrder order = AccountOrder.ByMember, int skip = 0, int take = 100, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(currency);
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfLessThan(take, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(take, 1000);
        return _store.RunAsync<IReadOnlyList<LedgerBalance>>($"list accounts in {currency.Code}", async (db, _, ct) =>
        {
            var query = db.Set<AccountRow>().AsNoTracking().Where(a => a.Currency == currency.Code);
            query = order switch
            {
                AccountOrder.ByAvailableDescending => query.OrderByDescending(a => a.Available).ThenBy(a => a.MemberId),
                AccountOrder.ByBookedDescending => query.OrderByDescending(a => a.Booked).ThenBy(a => a.MemberId),
                _ => query.OrderBy(a => a.MemberId),
            };
            var rows = await query.Skip(skip).Take(take).ToListAsync(ct).ConfigureAwait(false);
            return rows.ConvertAll(StoredAccounts.BalanceOf);
        }, cancellationToken);
    }
}
