using System;
using SocialCommerce.Coupons;

namespace SocialCommerce.Telemetry;

/// <summary>What <see cref="SocialCommerceListener.OnCoupon"/> receives.</summary>
public readonly struct CouponArguments
{
    /// <summary>Initializes the arguments of a coupon command a store decided (and, when applied, committed).</summary>
    /// <param name="templateId">The coupon's template (<c>unknown</c> for a step on a coupon never issued).</param>
    /// <param name="operation">The command: <c>issue</c>, <c>lock</c>, <c>unlock</c>, <c>use</c>, <c>return</c> or <c>expire</c>.</param>
    /// <param name="result">The result.</param>
    public CouponArguments(string templateId, string operation, CouponResult result)
    {
        ArgumentNullException.ThrowIfNull(templateId);
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(result);
        TemplateId = templateId;
        Operation = operation;
        Result = result;
    }

    /// <summary>Gets the coupon's template.</summary>
    public string TemplateId { get; }

    /// <summary>Gets the command.</summary>
    public string Operation { get; }

    /// <summary>Gets the result.</summary>
    public CouponResult Result { get; }
}
