using System.Collections.Generic;
using SocialCommerce.Network;

namespace SocialCommerce.Benchmarks.Data;

/// <summary>A generated sale: a buyer from the network and 1 to 5 lines.</summary>
/// <param name="Id">The sale id.</param>
/// <param name="Buyer">The buyer (level 0).</param>
/// <param name="Currency">The currency of every line.</param>
/// <param name="Lines">The lines.</param>
public sealed record Sale(long Id, MemberId Buyer, Currency Currency, IReadOnlyList<SaleLine> Lines);
