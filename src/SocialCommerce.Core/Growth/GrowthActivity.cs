using System;
using NodaTime;
using SocialCommerce.Network;

namespace SocialCommerce.Growth;

/// <summary>
/// One member activity a host reports to the growth engine: who did what, when, with an id that
/// makes posting it twice harmless.
/// </summary>
/// <remarks>
/// Use the factory methods for the built-in kinds; a host's own kind uses the constructor and the
/// optional properties its rule reads. <see cref="Amount"/> is never negative.
/// </remarks>
public readonly record struct GrowthActivity
{
    private readonly Money? _amount;

    /// <summary>Creates an activity of any kind.</summary>
    /// <param name="id">The activity id (idempotence key).</param>
    /// <param name="member">The member who did it (who earns).</param>
    /// <param name="at">When it happened.</param>
    /// <param name="kind">What it is.</param>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is the default value.</exception>
    public GrowthActivity(ActivityId id, MemberId member, Instant at, GrowthActivityKind kind)
    {
        if (kind.IsDefault)
        {
            throw new ArgumentException($"Activity {id} needs a kind.", nameof(kind));
        }

        Id = id;
        Member = member;
        At = at;
        Kind = kind;
    }

    /// <summary>Gets the activity id.</summary>
    public ActivityId Id { get; }

    /// <summary>Gets the member who earns from it.</summary>
    public MemberId Member { get; }

    /// <summary>Gets when it happened.</summary>
    public Instant At { get; }

    /// <summary>Gets the kind.</summary>
    public GrowthActivityKind Kind { get; }

    /// <summary>Gets or initialises the paid amount (orders); null when the activity has none.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The amount is negative.</exception>
    /// <exception cref="ArgumentException">The amount is the default value (no currency), not whole minor units, or above <see cref="Limits.MaxMinorUnits"/>.</exception>
    public Money? Amount
    {
        get => _amount;
        init
        {
            if (value is { } given && Limits.Problem(given) is { } problem)
            {
                throw new ArgumentException($"Activity {Id}: {problem} Was {given}.", nameof(Amount));
            }

            if (value is { IsNegative: true } negative)
            {
                throw new ArgumentOutOfRangeException(nameof(Amount), negative, $"Activity {Id}: the amount must not be negative; was {negative}.");
            }

            _amount = value;
        }
    }

    /// <summary>Gets or initialises the subject (a task id, a course id, a campaign...); null when none.</summary>
    public string? Subject { get; init; }

    /// <summary>Gets or initialises the rank of a competition placing (1 = first); 0 when none.</summary>
    public int Rank { get; init; }

    /// <summary>Gets or initialises the activity a refund reverses; null for other activities.</summary>
    public ActivityId? Reverses { get; init; }

    /// <summary>Gets or initialises the referred member of a referral activity; null for other activities.</summary>
    public MemberId? Referred { get; init; }

    /// <summary>An order the member completed, for its paid amount.</summary>
    /// <param name="id">The activity id.</param>
    /// <param name="member">The buyer.</param>
    /// <param name="at">When the order completed.</param>
    /// <param name="amount">The paid amount; not negative.</param>
    /// <returns>The activity.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative.</exception>
    public static GrowthActivity OrderCompleted(ActivityId id, MemberId member, Instant at, Money amount) =>
        new(id, member, at, GrowthActivityKind.OrderCompleted) { Amount = amount };

    /// <summary>A refund of an earlier activity of the same member: it takes back the points that activity earned.</summary>
    /// <param name="id">The refund's own activity id.</param>
    /// <param name="member">The member whose points are taken back.</param>
    /// <param name="at">When the refund happened.</param>
    /// <param name="order">The activity being reversed (usually an order completion).</param>
    /// <returns>The activity.</returns>
    public static GrowthActivity OrderRefunded(ActivityId id, MemberId member, Instant at, ActivityId order) =>
        new(id, member, at, GrowthActivityKind.OrderRefunded) { Reverses = order };

    /// <summary>A daily sign-in.</summary>
    /// <param name="id">The activity id.</param>
    /// <param name="member">The member.</param>
    /// <param name="at">When the member signed in.</param>
    /// <returns>The activity.</returns>
    public static GrowthActivity SignIn(ActivityId id, MemberId member, Instant at) =>
        new(id, member, at, GrowthActivityKind.SignIn);

    /// <summary>A completed task.</summary>
    /// <param name="id">The activity id.</param>
    /// <param name="member">The member.</param>
    /// <param name="at">When the task was completed.</param>
    /// <param name="taskId">The task's id (the subject).</param>
    /// <returns>The activity.</returns>
    public static GrowthActivity TaskCompleted(ActivityId id, MemberId member, Instant at, string taskId) =>
        new(id, member, at, GrowthActivityKind.TaskCompleted) { Subject = taskId };

    /// <summary>A posted review.</summary>
    /// <param name="id">The activity id.</param>
    /// <param name="member">The member.</param>
    /// <param name="at">When the review was posted.</param>
    /// <returns>The activity.</returns>
    public static GrowthActivity ReviewPosted(ActivityId id, MemberId member, Instant at) =>
        new(id, member, at, GrowthActivityKind.ReviewPosted);

    /// <summary>A completed course (learning).</summary>
    /// <param name="id">The activity id.</param>
    /// <param name="member">The member.</param>
    /// <param name="at">When the course was completed.</param>
    /// <param name="courseId">The course's id (the subject).</param>
    /// <returns>The activity.</returns>
    public static GrowthActivity CourseCompleted(ActivityId id, MemberId member, Instant at, string courseId) =>
        new(id, member, at, GrowthActivityKind.CourseCompleted) { Subject = courseId };

    /// <summary>A placing in a competition.</summary>
    /// <param name="id">The activity id.</param>
    /// <param name="member">The member.</param>
    /// <param name="at">When the result was published.</param>
    /// <param name="rank">The rank, 1 = first.</param>
    /// <returns>The activity.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rank"/> is below 1.</exception>
    public static GrowthActivity CompetitionPlaced(ActivityId id, MemberId member, Instant at, int rank)
    {
        if (rank < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(rank), rank, $"Activity {id}: a competition rank starts at 1; was {rank}.");
        }

        return new(id, member, at, GrowthActivityKind.CompetitionPlaced) { Rank = rank };
    }

    /// <summary>
    /// A referred member's first completed order, reported to the referrer. It earns the referrer
    /// points only when the amount is positive (a real purchase), and only once per referred member.
    /// </summary>
    /// <param name="id">The activity id.</param>
    /// <param name="referrer">The referrer (who earns).</param>
    /// <param name="at">When the referred member's order completed.</param>
    /// <param name="referred">The referred member (the buyer).</param>
    /// <param name="amount">The order's paid amount.</param>
    /// <returns>The activity.</returns>
    /// <exception cref="ArgumentException"><paramref name="referred"/> is the referrer.</exception>
    public static GrowthActivity ReferredFirstOrder(ActivityId id, MemberId referrer, Instant at, MemberId referred, Money amount)
    {
        if (referred == referrer)
        {
            throw new ArgumentException($"Activity {id}: member {referrer} cannot be its own referred member.", nameof(referred));
        }

        return new(id, referrer, at, GrowthActivityKind.ReferredFirstOrder) { Amount = amount, Referred = referred };
    }

    /// <summary>A referral binding or the registration of a referred member, reported to the referrer. It never earns points.</summary>
    /// <param name="id">The activity id.</param>
    /// <param name="referrer">The referrer.</param>
    /// <param name="at">When the binding happened.</param>
    /// <param name="referred">The referred member.</param>
    /// <returns>The activity.</returns>
    public static GrowthActivity MemberReferred(ActivityId id, MemberId referrer, Instant at, MemberId referred) =>
        new(id, referrer, at, GrowthActivityKind.MemberReferred) { Referred = referred };
}
