namespace SocialCommerce.Points;

/// <summary>The terms of a points-mall item (see <see cref="MallItem.Create"/>).</summary>
public sealed class MallItemOptions
{
    /// <summary>Gets or sets the points one unit costs (1 to <see cref="Limits.MaxPoints"/>).</summary>
    public long Points { get; set; }

    /// <summary>Gets or sets the money one unit costs on top of its points (积分 + 钱), or null for points only.</summary>
    public Money? Price { get; set; }

    /// <summary>Gets or sets how many units the mall offers in all (1 to <see cref="MallItem.MaxQuota"/>).</summary>
    public int Quota { get; set; }

    /// <summary>Gets or sets how many units one member may hold (1 to <see cref="Quota"/>); cancelled and refunded units do not count.</summary>
    public int PerMemberLimit { get; set; } = 1;
}
