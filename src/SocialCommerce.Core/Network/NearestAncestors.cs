namespace SocialCommerce.Network;

/// <summary>
/// A member's first three ancestors, stored together (32 bytes: two to a cache line) so that the upline of a
/// three-level plan is one read after the index lookup instead of a chain of dependent loads.
/// </summary>
/// <param name="First">The referrer (level 1).</param>
/// <param name="Second">Level 2.</param>
/// <param name="Third">Level 3.</param>
/// <param name="Count">How many of the three exist (0 to 3).</param>
/// <param name="ThirdIndex">The dense index of <paramref name="Third"/>, to continue a deeper walk; −1 when there is none.</param>
internal readonly record struct NearestAncestors(MemberId First, MemberId Second, MemberId Third, int Count, int ThirdIndex);
