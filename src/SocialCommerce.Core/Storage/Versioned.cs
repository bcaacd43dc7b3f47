namespace SocialCommerce.Storage;

/// <summary>A stored value with the version it was stored at (the expected version of the next save).</summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="Value">The value.</param>
/// <param name="Version">Its version: 1 after the first save, then one more per save.</param>
public sealed record Versioned<T>(T Value, long Version);
