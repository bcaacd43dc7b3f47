namespace SocialCommerce.Testing;

/// <summary>The shape of a generated referral network.</summary>
public enum NetworkShape
{
    /// <summary>One line: member <c>i</c> was referred by member <c>i − 1</c>; the deepest network of its size.</summary>
    Chain = 0,

    /// <summary>One root that referred every other member; the widest network of its size.</summary>
    Star = 1,

    /// <summary>
    /// Preferential attachment: each new member's referrer is chosen with probability proportional to the
    /// referrals it already has, plus one. A few wide hubs with some long chains, as real shops grow.
    /// </summary>
    PreferentialAttachment = 2,

    /// <summary>Several independent trees: a member is a root, the previous member's referral, or any earlier member's.</summary>
    RandomForest = 3,
}
