namespace SocialCommerce;

/// <summary>
/// How an amount is rounded to its currency's minor unit.
/// </summary>
public enum RoundingMode
{
    /// <summary>Truncate: 1.239 becomes 1.23 and -1.239 becomes -1.23. The default for payouts.</summary>
    TowardZero = 0,

    /// <summary>Round any fraction away from zero: 1.231 becomes 1.24 and -1.231 becomes -1.24.</summary>
    AwayFromZero = 1,

    /// <summary>Round to nearest; a tie goes to the even digit (banker's rounding): 1.225 becomes 1.22.</summary>
    HalfEven = 2,

    /// <summary>Round to nearest; a tie goes away from zero (commercial rounding): 1.225 becomes 1.23.</summary>
    HalfUp = 3,
}
