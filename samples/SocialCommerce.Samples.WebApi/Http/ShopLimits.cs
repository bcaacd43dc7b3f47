namespace SocialCommerce.Samples.WebApi.Http;

/// <summary>The sample's limits at the edge.</summary>
internal static class ShopLimits
{
    /// <summary>The largest request body the API takes: 64 KiB (a sale of a few hundred lines).</summary>
    public const long MaxRequestBodyBytes = 64 * 1024;
}
