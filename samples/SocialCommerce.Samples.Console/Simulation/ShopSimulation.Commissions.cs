using System.Collections.Generic;
using System.Globalization;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Growth;

namespace SocialCommerce.Samples.Console.Simulation;

/// <summary>Sales: quote with the engine, book in the ledger, then complete, refund and withdraw.</summary>
internal sealed partial class ShopSimulation
{
    private void Buy(int buyer, Instant at)
    {
        var count = 1 + _random.Next(3);
        var lines = new SaleLine[count];
        for (var i = 0; i < count; i++)
        {
            var (id, category, price) = Catalogue[_random.Next(Catalogue.Length)];
            var quantity = _random.Next(4) == 0 ? 2 + _random.Next(2) : 1;
            lines[i] = new SaleLine(id, category, quantity, new Money(price * quantity, Cny));
        }

        var sale = new Sale(string.Create(CultureInfo.InvariantCulture, $"S{_sales + 1:D6}"), Id(buyer), at, Cny, lines);
        PostSale(sale, allowRefunds: true);
    }

    private void PostSale(Sale sale, bool allowRefunds)
    {
        // Quote with the engine, book the quote as it is: the ledger keeps the quote's beneficiaries and amounts.
        var quote = _engine.Quote(sale, _network);
        _sales++;
        _base += quote.Base;
        _pooled += quote.Pool;
        _residual += quote.Residual;
        _quoted += quote.Total;
        var posted = _ledger.Post(LedgerSale.FromQuote(sale, quote, _plan));
        if (!posted.IsApplied)
        {
            throw new SimulationCheckException($"The ledger refused sale {sale.Id}: {posted.Message}");
        }

        foreach (var entry in posted.GetEntries())
        {
            _booked += entry.Amount;
            var beneficiary = Index(entry.Member);
            if (!_hasEarned[beneficiary])
            {
                _hasEarned[beneficiary] = true;
                _earners.Add(beneficiary);
            }
        }

        var record = new SaleRecord(sale);
        var completeAt = sale.PaidAt + Duration.FromDays(2 + _random.Next(3)) + RandomDuration(0, 8 * 60);
        Schedule(completeAt, () => Complete(record, completeAt));
        if (!allowRefunds)
        {
            return;
        }

        var draw = _random.NextDouble();
        var window = _plan.ReturnWindow;
        if (draw < 0.03)
        {
            // Cancelled before delivery: a full refund while the commission is still pending.
            var at = sale.PaidAt + RandomDuration(60, 20 * 60);
            Schedule(at, () => RefundFull(record, at, "full before completion"));
        }
        else if (draw < 0.05)
        {
            // One unit of the first line comes back inside the return window.
            var at = completeAt + Duration.FromDays(1 + _random.Next(3));
            Schedule(at, () => Refund(record, LedgerRefund.ForLines("R-" + sale.Id, sale.Id, at, [new LedgerRefundLine(0, 1)]), "partial (one unit) in the window"));
        }
        else if (draw < 0.065)
        {
            // A goodwill refund of 30 % after the commission was released: clawed back, as debt if already withdrawn.
            var at = completeAt + window + Duration.FromDays(1 + _random.Next(3));
            var amount = Rate.Percent(30).ApplyTo(Total(sale)).Round(RoundingMode.TowardZero);
            Schedule(at, () => Refund(record, LedgerRefund.ForAmount("R-" + sale.Id, sale.Id, at, amount), "partial (30 %) after release"));
        }
        else if (draw < 0.075)
        {
            var at = completeAt + Duration.FromDays(2);
            Schedule(at, () => RefundFull(record, at, "full in the window"));
        }
    }

    private static Money Total(Sale sale)
    {
        var total = Money.Zero(sale.Currency);
        foreach (var line in sale.Lines)
        {
            total += line.PaidAmount;
        }

        return total;
    }

    private void Complete(SaleRecord record, Instant at)
    {
        if (record.FullyRefunded)
        {
            return;
        }

        Count(_ledger.Complete(record.Sale.Id, at));
        _completed++;
        var buyer = Index(record.Sale.Buyer);
        var amount = Total(record.Sale);
        var activity = NextActivity();
        record.Completion = activity;
        Buffer(buyer, GrowthActivity.OrderCompleted(activity, record.Sale.Buyer, at, amount));
        if (!_hasCompletedOrder[buyer])
        {
            _hasCompletedOrder[buyer] = true;
            if (_referrer[buyer] >= 0)
            {
                Buffer(_referrer[buyer], GrowthActivity.ReferredFirstOrder(NextActivity(), Id(_referrer[buyer]), at, record.Sale.Buyer, amount));
            }
        }
    }

    private void RefundFull(SaleRecord record, Instant at, string kind)
    {
        Refund(record, LedgerRefund.Full("R-" + record.Sale.Id, record.Sale.Id, at), kind);
        record.FullyRefunded = true;
        if (record.Completion is { } completion)
        {
            Buffer(Index(record.Sale.Buyer), GrowthActivity.OrderRefunded(NextActivity(), record.Sale.Buyer, at, completion));
        }
    }

    private void Refund(SaleRecord record, LedgerRefund refund, string kind)
    {
        if (record.FullyRefunded)
        {
            return;
        }

        if (Count(_ledger.Refund(refund)))
        {
            _refunds[kind] = _refunds.GetValueOrDefault(kind) + 1;
        }
    }

    private bool Count(LedgerResult result)
    {
        if (result.IsApplied)
        {
            return true;
        }

        var key = $"{result.Outcome} {result.Refusal}";
        _ledgerRefusals[key] = _ledgerRefusals.GetValueOrDefault(key) + 1;
        return false;
    }

    private void WithdrawalRound(Instant at)
    {
        // Once a week some members cash out whole yuan of what is available (minimum ¥10, 0.6 % fee).
        foreach (var index in _earners)
        {
            var available = _ledger.GetBalance(Id(index), Cny).Available;
            if (available.Amount < 20m || _random.Next(2) == 0)
            {
                continue;
            }

            var withdrawalId = string.Create(CultureInfo.InvariantCulture, $"W{_withdrawals + 1:D5}");
            var withdrawn = _ledger.Withdraw(new LedgerWithdrawal(withdrawalId, Id(index), new Money(decimal.Floor(available.Amount), Cny), at));
            if (Count(withdrawn.Result))
            {
                _withdrawals++;
            }
        }
    }

    /// <summary>A sale the simulation booked, with what happened to it since.</summary>
    private sealed class SaleRecord(Sale sale)
    {
        public Sale Sale { get; } = sale;

        public ActivityId? Completion { get; set; }

        public bool FullyRefunded { get; set; }
    }
}
