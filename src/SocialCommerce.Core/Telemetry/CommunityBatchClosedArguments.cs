using SocialCommerce.GroupBuying;

namespace SocialCommerce.Telemetry;

/// <summary>
/// What <see cref="SocialCommerceListener.OnCommunityBatchClosed"/> receives.
/// </summary>
public readonly struct CommunityBatchClosedArguments
{
    internal CommunityBatchClosedArguments(string batchId, CommunityBatchSettlement settlement)
    {
        BatchId = batchId;
        Settlement = settlement;
    }

    /// <summary>Gets the batch's id.</summary>
    public string BatchId { get; }

    /// <summary>Gets the settlement: products confirmed and refunded, the leader's commission.</summary>
    public CommunityBatchSettlement Settlement { get; }
}
