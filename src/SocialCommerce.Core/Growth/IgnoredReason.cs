namespace SocialCommerce.Growth;

/// <summary>Why an activity earned nothing and changed nothing (an expected business outcome, not an error).</summary>
public enum IgnoredReason
{
    /// <summary>The same activity (same id and content) was already posted for the member: a resend.</summary>
    Duplicate,

    /// <summary>The activity is earlier than one already processed for the member; activities are processed in time order.</summary>
    OutOfOrder,

    /// <summary>No source of the policy scores this kind.</summary>
    NoSource,

    /// <summary>A referral binding or registration: recruitment alone never earns.</summary>
    RecruitmentEarnsNothing,

    /// <summary>The member already signed in on this local day.</summary>
    AlreadySignedInToday,

    /// <summary>A referral order for a referred member whose first order already earned the referrer points.</summary>
    NotFirstOrder,

    /// <summary>A referral order with no positive amount: not a real purchase.</summary>
    NotAPurchase,

    /// <summary>A refund names an activity the member never posted (or a refund).</summary>
    UnknownActivity,

    /// <summary>A refund names an activity that was already reversed.</summary>
    AlreadyReversed,

    /// <summary>
    /// An activity with this id but other content (kind, instant, amount, subject, rank, reversed activity or referred
    /// member) was already posted for the member; the first stands.
    /// </summary>
    ConflictingDuplicate,
}
