namespace SocialCommerce.EntityFrameworkCore.Growth;

/// <summary>A member's growth account, the whole state as JSON.</summary>
internal sealed class GrowthRow
{
    /// <summary>Gets or sets: The member.</summary>
    public long MemberId { get; set; }

    /// <summary>Gets or sets: The account's version (optimistic concurrency).</summary>
    public long Version { get; set; }

    /// <summary>Gets or sets: The level index (for reports).</summary>
    public int Level { get; set; }

    /// <summary>Gets or sets: The points balance (for reports).</summary>
    public long Balance { get; set; }

    /// <summary>Gets or sets: The schema version of State.</summary>
    public int SchemaVersion { get; set; }

    /// <summary>Gets or sets: The GrowthSnapshot as JSON.</summary>
    public string State { get; set; } = "";
}
