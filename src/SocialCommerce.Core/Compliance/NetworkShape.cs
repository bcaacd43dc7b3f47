namespace SocialCommerce.Compliance;

/// <summary>
/// The overall shape of a referral network, as <see cref="NetworkAnalysis.Shape"/> classifies it.
/// </summary>
/// <remarks>
/// The classification looks at the largest referral tree (the most participants; ties to the smallest top id),
/// with <c>N</c> members in the network, <c>S</c> participants and <c>H</c> links of height in that tree, and
/// applies the first rule that matches:
/// <list type="number">
/// <item><see cref="Empty"/>: <c>N = 0</c>.</item>
/// <item><see cref="ManySmallCells"/>: <c>S ≤ 3</c>, or the tree holds at most 10 % of the members (<c>10·S ≤ N</c>).</item>
/// <item><see cref="DeepTower"/>: <c>H ≥ 8</c> and <c>H·H ≥ S</c> — far deeper than a tree of that size whose recruiters each brought two.</item>
/// <item><see cref="WideUmbrella"/>: <c>H ≤ 3</c> and its recruiters brought 4 or more members each on average.</item>
/// <item><see cref="Layered"/>: anything else.</item>
/// </list>
/// </remarks>
public enum NetworkShape
{
    /// <summary>No members.</summary>
    Empty = 0,

    /// <summary>Many independent small trees: no tree holds more than a tenth of the members (or any tree has at most 3 participants).</summary>
    ManySmallCells = 1,

    /// <summary>A tall, narrow tree: its height <c>H</c> is at least 8 links and <c>H²</c> is at least its size.</summary>
    DeepTower = 2,

    /// <summary>A flat, broad tree: at most 3 links high, with at least 4 direct recruits per recruiter on average.</summary>
    WideUmbrella = 3,

    /// <summary>A tree growing level by level that is neither a tower nor an umbrella: the classic pyramid outline.</summary>
    Layered = 4,
}
