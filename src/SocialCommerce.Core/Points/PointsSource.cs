namespace SocialCommerce.Points;

/// <summary>Where a lot of spendable points comes from.</summary>
public enum PointsSource
{
    /// <summary>A purchase: frozen until it completes and its return window passes.</summary>
    Purchase = 0,

    /// <summary>A task the member did.</summary>
    Task = 1,

    /// <summary>A daily sign-in.</summary>
    SignIn = 2,

    /// <summary>A share that led to someone else's real purchase.</summary>
    ShareReward = 3,

    /// <summary>A referral reward of kind points.</summary>
    ReferralReward = 4,

    /// <summary>A grant by the host (with its author and reason).</summary>
    Grant = 5,
}
