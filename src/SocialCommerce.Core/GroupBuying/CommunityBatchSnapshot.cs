using System.Collections.Generic;
using NodaTime;
using SocialCommerce.Network;

namespace SocialCommerce.GroupBuying;

/// <summary>
/// The state of a <see cref="CommunityBatch"/> (<see cref="CommunityBatch.ToSnapshot"/>): its offer, cut-off and every
/// accepted order line. Restored by <see cref="CommunityBatch.FromSnapshot"/> in O(lines), re-deciding nothing.
/// </summary>
/// <param name="SchemaVersion">The JSON schema version (<see cref="Serialization.SocialCommerceJson.SchemaVersion"/>).</param>
/// <param name="BatchId">The batch id.</param>
/// <param name="Leader">The leader.</param>
/// <param name="DeliveryDate">The delivery day.</param>
/// <param name="CutOffLocal">The local cut-off the batch was opened with.</param>
/// <param name="RuleVersion">The version of the rule it was opened under (<see cref="CommunityBatchRule.Version"/>); informational.</param>
/// <param name="Products">The products offered.</param>
/// <param name="Lines">Every accepted order line, in order.</param>
/// <param name="Status">The batch's status.</param>
/// <param name="Version">The batch's version.</param>
public sealed record CommunityBatchSnapshot(
    int SchemaVersion,
    string BatchId,
    MemberId Leader,
    LocalDate DeliveryDate,
    LocalDateTime CutOffLocal,
    string RuleVersion,
    IReadOnlyList<CommunityProduct> Products,
    IReadOnlyList<CommunityOrderRecord> Lines,
    CommunityBatchStatus Status,
    long Version)
{
    /// <summary>Gets when the batch was closed (a resent close answers its settlement); null while open, or in snapshots written before it was kept.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public NodaTime.Instant? ClosedAt { get; init; }
}

/// <summary>One accepted order line of a <see cref="CommunityBatchSnapshot"/>.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="Member">The member who ordered.</param>
/// <param name="ProductId">The product.</param>
/// <param name="Quantity">The units.</param>
public readonly record struct CommunityOrderRecord(string OrderId, MemberId Member, string ProductId, int Quantity);
