namespace SocialCommerce.Testing;

/// <summary>What a generated growth activity step does (see <see cref="ActivityHistory.Build"/>).</summary>
public enum ActivityStepKind
{
    /// <summary>An order completed, for the step's amount.</summary>
    Order = 0,

    /// <summary>A refund of an earlier order of the stream (or of an unknown order when there is none).</summary>
    Refund = 1,

    /// <summary>A daily sign-in.</summary>
    SignIn = 2,

    /// <summary>A task completed.</summary>
    Task = 3,

    /// <summary>A review posted.</summary>
    Review = 4,

    /// <summary>A course completed.</summary>
    Course = 5,

    /// <summary>A competition placing, at the step's rank.</summary>
    Competition = 6,

    /// <summary>A host-defined penalty (<see cref="ActivityHistory.PenaltyKind"/>), worth negative points in a policy that scores it.</summary>
    Penalty = 7,

    /// <summary>A referred member's first completed order (sometimes of zero amount).</summary>
    Referral = 8,

    /// <summary>A referral binding (which must never earn).</summary>
    Bound = 9,

    /// <summary>An earlier activity's id posted again (a retried request).</summary>
    Repost = 10,
}
