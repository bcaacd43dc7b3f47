namespace SocialCommerce.EntityFrameworkCore.Points;

/// <summary>How many units of a mall item reserved or completed redemptions hold: the fact its quota counts, moved under its version by every redemption, cancellation and refund.</summary>
internal sealed class MallItemRow
{
    /// <summary>Gets or sets: The item.</summary>
    public string ItemId { get; set; } = "";

    /// <summary>Gets or sets: The units taken.</summary>
    public int Taken { get; set; }

    /// <summary>Gets or sets: The count's version (optimistic concurrency).</summary>
    public long Version { get; set; }
}
