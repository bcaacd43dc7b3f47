using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using SocialCommerce.Compliance;

namespace SocialCommerce.Testing;

/// <summary>Generators and the shrinker for whole commission cases (network, buyer, plan, sale, distributors, ranks).</summary>
public static class CommissionCaseGen
{
    /// <summary>Cases in <paramref name="currency"/>: networks of 1 to 12 members in any shape, any SDK-valid plan, 1 to 4 sale lines.</summary>
    /// <param name="currency">The currency of plans and sales.</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="currency"/> is null.</exception>
    public static Gen<CommissionCase> Cases(Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        return Cases(NetworkGen.Networks(1, 12), CommissionPlanGen.Plans(currency), SaleGen.Sales(currency));
    }

    /// <summary>Cases whose plans <paramref name="profile"/> accepts (see <see cref="CommissionPlanGen.Within"/>).</summary>
    /// <param name="profile">The compliance profile.</param>
    /// <param name="currency">The currency of plans and sales.</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static Gen<CommissionCase> Cases(ComplianceProfile profile, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(currency);
        return Cases(NetworkGen.Networks(1, 12), CommissionPlanGen.Within(profile, currency), SaleGen.Sales(currency));
    }

    /// <summary>
    /// Cases from the host's own generators: a buyer anywhere in each network, two in three members enabled
    /// distributors, ranks 0 to 3.
    /// </summary>
    /// <param name="networks">The networks (at least one member each).</param>
    /// <param name="plans">The plans.</param>
    /// <param name="sales">The sales (in the plans' currency).</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static Gen<CommissionCase> Cases(Gen<NetworkSample> networks, Gen<PlanSample> plans, Gen<SaleSample> sales)
    {
        ArgumentNullException.ThrowIfNull(networks);
        ArgumentNullException.ThrowIfNull(plans);
        ArgumentNullException.ThrowIfNull(sales);
        return from network in networks.Where(n => n.Count > 0)
               from buyer in Gen.Choose(0, network.Count - 1)
               from plan in plans
               from sale in sales
               from enabled in Gen.Frequency((2, Gen.Constant(true)), (1, Gen.Constant(false))).ArrayOf(network.Count)
               from ranks in Gen.Choose(0, 3).ArrayOf(network.Count)
               select new CommissionCase(network, buyer, plan, sale, enabled, ranks);
    }

    /// <summary>
    /// Shrinks a case: drops the members after the buyer (they cannot be on its upline), removes upline members,
    /// cuts links, enables everyone, zeroes ranks, then shrinks the sale and the plan. Every candidate is a valid
    /// case with the buyer still in the network; a plan within a profile stays within it.
    /// </summary>
    /// <param name="value">The case to shrink.</param>
    /// <returns>Simpler candidates.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static IEnumerable<CommissionCase> Shrink(CommissionCase value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return ShrinkIterator(value);
    }

    private static IEnumerable<CommissionCase> ShrinkIterator(CommissionCase c)
    {
        var network = c.Network;
        if (network.Count > c.Buyer + 1)
        {
            yield return c with { Network = network.Take(c.Buyer + 1), Enabled = c.Enabled.Take(c.Buyer + 1).ToArray(), Ranks = c.Ranks.Take(c.Buyer + 1).ToArray() };
        }

        for (var i = c.Buyer - 1; i >= 0; i--)
        {
            yield return c with { Network = network.Without(i), Buyer = c.Buyer - 1, Enabled = Drop(c.Enabled, i), Ranks = Drop(c.Ranks, i) };
        }

        for (var i = network.Count - 1; i >= 0; i--)
        {
            if (network.ParentOf(i) >= 0)
            {
                yield return c with { Network = network.Unlinked(i) };
            }
        }

        if (c.Enabled.Any(e => !e))
        {
            yield return c with { Enabled = c.Enabled.Select(_ => true).ToArray() };
        }

        if (c.Ranks.Any(r => r != 0))
        {
            yield return c with { Ranks = c.Ranks.Select(_ => 0).ToArray() };
        }

        foreach (var sale in SaleGen.Shrink(c.Sale))
        {
            yield return c with { Sale = sale };
        }

        foreach (var plan in CommissionPlanGen.Shrink(c.Plan))
        {
            yield return c with { Plan = plan };
        }
    }

    private static T[] Drop<T>(IReadOnlyList<T> values, int index) => values.Where((_, i) => i != index).ToArray();
}
