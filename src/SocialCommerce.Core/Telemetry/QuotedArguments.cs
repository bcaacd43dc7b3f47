using SocialCommerce.Commissions;

namespace SocialCommerce.Telemetry;

/// <summary>
/// What <see cref="SocialCommerceListener.OnQuoted"/> receives.
/// </summary>
public readonly struct QuotedArguments
{
    internal QuotedArguments(string planName, string saleId, Money total, int lineCount, CommissionQuote? quote)
    {
        PlanName = planName;
        SaleId = saleId;
        Total = total;
        LineCount = lineCount;
        Quote = quote;
    }

    /// <summary>Gets the name of the plan that quoted the sale.</summary>
    public string PlanName { get; }

    /// <summary>Gets the sale's id.</summary>
    public string SaleId { get; }

    /// <summary>Gets the total of the quoted lines.</summary>
    public Money Total { get; }

    /// <summary>Gets the number of quoted lines.</summary>
    public int LineCount { get; }

    /// <summary>Gets the whole quote (adjustments, findings), or <see langword="null"/> from the batch path (<c>QuoteInto</c>), which keeps neither.</summary>
    public CommissionQuote? Quote { get; }
}
