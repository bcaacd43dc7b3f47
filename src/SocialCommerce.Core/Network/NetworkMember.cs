using NodaTime;

namespace SocialCommerce.Network;

/// <summary>One member of a <see cref="NetworkSnapshot"/>: its current referrer and when that binding was made.</summary>
/// <param name="Member">The member.</param>
/// <param name="Referrer">Its current referrer (level-1 upline), or <see langword="null"/> for a root.</param>
/// <param name="BoundAt">When it registered, or when it was last bound (the start of a rebinding lock period).</param>
public readonly record struct NetworkMember(MemberId Member, MemberId? Referrer, Instant BoundAt);
