using System.Collections.Generic;
using System.Globalization;

namespace SocialCommerce.Commissions;

/// <summary>
/// Collects a record's effects as <see cref="AccountPosting"/>s named <c>sale/step/earning</c> (the idempotency keys a
/// database applies them under).
/// </summary>
/// <param name="sale">The sale.</param>
/// <param name="step">The command's step: <c>post</c>, <c>complete</c>, <c>release</c> or <c>refund:</c> and the refund id.</param>
internal struct PostingList(LedgerSale sale, string step) : IPostingSink
{
    private List<AccountPosting>? _postings;

    /// <summary>Gets the postings collected, in order.</summary>
    public readonly IReadOnlyList<AccountPosting> Postings => _postings is null ? [] : _postings;

    /// <inheritdoc/>
    public void Add(int earning, AccountPostingKind kind, LedgerState state, long amount)
    {
        _postings ??= new List<AccountPosting>(sale.EarningArray.Length);
        var id = string.Create(CultureInfo.InvariantCulture, $"{sale.SaleId}/{step}/{earning}");
        _postings.Add(new AccountPosting(id, sale.SaleId, sale.EarningArray[earning].Beneficiary, sale.Currency, kind, state, amount));
    }
}
