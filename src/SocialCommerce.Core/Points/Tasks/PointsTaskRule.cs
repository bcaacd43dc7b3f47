using System;
using System.Globalization;
using NodaTime;
using SocialCommerce.Compliance;

namespace SocialCommerce.Points;

/// <summary>
/// A task that earns points (任务积分): completing a profile, a first review, watching a live stream. Each completion
/// (an id the host gives) earns <see cref="Points"/>, at most <see cref="DailyCap"/> a local day and
/// <see cref="TotalCap"/> ever. The lot's id is <c>task/{name}/{completionId}</c>, so a resend is a duplicate.
/// <see cref="PointsWallet.CompleteTask"/> applies it. A task that rewards someone else's registering or binding alone
/// (invite-a-friend-to-sign-up) is a head-count reward: say so with <see cref="RewardsSignUp"/>, and
/// <see cref="Facts"/> is refused by profiles that forbid recruitment rewards (<see cref="ComplianceCodes.PlanRecruitmentReward"/>).
/// </summary>
public sealed record PointsTaskRule
{
    /// <summary>Creates a rule.</summary>
    /// <param name="name">The task's name (a valid SDK id; with a completion id at most <see cref="Limits.MaxIdLength"/> characters in all).</param>
    /// <param name="points">Points a completion earns, 1 to <see cref="Limits.MaxPoints"/>.</param>
    /// <param name="dailyCap">The most completions earning on one local day, or null.</param>
    /// <param name="totalCap">The most completions earning ever (1 for a one-off task), or null.</param>
    /// <param name="dayZone">The zone whose local days the daily cap counts (UTC when null).</param>
    /// <param name="expiry">When the points expire; never when null.</param>
    /// <exception cref="ArgumentException">A term is out of range; the message names it.</exception>
    public PointsTaskRule(string name, long points, int? dailyCap = null, int? totalCap = null, DateTimeZone? dayZone = null, PointsExpiry? expiry = null)
    {
        Limits.CheckId(name, nameof(name));
        if (name.Length > Limits.MaxIdLength - 7)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Task name '{name}' should leave room for a completion id in a lot id: at most {Limits.MaxIdLength - 7} characters."), nameof(name));
        }

        if (points is < 1 or > Limits.MaxPoints)
        {
            throw new ArgumentOutOfRangeException(nameof(points), points, string.Create(CultureInfo.InvariantCulture, $"Task '{name}': points should be 1 to {Limits.MaxPoints}."));
        }

        if (dailyCap is < 1 || totalCap is < 1)
        {
            throw new ArgumentOutOfRangeException(dailyCap is < 1 ? nameof(dailyCap) : nameof(totalCap), $"Task '{name}': a cap is at least 1 (null for none).");
        }

        Name = name;
        LotPrefix = "task/" + name + "/";
        Points = points;
        DailyCap = dailyCap;
        TotalCap = totalCap;
        DayZone = dayZone ?? DateTimeZone.Utc;
        Expiry = expiry ?? PointsExpiry.Never;
        Facts = new InvitationRuleFacts(name);
    }

    /// <summary>Gets the task's name.</summary>
    public string Name { get; }

    /// <summary>Gets the points a completion earns.</summary>
    public long Points { get; }

    /// <summary>Gets the most completions earning on one local day, or null.</summary>
    public int? DailyCap { get; }

    /// <summary>Gets the most completions earning ever, or null.</summary>
    public int? TotalCap { get; }

    /// <summary>Gets the zone whose local days the daily cap counts.</summary>
    public DateTimeZone DayZone { get; }

    /// <summary>Gets when the points expire.</summary>
    public PointsExpiry Expiry { get; }

    /// <summary>Gets whether the task is someone else's registering or binding alone (a head-count reward, 拉人头).</summary>
    public bool RewardsSignUp
    {
        get => Facts.RewardsSignUp;
        init => Facts = Facts with { RewardsSignUp = value };
    }

    /// <summary>Gets what a compliance profile checks of the task (<see cref="ComplianceProfile.CheckInvitationRule"/>).</summary>
    public InvitationRuleFacts Facts { get; private init; }

    /// <summary>Returns the lot id of a completion.</summary>
    /// <param name="completionId">The completion (a valid SDK id).</param>
    /// <returns><c>task/{name}/{completionId}</c>.</returns>
    /// <exception cref="ArgumentException">The completion id is invalid or too long for the lot id.</exception>
    public string LotId(string completionId)
    {
        Limits.CheckId(completionId, nameof(completionId));
        var id = LotPrefix + completionId;
        return id.Length <= Limits.MaxIdLength
            ? id
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Completion id '{completionId}' of task '{Name}' makes a lot id of {id.Length} characters; at most {Limits.MaxIdLength}."), nameof(completionId));
    }

    // Set with the name (never cached later: a record's equality reads every field).
    internal string LotPrefix { get; }
}
