using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.EntityFrameworkCore.Tests.Faults;
using SocialCommerce.GroupBuying;
using SocialCommerce.Invitations;
using SocialCommerce.Network;
using SocialCommerce.Telemetry;
using SocialCommerce.Tests.Databases;

namespace SocialCommerce.EntityFrameworkCore.Tests.Stores;

/// <summary>
/// Telemetry of the stored services (issue 26): group buys, invitations and referral rewards report to the listener as
/// their in-memory engines do, and every store command is a span with its attempts and outcome.
/// </summary>
public abstract class StoreTelemetryTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : StoreDatabase
{
    private static readonly Instant T0 = StoreHost.T0;

    private sealed class Recording : SocialCommerceListener
    {
        public ConcurrentQueue<string> Calls { get; } = new();

        public override void OnGroupBuy(in GroupBuyArguments arguments) => Calls.Enqueue($"group {arguments.RuleName} {(arguments.Result.IsAccepted ? "accepted" : arguments.Result.Refusal.ToString())}");

        public override void OnInvitation(in InvitationArguments arguments) => Calls.Enqueue($"invitation {arguments.RuleName} {arguments.Kind} {(arguments.Result.IsAccepted ? "accepted" : arguments.Result.Refusal.ToString())}");

        public override void OnReferralReward(in ReferralRewardArguments arguments) => Calls.Enqueue($"referral {arguments.RuleName} {(arguments.Result.IsAccepted ? arguments.Result.Event?.GetType().Name : arguments.Result.Refusal.ToString())}");

        public override void OnPoints(in PointsArguments arguments) => Calls.Enqueue($"points {arguments.Operation} {arguments.Result.Outcome} {arguments.Result.Entries.Sum(e => e.Points)}");

        public override void OnCoupon(in CouponArguments arguments) => Calls.Enqueue($"coupon {arguments.TemplateId} {arguments.Operation} {arguments.Result.Outcome} {arguments.Result.Refusal}");

        public override void OnMall(in MallArguments arguments) => Calls.Enqueue($"mall {arguments.ItemId} {arguments.Operation} {arguments.Result.Outcome} {arguments.Result.Refusal}");
    }

    [SkippableFact]
    public async Task Stored_wallets_coupons_and_the_mall_report_each_command_with_its_outcome()
    {
        database.SkipUnlessAvailable();
        var db = await database.CreateDatabaseAsync();
        var recording = new Recording();
        StoreHost.Listener = recording;
        await using var shop = await StoreHost.StartAsync(database, db, "telemetry-points");
        var ann = new MemberId(1);
        await shop.Points.EarnAsync(ann, new SocialCommerce.Points.PointsEarning("gift", SocialCommerce.Points.PointsSource.Grant, 300, T0, null, "ops", "launch"));
        await shop.Points.SignInAsync(ann, new SocialCommerce.Points.SignInRule(5), T0);
        await shop.Points.SignInAsync(ann, new SocialCommerce.Points.SignInRule(5), T0);
        await shop.Points.ReserveAsync(ann, "O-1", 1_000, T0);
        await shop.Coupons.IssueAsync("flash", "C-1", ann, T0);
        await shop.Coupons.LockAsync("C-1", "O-2", T0);
        await shop.Coupons.UseAsync("C-1", "O-3", T0);
        await shop.Mall.RedeemAsync("mug", "M-1", ann, 2, T0);
        await shop.Mall.CompleteAsync("M-1", T0);
        await shop.Mall.RefundAsync("M-2", T0);

        Assert.Equal(
            [
                "points earn Applied 300",
                "points sign-in Applied 5",
                "points sign-in Duplicate 0",
                "points reserve Refused 0",
                "coupon flash issue Applied None",
                "coupon flash lock Applied None",
                "coupon flash use Refused StateConflict",
                "mall mug redeem Applied None",
                "mall mug complete Applied None",
                "mall unknown refund Refused UnknownRedemption",
            ],
            recording.Calls.ToArray());
    }

    [SkippableFact]
    public async Task Stored_group_buys_invitations_and_referral_rewards_report_each_command_once()
    {
        database.SkipUnlessAvailable();
        var db = await database.CreateDatabaseAsync();
        var recording = new Recording();
        StoreHost.Listener = recording;
        await using var shop = await StoreHost.StartAsync(database, db, "telemetry");
        await shop.Network.RegisterAsync(new MemberId(1), null, T0);
        await shop.Network.RegisterAsync(new MemberId(2), new MemberId(1), T0);

        await shop.Groups.OpenAsync(new GroupBuyId(1), "five", new MemberId(1), T0);
        await shop.Groups.JoinAsync(new GroupBuyId(1), new MemberId(2), T0);
        await shop.Groups.JoinAsync(new GroupBuyId(1), new MemberId(2), T0 + Duration.FromDays(3)); // a resend: its first outcome
        await shop.Groups.JoinAsync(new GroupBuyId(1), new MemberId(3), T0 + Duration.FromDays(3)); // refused: expired
        await shop.Invitations.OpenAsync(new InvitationId(1), "tea", new MemberId(1), T0, 0);
        await shop.Invitations.HelpAsync(new InvitationId(1), new MemberId(2), T0);
        var sale = new Sale("S-1", new MemberId(2), T0, Currency.CNY, [new SaleLine("p", "c", 1, new Money(100m, Currency.CNY))]);
        var buyer = shop.Network.GetMember(new MemberId(2));
        await shop.Referrals.ClaimAsync(sale, buyer);
        await shop.Referrals.EarnAsync("S-1", T0 + Duration.FromDays(1));

        // A campaign's groups report as the in-memory book reports them: under the SKU's rule, refusals included.
        var before = recording.Calls.Count;
        var inMemory = new Recording();
        var book = new CampaignBook(StoreHost.Double12, listener: inMemory);
        book.Open("TEA", new MemberId(1), 2, T0);                                             // group 1 in memory
        await shop.Campaign.OpenAsync(new GroupBuyId(100), "TEA", new MemberId(1), 2, T0);      // group 100 here (1 is the plain group above)
        book.Join(new GroupBuyId(1), new MemberId(2), 4, T0);
        await shop.Campaign.JoinAsync(new GroupBuyId(100), new MemberId(2), 4, T0);          // refused: 3 units an order
        book.Open("NOPE", new MemberId(2), 1, T0);
        await shop.Campaign.OpenAsync(new GroupBuyId(101), "NOPE", new MemberId(2), 1, T0); // refused: no such SKU
        Assert.Equal(inMemory.Calls.ToArray(), recording.Calls.Skip(before).ToArray());
        Assert.Equal(["group double-12/TEA accepted", "group double-12/TEA CampaignRefused", "group double-12 CampaignRefused"], inMemory.Calls.ToArray());
        var calls = recording.Calls.Take(before).ToArray();

        Assert.Equal(
            [
                "group five accepted",
                "group five accepted",
                "group five accepted",
                "group five Expired",
                "invitation tea Assist accepted",
                "invitation tea Assist accepted",
                "referral first-order ReferralRewardClaimed",
                "referral first-order ReferralRewardEarned",
            ],
            calls);
    }

    private sealed class Throwing : SocialCommerceListener
    {
        public int Calls;

        public override void OnGroupBuy(in GroupBuyArguments arguments) => throw new InvalidOperationException($"listener failure {++Calls}");

        public override void OnInvitation(in InvitationArguments arguments) => throw new InvalidOperationException($"listener failure {++Calls}");

        public override void OnReferralReward(in ReferralRewardArguments arguments) => throw new InvalidOperationException($"listener failure {++Calls}");
    }

    [SkippableFact]
    public async Task A_listener_that_throws_never_makes_a_committed_command_look_failed()
    {
        database.SkipUnlessAvailable();
        var db = await database.CreateDatabaseAsync();
        var throwing = new Throwing();
        StoreHost.Listener = throwing;
        await using var shop = await StoreHost.StartAsync(database, db, "throwing");
        await shop.Network.RegisterAsync(new MemberId(1), null, T0);
        await shop.Network.RegisterAsync(new MemberId(2), new MemberId(1), T0);

        Assert.True((await shop.Groups.OpenAsync(new GroupBuyId(1), "five", new MemberId(1), T0)).IsApplied);
        Assert.True((await shop.Groups.JoinAsync(new GroupBuyId(1), new MemberId(2), T0)).IsApplied);
        Assert.True((await shop.Invitations.OpenAsync(new InvitationId(1), "tea", new MemberId(1), T0, 0)).IsApplied);
        var sale = new Sale("S-1", new MemberId(2), T0, Currency.CNY, [new SaleLine("p", "c", 1, new Money(100m, Currency.CNY))]);
        Assert.True((await shop.Referrals.ClaimAsync(sale, shop.Network.GetMember(new MemberId(2)))).IsApplied);
        Assert.Equal(4, throwing.Calls);
        Assert.Equal(2, (await shop.Groups.GetAsync(new GroupBuyId(1)))!.ParticipantCount);
    }

    [SkippableFact]
    public async Task Every_store_command_is_a_span_with_its_attempts_and_outcome()
    {
        database.SkipUnlessAvailable();
        var db = await database.CreateDatabaseAsync();
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "SocialCommerce",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        using var test = new Activity("test").Start();  // other tests run in parallel: keep this trace's spans
        await using var b = await StoreHost.StartAsync(database, db, "spans-b");
        var faults = new FailingCommits(1) { Enabled = false, Remaining = 1 };
        await using var a = await StoreHost.StartAsync(database, db, "spans-a", null, faults);
        await b.Invitations.OpenAsync(new InvitationId(1), "tea", new MemberId(1), T0, seed: 1);
        faults.Enabled = true;

        // The help's first commit fails (a transient failure, nothing stored); its second attempt commits.
        await a.Invitations.HelpAsync(new InvitationId(1), new MemberId(5), T0 + Duration.FromMinutes(2));

        var mine = spans.Where(s => s.TraceId == test.TraceId).ToList();
        var help = Assert.Single(mine, s => s.OperationName == "socialcommerce.store" && (string?)s.GetTagItem("socialcommerce.store.command") == "help invitation 1 by member 5");
        Assert.Equal(2, help.GetTagItem("socialcommerce.store.attempts"));
        Assert.Equal("committed", help.GetTagItem("socialcommerce.store.outcome"));
        Assert.Contains(mine, s => (string?)s.GetTagItem("socialcommerce.store.command") == "open invitation 1" && (int?)s.GetTagItem("socialcommerce.store.attempts") == 1);
    }
}

public sealed class SqliteStoreTelemetryTests(SqliteDatabase database) : StoreTelemetryTests<SqliteDatabase>(database);

public sealed class PostgresStoreTelemetryTests(PostgresDatabase database) : StoreTelemetryTests<PostgresDatabase>(database);
