using System.Globalization;

namespace SocialCommerce.GroupBuying;

// The terms of a group-buy rule added after its first release, kept together so the rule's constructor stays readable.
internal readonly record struct GroupBuyRuleTerms(
    GroupBuyTierBasis TierBasis,
    int MaxUnitsPerParticipant,
    HandOverDeadline HandOverDeadline,
    bool PerkMovesToNewLeader,
    Rate? MinimumRealShare)
{
    public static GroupBuyRuleTerms Default => new(GroupBuyTierBasis.Participants, 1, HandOverDeadline.Kept, true, null);

    // Empty for the defaults, so the version of a rule written before these terms existed does not change.
    public string VersionSuffix => this == Default
        ? string.Empty
        : string.Create(CultureInfo.InvariantCulture, $"+{TierBasis}/{MaxUnitsPerParticipant}/{HandOverDeadline}/{PerkMovesToNewLeader}/{MinimumRealShare?.Fraction}");
}
