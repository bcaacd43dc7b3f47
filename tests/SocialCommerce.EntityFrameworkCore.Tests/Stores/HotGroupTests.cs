using Microsoft.EntityFrameworkCore;
using NodaTime;
using SocialCommerce.EntityFrameworkCore.GroupBuying;
using SocialCommerce.EntityFrameworkCore.Tests.Faults;
using SocialCommerce.GroupBuying;
using SocialCommerce.Network;
using SocialCommerce.Tests.Databases;

namespace SocialCommerce.EntityFrameworkCore.Tests.Stores;

/// <summary>
/// A hot group on the database (issue 25): an instance keeps the groups it last loaded or saved and reads only the
/// events stored since (joins do not reload a group's whole history) — what another instance appended is seen, an
/// attempt that failed leaves nothing behind, a join that settles a group frees every participant's open-group slot —
/// and joins of one group arriving together in one process are decided in order and stored in one transaction.
/// </summary>
public abstract class HotGroupTests<TDatabase>(TDatabase database) : DatabaseTests<TDatabase>(database)
    where TDatabase : StoreDatabase
{
    [SkippableFact]
    public async Task A_join_on_a_kept_group_reads_only_the_events_stored_since_including_another_instances()
    {
        var db = await NewDatabaseAsync();
        var group = new GroupBuyId(70);
        await using var a = await StoreHost.StartAsync(Database, db, "a");
        await using var b = await StoreHost.StartAsync(Database, db, "b");
        Assert.True((await a.Groups.OpenAsync(group, "five", new MemberId(1), T0)).IsAccepted);
        Assert.True((await a.Groups.JoinAsync(group, new MemberId(2), T0 + Duration.FromMinutes(1))).IsAccepted);
        Assert.True((await b.Groups.JoinAsync(group, new MemberId(3), T0 + Duration.FromMinutes(2))).IsAccepted);

        // The opening and the first join are made unreadable in the database: a reader of the whole stream now fails,
        // but instance a kept the group at version 2 and reads only version 3 (b's join) on.
        await using (var context = OpenContext(db))
        {
            await context.Set<GroupEventRow>().Where(e => e.GroupId == group.Value && e.Version <= 2).ExecuteUpdateAsync(s => s.SetProperty(e => e.Event, "{\"$type\":\"unknown\"}"));
        }

        var joined = await a.Groups.JoinAsync(group, new MemberId(4), T0 + Duration.FromMinutes(3));
        Assert.True(joined.IsAccepted);
        Assert.Equal(4, Assert.IsType<MemberJoined>(Assert.Single(joined.Events)).Participants);
        Assert.True((await a.Groups.JoinAsync(group, new MemberId(3), T0 + Duration.FromMinutes(9))).IsDuplicate); // b's join, answered by a

        await using var fresh = await StoreHost.StartAsync(Database, db, "c");
        var unreadable = await Assert.ThrowsAsync<StoreSchemaException>(() => fresh.Groups.JoinAsync(group, new MemberId(5), T0 + Duration.FromMinutes(4)));
        Assert.Contains("row '70/1' of sc_group_events", unreadable.Message, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_join_whose_commit_failed_is_decided_again_from_the_database_not_from_the_kept_group(bool afterCommit)
    {
        var db = await NewDatabaseAsync();
        var group = new GroupBuyId(71);
        var faults = new FailingCommits(1) { AfterCommit = afterCommit, Enabled = false };
        await using var a = await StoreHost.StartAsync(Database, db, "a", null, faults);
        Assert.True((await a.Groups.OpenAsync(group, "five", new MemberId(1), T0)).IsAccepted);
        Assert.True((await a.Groups.JoinAsync(group, new MemberId(2), T0 + Duration.FromMinutes(1))).IsAccepted);

        // The next commit fails once: before it (nothing stored) or after it (stored, the caller told it failed).
        faults.Remaining = 1;
        faults.Enabled = true;
        var joined = await a.Groups.JoinAsync(group, new MemberId(3), T0 + Duration.FromMinutes(2));
        Assert.Equal(1, faults.Injected);

        // Retried in the same call: a commit that never happened is decided again and stored (a kept group that had
        // taken the join would have answered Duplicate for a join the database never saw); a lost acknowledgement is
        // answered with its first outcome.
        Assert.True(joined.IsAccepted);
        Assert.Equal(afterCommit, joined.IsDuplicate);
        Assert.Equal(3, Assert.IsType<MemberJoined>(Assert.Single(joined.Events)).Participants);
        await using var fresh = await StoreHost.StartAsync(Database, db, "b");
        Assert.Equal([new MemberId(1), new MemberId(2), new MemberId(3)], (await fresh.Groups.GetAsync(group))!.GetParticipants());
        Assert.Equal(4, Assert.IsType<MemberJoined>(Assert.Single((await a.Groups.JoinAsync(group, new MemberId(4), T0 + Duration.FromMinutes(3))).Events)).Participants);
    }

    [SkippableFact]
    public async Task Joins_of_one_group_arriving_together_are_decided_in_order_and_stored_in_one_transaction()
    {
        var db = await NewDatabaseAsync();
        var group = new GroupBuyId(90);
        var counter = new RoundTripCounter();
        var hold = new HoldAfterRead();
        await using var a = await StoreHost.StartAsync(Database, db, "a", null, counter, hold);
        Assert.True((await a.Groups.OpenAsync(group, "five", new MemberId(1), T0)).IsAccepted);
        counter.Reset();

        // The first join's batch is held after its read; the joins called meanwhile queue behind it as the next batch.
        hold.Arm();
        var first = a.Groups.JoinAsync(group, new MemberId(2), T0 + Duration.FromMinutes(1));
        await hold.Read.WaitAsync(TimeSpan.FromSeconds(30));
        var queued = Enumerable.Range(3, 10).Select(m => a.Groups.JoinAsync(group, new MemberId(m), T0 + Duration.FromMinutes(m))).ToList();
        var resent = a.Groups.JoinAsync(group, new MemberId(3), T0 + Duration.FromMinutes(30));
        var early = a.Groups.JoinAsync(group, new MemberId(20), T0 - Duration.FromHours(1));
        hold.Release();

        Assert.Equal(2, Assert.IsType<MemberJoined>(Assert.Single((await first).Events)).Participants);
        var results = await Task.WhenAll(queued);
        for (var m = 3; m <= 5; m++)
        {
            Assert.Equal(m, Assert.IsType<MemberJoined>(results[m - 3].Events[0]).Participants); // in the order they were called
        }

        Assert.Contains(results[2].Events, e => e is GroupFormed);
        Assert.All(results[3..], r => Assert.Equal(GroupBuyRefusal.GroupFull, r.Refusal));
        var again = await resent;
        Assert.True(again.IsDuplicate);
        Assert.Equal(results[0].Events, again.Events);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => early); // refused alone; the batch stood

        Assert.Equal(2, counter.Transactions); // one commit per batch, not one per accepted join
        await using var fresh = await StoreHost.StartAsync(Database, db, "b");
        var stored = (await fresh.Groups.GetAsync(group))!;
        Assert.Equal(GroupBuyStatus.Formed, stored.Status);
        Assert.Equal(Enumerable.Range(1, 5).Select(m => new MemberId(m)), stored.GetParticipants());
    }

    [SkippableFact]
    public async Task A_join_of_a_kept_group_takes_three_round_trips_the_lock_and_the_new_events_read_as_one()
    {
        var db = await NewDatabaseAsync();
        var counter = new RoundTripCounter();
        await using var a = await StoreHost.StartAsync(Database, db, "a", null, counter);
        await using var b = await StoreHost.StartAsync(Database, db, "b");
        Assert.True((await a.Groups.OpenAsync(new GroupBuyId(70), "five", new MemberId(1), T0)).IsAccepted);
        Assert.True((await b.Groups.JoinAsync(new GroupBuyId(70), new MemberId(2), T0 + Duration.FromMinutes(1))).IsAccepted);

        // Instance a kept the group at version 1; the join stored by b since is read with the lock.
        counter.Reset();
        var joined = await a.Groups.JoinAsync(new GroupBuyId(70), new MemberId(3), T0 + Duration.FromMinutes(2));
        Assert.Equal(3, Assert.IsType<MemberJoined>(Assert.Single(joined.Events)).Participants);
        // Lock and new events in one command; the events and the head's move (one batch on PostgreSQL; EF Core sends
        // SQLite's statements one by one, in process); the commit.
        Assert.Equal((Database.IsNetworked ? 2 : 3, 1), (counter.Commands, counter.Transactions));
        await Assert.ThrowsAsync<UnknownGroupBuyException>(() => a.Groups.JoinAsync(new GroupBuyId(71), new MemberId(3), T0));
    }

    [SkippableFact]
    public async Task A_join_that_forms_a_limited_group_frees_every_participants_slot()
    {
        var db = await NewDatabaseAsync();
        await using var a = await StoreHost.StartAsync(Database, db, "a");
        Assert.True((await a.Groups.OpenAsync(new GroupBuyId(80), "pair", new MemberId(30), T0)).IsAccepted);
        Assert.True((await a.Groups.OpenAsync(new GroupBuyId(81), "pair", new MemberId(31), T0)).IsAccepted);
        Assert.Equal(GroupBuyRefusal.TooManyOpenGroups, (await a.Groups.JoinAsync(new GroupBuyId(80), new MemberId(31), T0 + Duration.FromMinutes(1))).Refusal);
        Assert.Equal(GroupBuyRefusal.TooManyOpenGroups, (await a.Groups.OpenAsync(new GroupBuyId(82), "pair", new MemberId(30), T0)).Refusal);

        // Member 32 (in no group) fills pair 80: it forms, so its leader 30 and 32 itself hold no open pair any more.
        Assert.Contains((await a.Groups.JoinAsync(new GroupBuyId(80), new MemberId(32), T0 + Duration.FromMinutes(2))).Events, e => e is GroupFormed);
        await using var b = await StoreHost.StartAsync(Database, db, "b");
        Assert.True((await b.Groups.OpenAsync(new GroupBuyId(82), "pair", new MemberId(30), T0 + Duration.FromMinutes(3))).IsAccepted);
        Assert.True((await b.Groups.OpenAsync(new GroupBuyId(83), "pair", new MemberId(32), T0 + Duration.FromMinutes(3))).IsAccepted);
        Assert.Equal(GroupBuyRefusal.TooManyOpenGroups, (await b.Groups.OpenAsync(new GroupBuyId(84), "pair", new MemberId(31), T0 + Duration.FromMinutes(3))).Refusal);
    }
}

public sealed class SqliteHotGroupTests(SqliteDatabase database) : HotGroupTests<SqliteDatabase>(database);

public sealed class PostgresHotGroupTests(PostgresDatabase database) : HotGroupTests<PostgresDatabase>(database);

public sealed class RetryingPostgresHotGroupTests(RetryingPostgresDatabase database) : HotGroupTests<RetryingPostgresDatabase>(database);
