using System;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using SocialCommerce.EntityFrameworkCore.Execution;
using SocialCommerce.EntityFrameworkCore.Schema;
using SocialCommerce.Invitations;
using SocialCommerce.Network;

namespace SocialCommerce.EntityFrameworkCore.Invitations;

/// <summary>Invited members' referral claims as state rows in <c>sc_referral_claims</c>: one row a member, its events as JSON.</summary>
internal sealed class ClaimRows : StateRows<ReferralClaimRow, MemberId, ReferralClaim>
{
    /// <summary>Restores a member's claim from its row; an open claim when there is none.</summary>
    public static ReferralClaim Load(MemberId invited, ReferralClaimRow? row)
    {
        if (row is null)
        {
            return ReferralClaim.Start(invited);
        }

        var events = StoredJson.Read<IReadOnlyList<ReferralRewardEvent>>(row.Events, row.SchemaVersion, "sc_referral_claims", invited.ToString());
        try
        {
            return ReferralClaim.FromHistory(invited, events);
        }
        catch (CorruptStateException ex)
        {
            throw new StoreSchemaException($"SocialCommerce store: the events of member {invited}'s referral reward in sc_referral_claims do not make a valid claim: {ex.Message}", ex);
        }
    }

    /// <summary>Writes a claim into its row.</summary>
    public static void Save(ReferralClaimRow row, ReferralClaim claim)
    {
        row.Events = StoredJson.Write<IReadOnlyList<ReferralRewardEvent>>(claim.Events.ToArray());
        row.SchemaVersion = Serialization.SocialCommerceJson.SchemaVersion;
        row.Status = (int)claim.Status;
        row.InviterId = claim.Claimed?.Inviter.Value ?? 0;
        row.SaleId = claim.Claimed?.SaleId;
        row.ClaimedAt = claim.Claimed is { } c ? StoredJson.Ticks(c.At) : 0;
        row.Version = claim.Version;
    }

    protected override Expression<Func<ReferralClaimRow, bool>> Of(MemberId key) => r => r.InvitedId == key.Value;

    protected override ReferralClaim Restore(ReferralClaimRow row) => Load(new MemberId(row.InvitedId), row);

    protected override bool Write(ReferralClaimRow row, ReferralClaim aggregate)
    {
        Save(row, aggregate);
        return true;
    }

    protected override Exception Missing(MemberId key) =>
        new StoreSchemaException($"SocialCommerce store: sc_referral_sales names member {key}, who has no row in sc_referral_claims.");
}
