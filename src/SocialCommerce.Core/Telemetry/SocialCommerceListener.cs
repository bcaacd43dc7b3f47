using System;

namespace SocialCommerce.Telemetry;

/// <summary>
/// Receives what the engines did, so that a host can measure, trace and log it. The Core never measures
/// anything itself: the Extensions package maps these calls to a <c>Meter</c>, an <c>ActivitySource</c> and
/// <c>ILogger</c>; a host may write its own listener.
/// </summary>
/// <remarks>
/// Every method has an empty default, so a listener overrides only what it needs, and new methods can be added
/// without breaking it. Arguments are readonly structs so that fields can be added without breaking callers.
/// Engines call a listener on the calling thread, after the operation succeeded; an implementation must be
/// thread-safe and cheap, and should not throw. Where the engine has already committed a change of state (a group-buy
/// book's open, join or close; a community batch's close), an exception from the listener is caught and discarded, so
/// the change is never reported as failed and a retry is never needed; where nothing was changed (a quote, an audit,
/// a growth evaluation, which returns the member's new state without altering the old one), it propagates to the
/// caller. An engine without a listener pays one null check per call.
/// </remarks>
public abstract class SocialCommerceListener
{
    /// <summary>Called when an operation that is worth tracing starts (quoting a sale, auditing a network).</summary>
    /// <param name="operation">The operation's name, one of <see cref="SocialCommerceOperations"/>.</param>
    /// <returns>A scope that the engine disposes when the operation ends, or <see langword="null"/>.</returns>
    public virtual IDisposable? StartOperation(string operation) => null;

    /// <summary>Called after a sale was quoted.</summary>
    /// <param name="arguments">The quote.</param>
    public virtual void OnQuoted(in QuotedArguments arguments)
    {
    }

    /// <summary>Called after a compliance profile decided on a plan or a group-buy rule.</summary>
    /// <param name="arguments">The decision.</param>
    public virtual void OnComplianceDecision(in ComplianceDecisionArguments arguments)
    {
    }

    /// <summary>Called after a network audit.</summary>
    /// <param name="arguments">The report.</param>
    public virtual void OnNetworkAudited(in NetworkAuditedArguments arguments)
    {
    }

    /// <summary>Called after a group-buy action (open, join, close, cancel), accepted or refused.</summary>
    /// <param name="arguments">The result and its events.</param>
    public virtual void OnGroupBuy(in GroupBuyArguments arguments)
    {
    }

    /// <summary>Called after a commission-ledger operation (post, complete, release, refund, withdraw), applied, duplicate or refused.</summary>
    /// <param name="arguments">The operation and its result with the entries it wrote.</param>
    public virtual void OnLedger(in LedgerArguments arguments)
    {
    }

    /// <summary>Called after an invitation action (open, help, close), accepted or refused.</summary>
    /// <param name="arguments">The result and its events.</param>
    public virtual void OnInvitation(in InvitationArguments arguments)
    {
    }

    /// <summary>Called after a referral-reward action (claim, earn, reverse), accepted or refused.</summary>
    /// <param name="arguments">The result and its event.</param>
    public virtual void OnReferralReward(in ReferralRewardArguments arguments)
    {
    }

    /// <summary>Called after a community batch closed at its cut-off.</summary>
    /// <param name="arguments">The settlement.</param>
    public virtual void OnCommunityBatchClosed(in CommunityBatchClosedArguments arguments)
    {
    }

    /// <summary>Called after a member's growth was evaluated.</summary>
    /// <param name="arguments">The evaluation and its events.</param>
    public virtual void OnGrowthEvaluated(in GrowthEvaluatedArguments arguments)
    {
    }

    /// <summary>Called after a points-wallet command (earn, sign-in, task, reserve, commit, release, return, take back, settle), applied or not.</summary>
    /// <param name="arguments">The command and its result.</param>
    public virtual void OnPoints(in PointsArguments arguments)
    {
    }

    /// <summary>Called after a coupon command (issue, lock, unlock, use, return, expire), applied or not.</summary>
    /// <param name="arguments">The template, the command and its result.</param>
    public virtual void OnCoupon(in CouponArguments arguments)
    {
    }

    /// <summary>Called after a points-mall command (redeem, complete, cancel, refund), applied or not.</summary>
    /// <param name="arguments">The item, the command and its result.</param>
    public virtual void OnMall(in MallArguments arguments)
    {
    }
}
