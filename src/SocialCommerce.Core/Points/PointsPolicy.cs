using System;
using System.Collections.Generic;
using System.Linq;
using SocialCommerce.Checkout;

namespace SocialCommerce.Points;

/// <summary>
/// A shop's points policy as configuration: what purchases earn (<see cref="PurchasePointsRule"/>), how points pay at
/// checkout (<see cref="PointsRedemption"/>), daily sign-ins (<see cref="SignInRule"/>) and tasks
/// (<see cref="PointsTaskRule"/>). Load it with <see cref="FromJson(string)"/>.
/// </summary>
/// <param name="Earning">What a completed purchase earns, or null when purchases earn nothing.</param>
/// <param name="Redemption">How points pay at checkout, or null when they do not.</param>
public sealed record PointsPolicy(PurchasePointsRule? Earning, PointsRedemption? Redemption)
{
    private readonly IReadOnlyList<PointsTaskRule> _tasks = [];

    /// <summary>Gets the daily sign-in rule, or null when sign-ins earn nothing.</summary>
    public SignInRule? SignIn { get; init; }

    /// <summary>Gets the tasks that earn points (names unique).</summary>
    /// <exception cref="ArgumentException">Two tasks share a name.</exception>
    public IReadOnlyList<PointsTaskRule> Tasks
    {
        get => _tasks;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var task in value)
            {
                ArgumentNullException.ThrowIfNull(task, nameof(Tasks));
                if (!names.Add(task.Name))
                {
                    throw new ArgumentException($"Two tasks of the points policy are named '{task.Name}'.", nameof(Tasks));
                }
            }

            _tasks = [.. value];
        }
    }

    /// <summary>
    /// Gets the largest share of a purchase's paid amount that its points are worth in money — the highest points per
    /// unit the earning rule gives (any category) divided by the points a currency unit of checkout takes — capped at
    /// 100 %; null when purchases earn no points or points pay for nothing. Pass it as
    /// <see cref="Compliance.PlanFacts.RedeemableRewardRate"/> so profiles that count redeemable rewards check the sum.
    /// </summary>
    public Rate? RedeemableRewardRate
    {
        get
        {
            if (Earning is not { } earning || Redemption is not { } redemption || !earning.Currency.Equals(redemption.Currency))
            {
                return null;
            }

            var most = earning.PointsPerUnit;
            foreach (var rate in earning.ByCategory.Values)
            {
                most = Math.Max(most, rate);
            }

            return most == 0 ? null : Rate.FromFraction(Math.Min(1m, (decimal)most / redemption.PointsPerUnit));
        }
    }

    /// <summary>Returns the task of a name, or null.</summary>
    /// <param name="name">The task's name.</param>
    /// <returns>The task.</returns>
    public PointsTaskRule? FindTask(string name)
    {
        foreach (var task in _tasks)
        {
            if (task.Name == name)
            {
                return task;
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public bool Equals(PointsPolicy? other) =>
        other is not null && Equals(Earning, other.Earning) && Equals(Redemption, other.Redemption) && Equals(SignIn, other.SignIn) && _tasks.SequenceEqual(other._tasks);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Earning, Redemption, SignIn, _tasks.Count);

    /// <summary>
    /// Loads a policy from its JSON document: <c>currency</c>, and <c>earning</c> (<c>pointsPerUnit</c>, optional
    /// <c>byCategory</c> of category → points per unit, optional <c>expiry</c>: <c>{ "days": n }</c> or
    /// <c>{ "endOf": "month" | "quarter" | "year", "zone": IANA id, "periodsAfter": n }</c>) and/or <c>redemption</c>
    /// (<c>pointsPerUnit</c>, optional <c>maxSharePercent</c>, <c>minimumPointsPerUse</c>, <c>minimumLeftToPay</c>) and/or
    /// <c>signIn</c> (<c>points</c>, optional <c>zone</c>, <c>streakDays</c> with <c>streakBonus</c>, <c>expiry</c>)
    /// and/or <c>tasks</c> (an array of <c>name</c>, <c>points</c>, optional <c>dailyCap</c>, <c>totalCap</c>,
    /// <c>zone</c>, <c>expiry</c>, <c>rewardsSignUp</c>).
    /// docs/points-and-coupons.md has an example.
    /// </summary>
    /// <param name="json">The document.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="PointsPolicyFormatException">The document is malformed or the policy invalid; the message names the JSON path and the value.</exception>
    public static PointsPolicy FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return PointsPolicyDocument.Parse(json);
    }
}
