using System;

namespace SocialCommerce.EntityFrameworkCore;

/// <summary>
/// How often each background job runs (<see cref="SocialCommerceJobsBuilderExtensions.AddSocialCommerceJobs"/>); zero
/// turns a job off. Every job asks the stores for what is due at the <c>IClock</c>'s now and settles each item once,
/// so the jobs may run on every instance at once.
/// </summary>
public sealed class SocialCommerceJobOptions
{
    /// <summary>Gets or sets how often earnings whose return window closed are released (default 1 min; 0 = off).</summary>
    public TimeSpan ReleaseEarningsEvery { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets how often groups past their deadline are settled, formed or failed (default 1 min; 0 = off).</summary>
    public TimeSpan CloseGroupsEvery { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets how often invitations past their deadline are closed (default 1 min; 0 = off).</summary>
    public TimeSpan CloseInvitationsEvery { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets how often community batches past their cut-off are closed (default 1 min; 0 = off).</summary>
    public TimeSpan CloseBatchesEvery { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets how often points wallets with a freeze ended or a lot expired are settled (default 1 min; 0 = off).</summary>
    public TimeSpan SettlePointsEvery { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets how often issued coupons past their validity are expired (default 1 min; 0 = off).</summary>
    public TimeSpan ExpireCouponsEvery { get; set; } = TimeSpan.FromMinutes(1);

    internal string? Validate()
    {
        foreach (var (name, value) in new[] { (nameof(ReleaseEarningsEvery), ReleaseEarningsEvery), (nameof(CloseGroupsEvery), CloseGroupsEvery), (nameof(CloseInvitationsEvery), CloseInvitationsEvery), (nameof(CloseBatchesEvery), CloseBatchesEvery), (nameof(SettlePointsEvery), SettlePointsEvery), (nameof(ExpireCouponsEvery), ExpireCouponsEvery) })
        {
            if (value != TimeSpan.Zero && (value < TimeSpan.FromMilliseconds(10) || value > TimeSpan.FromDays(1)))
            {
                return $"SocialCommerce jobs: {name} must be 0 (off) or 10 ms – 1 day; it is {value}.";
            }
        }

        return null;
    }
}
