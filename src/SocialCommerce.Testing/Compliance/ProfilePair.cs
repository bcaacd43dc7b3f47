using System.Globalization;
using SocialCommerce.Compliance;

namespace SocialCommerce.Testing;

/// <summary>A generated compliance profile and a second one at least as loose in every plan limit.</summary>
/// <param name="Strict">The stricter profile.</param>
/// <param name="Loose">A profile whose depth, ratio, recruitment and entry-fee limits are each at least as permissive.</param>
public sealed record ProfilePair(ComplianceProfile Strict, ComplianceProfile Loose)
{
    /// <summary>Formats both profiles' plan limits.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"Strict: {Describe(Strict)}; Loose: {Describe(Loose)}";

    internal static string Describe(ComplianceProfile p) => string.Create(
        CultureInfo.InvariantCulture,
        $"{p.Name}(depth={p.MaxPaidDepth?.ToString(CultureInfo.InvariantCulture) ?? "-"} ratio={p.MaxPayoutRatio?.ToString() ?? "-"} recruit={p.AllowsRecruitmentRewards} fee={p.AllowsEntryFee} mode={p.Mode} chain={p.FlagChainLevels?.ToString(CultureInfo.InvariantCulture) ?? "-"} team={p.FlagTeamLevels?.ToString(CultureInfo.InvariantCulture) ?? "-"}/{p.FlagTeamParticipants?.ToString(CultureInfo.InvariantCulture) ?? "-"})");
}
