using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.GroupBuying;
using SocialCommerce.Network;

namespace SocialCommerce.Samples.Console.Simulation;

/// <summary>Team-up groups (拼团) and the community batch (社区团购).</summary>
internal sealed partial class ShopSimulation
{
    private void OpenGroup(int leader, Instant at)
    {
        var rule = _random.Next(2) == 0 ? "trio-tea" : "family-rice";
        var opened = _groups.Open(rule, Id(leader), at);
        if (!opened.IsAccepted)
        {
            _joinRefusals[opened.Refusal] = _joinRefusals.GetValueOrDefault(opened.Refusal) + 1;
            return;
        }

        _groupsOpened++;
        var group = opened.GroupId;

        // The leader shares the group: friends (direct referrals, the referrer) and strangers try to join,
        // some after the 24-hour deadline, a few twice, occasionally one too many.
        var capacity = _groups.GetRule(rule).Capacity;
        var attempts = _random.Next(capacity + 1);
        var offsets = new int[attempts];
        for (var i = 0; i < attempts; i++)
        {
            offsets[i] = _random.Next(5, 26 * 60);
        }

        Array.Sort(offsets);
        var friends = _network.GetDirectReferrals(Id(leader));
        foreach (var offset in offsets)
        {
            var joiner = _random.Next(10) < 6 && friends.Count > 0
                ? Index(friends[_random.Next(friends.Count)])
                : _random.Next(10) < 2 && _referrer[leader] >= 0 ? _referrer[leader] : _random.Next(_joined);
            var joinAt = at + Duration.FromMinutes(offset);
            Schedule(joinAt, () => JoinGroup(group, rule, joiner, joinAt));
        }
    }

    private void JoinGroup(GroupBuyId group, string rule, int member, Instant at)
    {
        var result = _groups.Join(group, Id(member), at);
        if (!result.IsAccepted)
        {
            _joinRefusals[result.Refusal] = _joinRefusals.GetValueOrDefault(result.Refusal) + 1;
            return;
        }

        _groupJoins++;
        HandleGroupEvents(rule, result.Events);
    }

    private void HandleGroupEvents(string rule, IReadOnlyList<GroupBuyEvent> events)
    {
        foreach (var e in events)
        {
            switch (e)
            {
                case GroupFormed formed:
                    _groupsFormed++;
                    if (formed.FinalParticipants < _groups.GetRule(rule).Capacity)
                    {
                        if (_groupsFormedAtDeadline++ == 0)
                        {
                            _groupExamples.Add((rule, formed));
                        }
                    }
                    else if (_groupsFormed - _groupsFormedAtDeadline == 1)
                    {
                        _groupExamples.Add((rule, formed));
                    }

                    // Each participant's final price is a sale that earns commissions for its uplines.
                    foreach (var settlement in formed.Settlements)
                    {
                        if (settlement.Price.IsZero)
                        {
                            continue;
                        }

                        _groupSales++;
                        var id = string.Create(CultureInfo.InvariantCulture, $"G{formed.GroupId.Value}-{settlement.Member.Value}");
                        PostSale(new Sale(id, settlement.Member, formed.At, Cny, [new SaleLine("GROUP-" + rule, "group-buy", 1, settlement.Price)]), allowRefunds: false);
                    }

                    break;
                case GroupFailed failed:
                    _groupsFailed++;
                    if (_groupsFailed == 1)
                    {
                        _groupExamples.Add((rule, failed));
                    }

                    break;
                default:
                    break;
            }
        }
    }

    private void OpenCommunityBatch(int day, Instant at)
    {
        // The member with the most direct referrals leads a neighbourhood batch delivered three days later;
        // orders close at 23:00 Asia/Shanghai the evening before delivery.
        var leader = 0;
        for (var i = 1; i < _joined; i++)
        {
            if (_directReferrals[i] > _directReferrals[leader])
            {
                leader = i;
            }
        }

        var orders = Math.Clamp(_joined / 4, 12, 80);
        var rule = new CommunityBatchRule(_zone, new LocalTime(23, 0), 1, Rate.Percent(10));
        _batch = new CommunityBatch(
            string.Create(CultureInfo.InvariantCulture, $"batch-{_firstDay.PlusDays(day + 3):yyyy-MM-dd}"),
            Id(leader),
            _firstDay.PlusDays(day + 3),
            rule,
            [
                new CommunityProduct("EGGS-30", new Money(19.99m, Cny), minimumQuantity: Math.Max(3, orders / 3), perMemberLimit: 2),
                new CommunityProduct("DURIAN-BOX", new Money(89.00m, Cny), minimumQuantity: orders),
            ]);
        var batch = _batch;
        var span = (int)(batch.CutOff - at).TotalMinutes;
        for (var o = 0; o < orders; o++)
        {
            var member = _random.Next(_joined);
            var orderId = string.Create(CultureInfo.InvariantCulture, $"{batch.Id}-o{o + 1}");
            CommunityOrderLine[] lines = _random.Next(5) == 0
                ? [new("EGGS-30", 1 + _random.Next(2)), new("DURIAN-BOX", 1)]
                : [new("EGGS-30", 1 + _random.Next(2))];
            var orderAt = at + Duration.FromMinutes(_random.Next(1, span + 120));
            Schedule(orderAt, () =>
            {
                var placed = batch.PlaceOrder(orderId, Id(member), lines, orderAt);
                if (placed.IsAccepted)
                {
                    _batchOrdersAccepted++;
                }
                else if (placed.Message is { } message)
                {
                    _batchRefusals.Add(message);
                }
            });
        }

        Schedule(batch.CutOff, () => CloseCommunityBatch(batch));
    }

    private void CloseCommunityBatch(CommunityBatch batch)
    {
        var closed = batch.CloseAtCutOff(batch.CutOff);
        _batchSettlement = closed.Settlement;
        if (_batchSettlement is null)
        {
            return;
        }

        // Confirmed lines are paid sales, one per order; refunded lines never earned anything.
        var byOrder = new SortedDictionary<string, List<SaleLine>>(StringComparer.Ordinal);
        var buyers = new Dictionary<string, MemberId>(StringComparer.Ordinal);
        foreach (var line in _batchSettlement.Lines)
        {
            if (!line.IsConfirmed)
            {
                continue;
            }

            if (!byOrder.TryGetValue(line.OrderId, out var lines))
            {
                byOrder[line.OrderId] = lines = [];
                buyers[line.OrderId] = line.Member;
            }

            lines.Add(new SaleLine(line.ProductId, "fresh", line.Quantity, line.Amount));
        }

        foreach (var (orderId, lines) in byOrder)
        {
            _communitySales++;
            PostSale(new Sale(orderId, buyers[orderId], batch.CutOff, Cny, lines), allowRefunds: false);
        }
    }
}
