using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;
using SocialCommerce.EntityFrameworkCore.Execution;
using SocialCommerce.Network;
using SocialCommerce.Points;
using SocialCommerce.Telemetry;

namespace SocialCommerce.EntityFrameworkCore.Points;

/// <summary>
/// Members' points wallets on the database: one versioned row per member holding Core's <see cref="PointsWallet"/>.
/// Each command reads the member's wallet, lets Core decide, and writes the row back under its version only when the
/// wallet changed (a refusal or a duplicate writes nothing), so the answers are exactly the in-memory wallet's: a
/// resend — after a crash, a lost acknowledgement, or on another instance — answers <see cref="PointsOutcome.Duplicate"/>
/// before any check, and no command spends more than is available whatever the concurrency. Thread-safe.
/// </summary>
public sealed class StoredPoints
{
    private readonly StoreExecutor _store;
    private readonly WalletRows _wallets = new();
    private readonly SocialCommerceListener? _listener;

    internal StoredPoints(StoreExecutor store, SocialCommerceListener? listener = null)
    {
        _store = store;
        _listener = listener;
    }

    /// <summary>Earns a lot (<see cref="PointsWallet.Earn"/>): frozen for a purchase, available otherwise; debt is repaid from it first.</summary>
    /// <param name="member">The member.</param>
    /// <param name="earning">The lot.</param>
    /// <param name="cancellationToken">Cancels the command (nothing is stored unless it committed).</param>
    /// <returns>Core's result.</returns>
    /// <exception cref="StoreConflictException">Other instances changed the wallet first, every attempt.</exception>
    /// <exception cref="StoreUnavailableException">The database failed every attempt.</exception>
    public Task<PointsResult> EarnAsync(MemberId member, PointsEarning earning, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(earning);
        return DecideAsync("earn", $"earn lot '{earning.LotId}' for member {member}", member, wallet => wallet.Earn(earning), cancellationToken);
    }

    /// <summary>Signs a member in for the local day of <paramref name="at"/> (<see cref="PointsWallet.SignIn"/>): the day's points and any streak bonus; a second sign-in that day is a duplicate.</summary>
    /// <param name="member">The member.</param>
    /// <param name="rule">The sign-in rule.</param>
    /// <param name="at">When.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>Core's result.</returns>
    public Task<PointsResult> SignInAsync(MemberId member, SignInRule rule, Instant at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        Instants.Check(at, nameof(at));
        return DecideAsync("sign-in", $"sign in member {member} at {at}", member, wallet => wallet.SignIn(rule, at), cancellationToken);
    }

    /// <summary>A completion of a task (<see cref="PointsWallet.CompleteTask"/>): its points within the task's daily and total caps.</summary>
    /// <param name="member">The member.</param>
    /// <param name="rule">The task's rule.</param>
    /// <param name="completionId">The completion: the command's identity.</param>
    /// <param name="at">When.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>Core's result (<see cref="PointsRefusal.CapReached"/> naming the cap).</returns>
    /// <exception cref="ArgumentException">The completion id is invalid or too long for the lot id.</exception>
    public Task<PointsResult> CompleteTaskAsync(MemberId member, PointsTaskRule rule, string completionId, Instant at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        rule.LotId(completionId);
        Instants.Check(at, nameof(at));
        return DecideAsync("task", $"complete task '{rule.Name}' ('{completionId}') for member {member}", member, wallet => wallet.CompleteTask(rule, completionId, at), cancellationToken);
    }

    /// <summary>The purchase that earned a lot completed (<see cref="PointsWallet.CompletePurchase"/>): its points become available when the return window has passed.</summary>
    /// <param name="member">The member.</param>
    /// <param name="lotId">The purchase's lot.</param>
    /// <param name="completedAt">When the purchase completed.</param>
    /// <param name="returnWindow">Its return window (not negative, at most <see cref="Limits.MaxDuration"/>).</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>Core's result.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The window or the instant is out of range.</exception>
    public Task<PointsResult> CompletePurchaseAsync(MemberId member, string lotId, Instant completedAt, Duration returnWindow, CancellationToken cancellationToken = default)
    {
        StoredIds.Check(lotId, nameof(lotId));
        Instants.Check(completedAt, nameof(completedAt));
        if (!Limits.IsSupported(returnWindow))
        {
            throw new ArgumentOutOfRangeException(nameof(returnWindow), returnWindow, $"Lot '{lotId}': the return window should be 0 to {Limits.MaxDuration.Days} days.");
        }

        return DecideAsync("complete-purchase", $"complete lot '{lotId}' of member {member}", member, wallet => wallet.CompletePurchase(lotId, completedAt, returnWindow), cancellationToken);
    }

    /// <summary>Reserves points for an order (<see cref="PointsWallet.Reserve"/>), from the soonest-expiring available lots first.</summary>
    /// <param name="member">The member.</param>
    /// <param name="orderId">The order: the reservation's identity.</param>
    /// <param name="points">1 to <see cref="Limits.MaxPoints"/>.</param>
    /// <param name="at">When.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>Core's result (<see cref="PointsRefusal.InsufficientPoints"/> when the wallet has not enough available).</returns>
    public Task<PointsResult> ReserveAsync(MemberId member, string orderId, long points, Instant at, CancellationToken cancellationToken = default)
    {
        Check(orderId, nameof(orderId), points, at);
        return DecideAsync("reserve", $"reserve {points} points for order '{orderId}' of member {member}", member, wallet => wallet.Reserve(orderId, points, at), cancellationToken);
    }

    /// <summary>The order was paid (<see cref="PointsWallet.Commit"/>): its reserved points are spent.</summary>
    /// <param name="member">The member.</param>
    /// <param name="orderId">The order.</param>
    /// <param name="at">When.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>Core's result.</returns>
    public Task<PointsResult> CommitAsync(MemberId member, string orderId, Instant at, CancellationToken cancellationToken = default)
    {
        Check(orderId, nameof(orderId), at);
        return DecideAsync("commit", $"commit the points of order '{orderId}' of member {member}", member, wallet => wallet.Commit(orderId, at), cancellationToken);
    }

    /// <summary>The order was cancelled before payment (<see cref="PointsWallet.Release"/>): its reserved points go back to their lots.</summary>
    /// <param name="member">The member.</param>
    /// <param name="orderId">The order.</param>
    /// <param name="at">When.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>Core's result.</returns>
    public Task<PointsResult> ReleaseAsync(MemberId member, string orderId, Instant at, CancellationToken cancellationToken = default)
    {
        Check(orderId, nameof(orderId), at);
        return DecideAsync("release", $"release the points of order '{orderId}' of member {member}", member, wallet => wallet.Release(orderId, at), cancellationToken);
    }

    /// <summary>A refund of (part of) a paid order returns the points it spent to the lots they came from (<see cref="PointsWallet.Return"/>).</summary>
    /// <param name="member">The member.</param>
    /// <param name="orderId">The paid order.</param>
    /// <param name="refundId">The refund (scoped to the order): the command's identity.</param>
    /// <param name="points">1 to what the order spent and has not had returned.</param>
    /// <param name="at">When.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>Core's result.</returns>
    public Task<PointsResult> ReturnAsync(MemberId member, string orderId, string refundId, long points, Instant at, CancellationToken cancellationToken = default)
    {
        Check(orderId, nameof(orderId), points, at);
        StoredIds.Check(refundId, nameof(refundId));
        return DecideAsync("return", $"return {points} points of order '{orderId}' (refund '{refundId}') of member {member}", member, wallet => wallet.Return(orderId, refundId, points, at), cancellationToken);
    }

    /// <summary>Takes back points a refunded purchase earned (<see cref="PointsWallet.TakeBack"/>), by <paramref name="policy"/> for points already spent.</summary>
    /// <param name="member">The member.</param>
    /// <param name="takeBackId">The take-back (e.g. the refund's id): the command's identity.</param>
    /// <param name="lotId">The lot the purchase earned.</param>
    /// <param name="points">1 to what the lot earned and was not asked back before.</param>
    /// <param name="at">When.</param>
    /// <param name="policy">What to do with points already spent.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>Core's result.</returns>
    public Task<PointsResult> TakeBackAsync(MemberId member, string takeBackId, string lotId, long points, Instant at, PointsClawback policy = PointsClawback.CarryAsDebt, CancellationToken cancellationToken = default)
    {
        Check(takeBackId, nameof(takeBackId), points, at);
        StoredIds.Check(lotId, nameof(lotId));
        if (!Enum.IsDefined(policy))
        {
            throw new ArgumentOutOfRangeException(nameof(policy), policy, "Not a points clawback policy.");
        }

        return DecideAsync("take-back", $"take back {points} points of lot '{lotId}' (take-back '{takeBackId}') of member {member}", member, wallet => wallet.TakeBack(takeBackId, lotId, points, at, policy), cancellationToken);
    }

    /// <summary>Settles one member's wallet up to an instant (<see cref="PointsWallet.ExpireDue"/>): ended freezes become available, due lots expire exactly their unspent part.</summary>
    /// <param name="member">The member.</param>
    /// <param name="at">The instant.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>Applied with the entries, or a duplicate when nothing was due.</returns>
    public Task<PointsResult> ExpireDueAsync(MemberId member, Instant at, CancellationToken cancellationToken = default)
    {
        Instants.Check(at, nameof(at));
        return DecideAsync("settle", $"settle the wallet of member {member} at {at}", member, wallet => wallet.ExpireDue(at), cancellationToken);
    }

    /// <summary>
    /// The expiry job: settles every wallet with something due by <paramref name="at"/> (a freeze that ends, a lot that
    /// expires), earliest first, each in its own command, so each settles once however many instances run the job.
    /// <see cref="SocialCommerceJobOptions.SettlePointsEvery"/> runs it in the background.
    /// </summary>
    /// <param name="at">The instant.</param>
    /// <param name="cancellationToken">Cancels between wallets.</param>
    /// <returns>The wallets this call changed.</returns>
    public Task<IReadOnlyList<PointsSettlement>> SettleDueAsync(Instant at, CancellationToken cancellationToken = default)
    {
        Instants.Check(at, nameof(at));
        var due = StoredJson.Ticks(at);
        return DueItems.SettleAsync<WalletRow, long?, long, PointsSettlement>(
            _store,
            $"the wallets due at {at}",
            r => r.NextDueAt <= due,
            r => r.NextDueAt,
            r => r.MemberId,
            async (id, ct) => new PointsSettlement(new MemberId(id), await ExpireDueAsync(new MemberId(id), at, ct).ConfigureAwait(false)),
            static s => s.Result.IsApplied,
            cancellationToken);
    }

    /// <summary>Reads a member's balance (zero when the member never earned).</summary>
    /// <param name="member">The member.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The balance as committed.</returns>
    public async Task<PointsBalance> GetBalanceAsync(MemberId member, CancellationToken cancellationToken = default) =>
        (await GetWalletAsync(member, cancellationToken).ConfigureAwait(false)).GetBalance();

    /// <summary>Reads a member's wallet as committed: a copy the caller may inspect (its lots, snapshot); an empty wallet when the member never earned.</summary>
    /// <param name="member">The member.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The wallet.</returns>
    public Task<PointsWallet> GetWalletAsync(MemberId member, CancellationToken cancellationToken = default) =>
        _store.RunAsync($"read the wallet of member {member}", async (db, _, ct) => await _wallets.ReadAsync(db, member, ct).ConfigureAwait(false) ?? new PointsWallet(), cancellationToken);

    // The wallet's one command path: the member's commands of this process wait their turn, the state row is read,
    // Core decides, and a changed wallet is written under its version.
    private async Task<PointsResult> DecideAsync(string operation, string command, MemberId member, Func<PointsWallet, PointsResult> decide, CancellationToken cancellationToken)
    {
        var result = await _store.RunAsync(command, Keys.Wallet(member), (db, _, ct) => _wallets.DecideAsync(
            db,
            member,
            wallet =>
            {
                var result = decide(wallet);
                return (result, result.IsApplied ? wallet : null);
            },
            ct), cancellationToken).ConfigureAwait(false);
        CommittedReport.To(_listener, static (l, a) => l.OnPoints(a), new PointsArguments(operation, result));
        return result;
    }

    private static void Check(string id, string name, Instant at)
    {
        StoredIds.Check(id, name);
        Instants.Check(at, nameof(at));
    }

    private static void Check(string id, string name, long points, Instant at)
    {
        Check(id, name, at);
        if (points is < 1 or > Limits.MaxPoints)
        {
            throw new ArgumentOutOfRangeException(nameof(points), points, $"'{id}': points should be 1 to {Limits.MaxPoints}.");
        }
    }
}
