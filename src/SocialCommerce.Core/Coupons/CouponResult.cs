namespace SocialCommerce.Coupons;

/// <summary>What a coupon command did.</summary>
/// <param name="Outcome">Applied, duplicate or refused.</param>
/// <param name="Refusal">Why refused, or <see cref="CouponRefusal.None"/>.</param>
/// <param name="Message">What happened, naming the coupon, template, member or order.</param>
public sealed record CouponResult(CouponOutcome Outcome, CouponRefusal Refusal, string Message)
{
    /// <summary>Gets a value indicating whether the command changed something.</summary>
    public bool IsApplied => Outcome == CouponOutcome.Applied;

    internal static CouponResult Applied(string message) => new(CouponOutcome.Applied, CouponRefusal.None, message);

    internal static CouponResult Duplicate(string message) => new(CouponOutcome.Duplicate, CouponRefusal.None, message);

    internal static CouponResult Refused(CouponRefusal refusal, string message) => new(CouponOutcome.Refused, refusal, message);
}
