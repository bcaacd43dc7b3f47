namespace SocialCommerce.EntityFrameworkCore.Points;

/// <summary>A member's points wallet: the whole state as JSON, with what the expiry job and reports read as columns.</summary>
internal sealed class WalletRow
{
    /// <summary>Gets or sets: The member (the partition key).</summary>
    public long MemberId { get; set; }

    /// <summary>Gets or sets: The wallet's version (optimistic concurrency).</summary>
    public long Version { get; set; }

    /// <summary>Gets or sets: The available points (for reports).</summary>
    public long Available { get; set; }

    /// <summary>Gets or sets: When time next changes the wallet (a freeze ends, a lot expires), as Unix ticks; null when nothing is due.</summary>
    public long? NextDueAt { get; set; }

    /// <summary>Gets or sets: The schema version of State.</summary>
    public int SchemaVersion { get; set; }

    /// <summary>Gets or sets: The PointsWalletSnapshot as JSON.</summary>
    public string State { get; set; } = "";
}
