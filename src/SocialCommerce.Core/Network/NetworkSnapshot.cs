using System.Collections.Generic;

namespace SocialCommerce.Network;

/// <summary>
/// The state of a <see cref="ReferralNetwork"/>: every member with its current referrer, referrers before the members
/// they refer, and the recorded binding history. Restoring it (<see cref="ReferralNetwork.FromSnapshot"/>) costs
/// O(members + bindings) and replays no command; a host that keeps bindings in its own table builds one from its rows.
/// </summary>
/// <param name="SchemaVersion">The JSON schema version (<see cref="Serialization.SocialCommerceJson.SchemaVersion"/>).</param>
/// <param name="Members">Every member, each after its referrer.</param>
/// <param name="Bindings">The recorded bindings (<see cref="ReferralNetwork.GetBindingHistory"/>), oldest first per member.</param>
public sealed record NetworkSnapshot(int SchemaVersion, IReadOnlyList<NetworkMember> Members, IReadOnlyList<ReferralBinding> Bindings);
