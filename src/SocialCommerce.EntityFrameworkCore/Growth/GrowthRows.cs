using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq.Expressions;
using SocialCommerce.EntityFrameworkCore.Execution;
using SocialCommerce.Growth;
using SocialCommerce.Network;

namespace SocialCommerce.EntityFrameworkCore.Growth;

/// <summary>Members' growth accounts as state rows in <c>sc_growth</c>: one row a member, its snapshot as JSON.</summary>
internal sealed class GrowthRows(GrowthProgram program) : StateRows<GrowthRow, MemberId, MemberGrowth>
{
    /// <summary>Writes a new member's state into a new row.</summary>
    public static GrowthRow New(MemberGrowth state)
    {
        var row = new GrowthRow { MemberId = state.Member.Value };
        Update(row, state);
        return row;
    }

    protected override Expression<Func<GrowthRow, bool>> Of(MemberId key) => g => g.MemberId == key.Value;

    protected override MemberGrowth Restore(GrowthRow row) =>
        program.Restore(StoredJson.Read<GrowthSnapshot>(row.State, row.SchemaVersion, "sc_growth", row.MemberId.ToString(CultureInfo.InvariantCulture)));

    protected override bool Write(GrowthRow row, MemberGrowth aggregate) => Update(row, aggregate);

    protected override Exception Missing(MemberId key) =>
        new KeyNotFoundException($"Member {key} is not enrolled in growth; call StoredGrowth.EnrolAsync first.");

    // The row's version counts stored changes (a member's growth version counts its events, and points can change
    // without one), so every change moves the concurrency token.
    private static bool Update(GrowthRow row, MemberGrowth state)
    {
        var json = StoredJson.Write(state.ToSnapshot());
        if (string.Equals(json, row.State, StringComparison.Ordinal))
        {
            return false;
        }

        row.Version++;
        row.Level = state.LevelIndex;
        row.Balance = state.Balance;
        row.SchemaVersion = Serialization.SocialCommerceJson.SchemaVersion;
        row.State = json;
        return true;
    }
}
