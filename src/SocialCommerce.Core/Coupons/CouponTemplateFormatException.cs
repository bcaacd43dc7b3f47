using System;

namespace SocialCommerce.Coupons;

/// <summary>A coupon template document (<see cref="CouponTemplate.FromJson(string)"/>) is malformed or describes an invalid template; the message names the JSON path and the value.</summary>
public sealed class CouponTemplateFormatException : InvalidRuleException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The JSON path, e.g. <c>"$.offer.amount"</c>.</param>
    /// <param name="value">The raw JSON text of the element, or <c>"(missing)"</c>.</param>
    /// <param name="problem">What is wrong with it.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public CouponTemplateFormatException(string path, string value, string problem, Exception? innerException = null)
        : base("Coupon template document", "(document)", path, value, problem, innerException)
    {
    }
}
