namespace SocialCommerce.Samples.WebApi.Errors;

/// <summary>A request names a group-buy campaign the shop does not run (404).</summary>
public sealed class UnknownCampaignException(string name)
    : UnknownIdException("campaign", name, $"The shop runs no group-buy campaign named '{name}'.");
