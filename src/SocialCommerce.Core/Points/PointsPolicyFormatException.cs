using System;

namespace SocialCommerce.Points;

/// <summary>A points policy document (<see cref="PointsPolicy.FromJson(string)"/>) is malformed or describes an invalid policy; the message names the JSON path and the value.</summary>
public sealed class PointsPolicyFormatException : InvalidRuleException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The JSON path, e.g. <c>"$.redemption.pointsPerUnit"</c>.</param>
    /// <param name="value">The raw JSON text of the element, or <c>"(missing)"</c>.</param>
    /// <param name="problem">What is wrong with it.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public PointsPolicyFormatException(string path, string value, string problem, Exception? innerException = null)
        : base("Points policy document", "(document)", path, value, problem, innerException)
    {
    }
}
