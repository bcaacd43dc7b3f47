namespace SocialCommerce.EntityFrameworkCore.Invitations;

/// <summary>An invited member's referral reward: its events as one JSON array (a handful at most), with the current claim as columns.</summary>
internal sealed class ReferralClaimRow
{
    /// <summary>Gets or sets: The invited member.</summary>
    public long InvitedId { get; set; }

    /// <summary>Gets or sets: The inviter of the current (or last) claim; 0 before the first.</summary>
    public long InviterId { get; set; }

    /// <summary>Gets or sets: The sale of the current (or last) claim.</summary>
    public string? SaleId { get; set; }

    /// <summary>Gets or sets: The ReferralClaimStatus.</summary>
    public int Status { get; set; }

    /// <summary>Gets or sets: When the current claim's purchase was paid, in Unix ticks.</summary>
    public long ClaimedAt { get; set; }

    /// <summary>Gets or sets: The schema version of Events.</summary>
    public int SchemaVersion { get; set; }

    /// <summary>Gets or sets: The ReferralRewardEvent list as JSON.</summary>
    public string Events { get; set; } = "[]";

    /// <summary>Gets or sets: The number of events (optimistic concurrency).</summary>
    public long Version { get; set; }
}
