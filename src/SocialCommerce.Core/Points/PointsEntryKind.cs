namespace SocialCommerce.Points;

/// <summary>What a wallet entry records.</summary>
public enum PointsEntryKind
{
    /// <summary>A lot was earned (available, or frozen for a purchase).</summary>
    Earned = 0,

    /// <summary>A purchase lot's freeze ended: its points became available.</summary>
    Unfrozen = 1,

    /// <summary>Points of a lot were reserved for an order.</summary>
    Reserved = 2,

    /// <summary>A reservation was released: its points went back to their lot.</summary>
    Released = 3,

    /// <summary>A reservation was committed: its points are spent.</summary>
    Spent = 4,

    /// <summary>Spent points came back to their lot with a refund.</summary>
    Returned = 5,

    /// <summary>The unspent part of a lot expired.</summary>
    Expired = 6,

    /// <summary>Points were taken back (a refunded purchase, or debt repaid from a new lot).</summary>
    TakenBack = 7,

    /// <summary>Points a take-back could not find became debt.</summary>
    DebtIncurred = 8,

    /// <summary>Points a take-back could not find were written off.</summary>
    WrittenOff = 9,
}
