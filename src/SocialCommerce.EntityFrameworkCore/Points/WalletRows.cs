using System;
using System.Linq.Expressions;
using SocialCommerce.EntityFrameworkCore.Execution;
using SocialCommerce.EntityFrameworkCore.Schema;
using SocialCommerce.Network;
using SocialCommerce.Points;

namespace SocialCommerce.EntityFrameworkCore.Points;

/// <summary>
/// Members' points wallets as state rows in <c>sc_points_wallets</c>: one row a member, Core's
/// <see cref="PointsWalletSnapshot"/> as JSON. A member without a row has an empty wallet; its first change inserts
/// the row.
/// </summary>
internal sealed class WalletRows : StateRows<WalletRow, MemberId, PointsWallet>
{
    /// <summary>Restores a wallet from its row (a state Core refuses is the store's schema error naming the row).</summary>
    public static PointsWallet Load(WalletRow row)
    {
        var snapshot = StoredJson.Read<PointsWalletSnapshot>(row.State, row.SchemaVersion, "sc_points_wallets", row.MemberId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            return PointsWallet.FromSnapshot(snapshot);
        }
        catch (CorruptStateException ex)
        {
            throw new StoreSchemaException($"SocialCommerce store: the wallet of member {row.MemberId} in sc_points_wallets is not a valid wallet: {ex.Message}", ex);
        }
    }

    protected override Expression<Func<WalletRow, bool>> Of(MemberId key) => r => r.MemberId == key.Value;

    protected override PointsWallet Restore(WalletRow row) => Load(row);

    protected override PointsWallet? Start(MemberId key) => new();

    protected override WalletRow NewRow(MemberId key) => new() { MemberId = key.Value };

    protected override bool Write(WalletRow row, PointsWallet aggregate)
    {
        row.Version = aggregate.Version;
        row.Available = aggregate.GetBalance().Available;
        row.NextDueAt = aggregate.NextDueAt is { } due ? StoredJson.Ticks(due) : null;
        row.SchemaVersion = Serialization.SocialCommerceJson.SchemaVersion;
        row.State = StoredJson.Write(aggregate.ToSnapshot());
        return true;
    }

    protected override Exception Missing(MemberId key) => new InvalidOperationException($"Member {key} has no wallet row.");
}
