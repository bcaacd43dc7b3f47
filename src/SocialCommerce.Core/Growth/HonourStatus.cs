namespace SocialCommerce.Growth;

/// <summary>The state of an awarded honour.</summary>
public enum HonourStatus
{
    /// <summary>Held and shown.</summary>
    Active,

    /// <summary>Past its expiry: kept on the record, reported as expired.</summary>
    Expired,
}
