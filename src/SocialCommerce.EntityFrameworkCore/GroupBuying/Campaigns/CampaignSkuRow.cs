namespace SocialCommerce.EntityFrameworkCore.GroupBuying;

/// <summary>
/// What a campaign has taken of one SKU's quota — units reserved, sold and withheld — the one row every seat of the SKU
/// moves: a command takes its lock before it decides, so racing joins across groups and instances line up on it and the
/// quota is never oversold.
/// </summary>
internal sealed class CampaignSkuRow
{
    /// <summary>Gets or sets: The campaign.</summary>
    public string Campaign { get; set; } = "";

    /// <summary>Gets or sets: The SKU.</summary>
    public string SkuId { get; set; } = "";

    /// <summary>Gets or sets: Units open groups' seats hold.</summary>
    public int Reserved { get; set; }

    /// <summary>Gets or sets: Units formed groups' seats hold.</summary>
    public int Sold { get; set; }

    /// <summary>Gets or sets: Refunded units kept out of the quota.</summary>
    public int Withheld { get; set; }

    /// <summary>Gets or sets: The row's version (optimistic concurrency).</summary>
    public long Version { get; set; }
}
