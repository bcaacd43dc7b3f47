using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using NodaTime;
using SocialCommerce.GroupBuying;
using SocialCommerce.Network;

namespace SocialCommerce.Core.Tests.GroupBuying;

public sealed class GroupBuyBookTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 11, 1, 10, 0);

    private static GroupBuyRule Rule(string name, int required, int? maximum = null, int? maxOpen = null)
    {
        var builder = GroupBuyRule.Create(name, Currency.CNY).RequireParticipants(required).WithTimeLimit(Duration.FromHours(1)).AddTier(required, 5m);
        if (maximum is int max)
        {
            builder.AllowUpTo(max);
        }

        if (maxOpen is int limit)
        {
            builder.LimitOpenGroupsPerMember(limit);
        }

        return builder.Build();
    }

    [Fact]
    public void A_cancel_or_close_seen_again_is_a_duplicate_and_frees_the_members_open_group_slots_once()
    {
        var book = new GroupBuyBook();
        book.AddRule(Rule("one", 3, maxOpen: 1));
        var g1 = book.Open("one", new MemberId(5), Start).GroupId;
        Assert.True(book.Join(g1, new MemberId(6), Start).IsAccepted);
        var cancelled = book.Cancel(g1, Start + Duration.FromMinutes(1));
        var again = book.Cancel(g1, Start + Duration.FromMinutes(2));
        Assert.True(again.IsDuplicate);
        Assert.Equal(cancelled.Events, again.Events);

        // Freed once: each member may open one group again, and only one (a second release would have allowed two).
        Assert.True(book.Open("one", new MemberId(5), Start + Duration.FromMinutes(3)).IsAccepted);
        Assert.Equal(GroupBuyRefusal.TooManyOpenGroups, book.Open("one", new MemberId(5), Start + Duration.FromMinutes(3)).Refusal);
        var g3 = book.Open("one", new MemberId(6), Start + Duration.FromMinutes(3)).GroupId;
        Assert.Equal(GroupBuyRefusal.TooManyOpenGroups, book.Open("one", new MemberId(6), Start + Duration.FromMinutes(3)).Refusal);

        // The same for a close at the deadline seen again.
        Assert.IsType<GroupFailed>(Assert.Single(book.CloseAtDeadline(g3, Start + Duration.FromHours(2)).Events));
        Assert.True(book.CloseAtDeadline(g3, Start + Duration.FromHours(3)).IsDuplicate);
        Assert.True(book.Open("one", new MemberId(6), Start + Duration.FromHours(3)).IsAccepted);
        Assert.Equal(GroupBuyRefusal.TooManyOpenGroups, book.Open("one", new MemberId(6), Start + Duration.FromHours(3)).Refusal);
    }

    [Fact]
    public void Many_threads_joining_the_same_groups_never_overfill_and_never_lose_an_accepted_join()
    {
        const int groups = 40;
        const int capacity = 25;
        const int threads = 8;
        const int membersPerThread = 400;
        var book = new GroupBuyBook();
        book.AddRule(Rule("race", 2, capacity));
        var ids = new GroupBuyId[groups];
        for (var g = 0; g < groups; g++)
        {
            ids[g] = book.Open("race", new MemberId(1_000_000 + g), Start).GroupId;
        }

        var accepted = new ConcurrentBag<(GroupBuyId Group, MemberId Member)>();
        var formedEvents = new ConcurrentBag<GroupBuyId>();
        using var ready = new Barrier(threads);
        var unexpected = new ConcurrentBag<GroupBuyResult>();
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(
            () =>
            {
                ready.SignalAndWait();
                var random = new Random(t);
                for (var i = 0; i < membersPerThread; i++)
                {
                    // Members are shared between threads (i), so the same member races itself on the same group.
                    var member = new MemberId(i % 300);
                    var id = ids[random.Next(groups)];
                    var result = book.Join(id, member, Start + Duration.FromSeconds(i));
                    if (result.IsAccepted && !result.IsDuplicate)
                    {
                        accepted.Add((id, member));
                        if (result.Events.OfType<GroupFormed>().Any())
                        {
                            formedEvents.Add(id);
                        }
                    }
                    else if (!result.IsDuplicate && result.Refusal is not GroupBuyRefusal.GroupFull)
                    {
                        unexpected.Add(result);
                    }
                }
            })).ToArray();
        foreach (var worker in workers)
        {
            worker.Start();
        }

        foreach (var worker in workers)
        {
            worker.Join();
        }

        Assert.Empty(unexpected);

        var byGroup = accepted.GroupBy(a => a.Group).ToDictionary(g => g.Key, g => g.Select(a => a.Member).ToList());
        foreach (var id in ids)
        {
            var snapshot = book.GetSnapshot(id);
            var joined = byGroup.TryGetValue(id, out var list) ? list : [];
            Assert.True(snapshot.Participants.Count <= capacity, $"group {id} holds {snapshot.Participants.Count} > {capacity}");
            Assert.Equal(joined.Count + 1, snapshot.Participants.Count);
            Assert.Equal(joined.Count, joined.Distinct().Count());
            Assert.Equal(joined.OrderBy(m => m.Value), snapshot.Participants.Skip(1).OrderBy(m => m.Value));
            Assert.Equal(snapshot.Participants.Count == capacity, snapshot.Status == GroupBuyStatus.Formed);
            Assert.Equal(snapshot.Participants.Count + (snapshot.Status == GroupBuyStatus.Formed ? 1 : 0), snapshot.Version);
            Assert.Equal(snapshot.Status == GroupBuyStatus.Formed ? 1 : 0, formedEvents.Count(f => f == id));
        }

        var open = book.GetOpenGroups("race");
        Assert.Equal(ids.Where(id => book.GetSnapshot(id).Status == GroupBuyStatus.Open), open);
    }

    [Fact]
    public void The_book_counts_open_groups_per_member_and_releases_them_when_groups_close()
    {
        var book = new GroupBuyBook();
        book.AddRule(Rule("limited", 2, maxOpen: 1));
        var alice = new MemberId(1);
        var bob = new MemberId(2);
        var carol = new MemberId(3);
        var first = book.Open("limited", alice, Start);
        Assert.True(first.IsAccepted);
        Assert.Equal(GroupBuyRefusal.TooManyOpenGroups, book.Open("limited", alice, Start).Refusal);
        var second = book.Open("limited", bob, Start);
        Assert.Equal(GroupBuyRefusal.TooManyOpenGroups, book.Join(second.GroupId, alice, Start).Refusal);

        // Carol fills Alice's group: it forms, and Alice and Carol are free again.
        Assert.True(book.Join(first.GroupId, carol, Start).IsAccepted);
        Assert.True(book.Join(second.GroupId, alice, Start).IsAccepted);
        Assert.True(book.Open("limited", carol, Start).IsAccepted);
    }

    [Fact]
    public void Close_due_settles_every_open_group_whose_deadline_has_come()
    {
        var book = new GroupBuyBook();
        book.AddRule(Rule("trio", 3));
        var early = book.Open("trio", new MemberId(1), Start).GroupId;
        var later = book.Open("trio", new MemberId(2), Start + Duration.FromMinutes(30)).GroupId;
        Assert.Equal(new GroupBuyId(1), early);
        Assert.Equal(new GroupBuyId(2), later);

        var first = book.CloseDue(Start + Duration.FromHours(1));
        Assert.Equal([early], first.Select(r => r.GroupId));
        Assert.IsType<GroupFailed>(Assert.Single(first[0].Events));
        Assert.Equal([later], book.GetOpenGroups("trio"));
        Assert.Empty(book.CloseDue(Start + Duration.FromHours(1)));
        var closedAgain = book.CloseAtDeadline(early, Start + Duration.FromHours(2)); // seen again: its first outcome
        Assert.True(closedAgain.IsDuplicate);
        Assert.Same(first[0].Events[0], Assert.Single(closedAgain.Events));
        Assert.True(book.Cancel(later, Start + Duration.FromMinutes(40)).IsAccepted);
        Assert.Empty(book.GetOpenGroups("trio"));
    }

    [Fact]
    public void Unknown_rules_and_groups_throw_naming_them()
    {
        var book = new GroupBuyBook();
        var rule = Rule("trio", 3);
        book.AddRule(rule);
        book.AddRule(rule);
        Assert.Throws<ArgumentException>(() => book.AddRule(Rule("trio", 2)));
        Assert.Same(rule, book.GetRule("trio"));
        var unknownRule = Assert.Throws<UnknownGroupBuyRuleException>(() => book.Open("quartet", new MemberId(1), Start));
        Assert.Equal("quartet", unknownRule.RuleName);
        Assert.Contains("quartet", unknownRule.Message, StringComparison.Ordinal);
        var unknownGroup = Assert.Throws<UnknownGroupBuyException>(() => book.Join(new GroupBuyId(42), new MemberId(1), Start));
        Assert.Equal(new GroupBuyId(42), unknownGroup.GroupId);
        Assert.Contains("42", unknownGroup.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Thousands_of_groups_are_found_by_id_and_ids_outside_the_book_are_unknown()
    {
        var book = new GroupBuyBook();
        book.AddRule(Rule("duo", 2));
        GroupBuyId last = default;
        for (var g = 0; g < 10_000; g++)
        {
            last = book.Open("duo", new MemberId(g), Start).GroupId;
        }

        Assert.Equal(new GroupBuyId(10_000), last);
        Assert.True(book.Join(new GroupBuyId(4097), new MemberId(-1), Start).IsAccepted);
        Assert.Equal(GroupBuyStatus.Formed, book.GetSnapshot(new GroupBuyId(4097)).Status);
        Assert.Equal(GroupBuyStatus.Open, book.GetSnapshot(last).Status);
        Assert.Equal(9_999, book.GetOpenGroups("duo").Count);
        Assert.Throws<UnknownGroupBuyException>(() => book.GetSnapshot(new GroupBuyId(0)));
        Assert.Throws<UnknownGroupBuyException>(() => book.GetSnapshot(new GroupBuyId(-5)));
        Assert.Throws<UnknownGroupBuyException>(() => book.GetSnapshot(new GroupBuyId(10_001)));
    }

    [Fact]
    public void Concurrent_joins_of_one_member_never_exceed_the_open_group_limit()
    {
        const int limit = 2;
        var book = new GroupBuyBook();
        book.AddRule(Rule("capped", 3, maxOpen: limit));
        var ids = Enumerable.Range(0, 64).Select(g => book.Open("capped", new MemberId(1000 + g), Start).GroupId).ToArray();
        var racer = new MemberId(7);
        var accepted = new ConcurrentBag<GroupBuyId>();
        var unexpected = new ConcurrentBag<GroupBuyRefusal>();
        var threads = Enumerable.Range(0, 4).Select(t => new Thread(() =>
        {
            for (var i = t; i < ids.Length; i += 4)
            {
                var result = book.Join(ids[i], racer, Start);
                if (result.IsAccepted)
                {
                    accepted.Add(ids[i]);
                }
                else if (result.Refusal != GroupBuyRefusal.TooManyOpenGroups)
                {
                    unexpected.Add(result.Refusal);
                }
            }
        })).ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        Assert.Empty(unexpected);
        Assert.InRange(accepted.Count, 1, limit);
        Assert.Equal(accepted.Count, ids.Count(id => book.GetSnapshot(id).Participants.Contains(racer)));

        // Once one of its groups forms, the member may join another.
        var first = accepted.First();
        Assert.True(book.Join(first, new MemberId(8), Start).IsAccepted);
        var free = ids.First(id => !accepted.Contains(id));
        Assert.True(book.Join(free, racer, Start).IsAccepted);
    }
}
