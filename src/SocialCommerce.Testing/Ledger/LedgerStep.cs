using System.Globalization;

namespace SocialCommerce.Testing;

/// <summary>
/// One generated ledger posting of a <see cref="LedgerHistory"/>. <see cref="Target"/> is the sale's index (the member's
/// index for <see cref="LedgerStepKind.Withdraw"/>); <see cref="Value"/> and <see cref="Quantity"/> depend on the kind.
/// </summary>
/// <param name="Kind">The kind of posting.</param>
/// <param name="Target">The sale's index in <see cref="LedgerHistory.Sales"/>, or the member's index in <see cref="LedgerHistory.Members"/> for a withdrawal.</param>
/// <param name="Value">
/// Hours after the sale's payment (<see cref="LedgerStepKind.Complete"/>), hours after <see cref="LedgerHistory.Start"/>
/// (<see cref="LedgerStepKind.Release"/>), the sale line (<see cref="LedgerStepKind.RefundLines"/>), or minor units
/// (<see cref="LedgerStepKind.RefundAmount"/>, <see cref="LedgerStepKind.Withdraw"/>).
/// </param>
/// <param name="Quantity">The units refunded (<see cref="LedgerStepKind.RefundLines"/>); 0 otherwise.</param>
public sealed record LedgerStep(LedgerStepKind Kind, int Target, int Value, int Quantity = 0)
{
    /// <summary>Formats compactly, e.g. <c>Complete(S1,+5h)</c>, <c>RefundLines(S0,line 1 x2)</c>, <c>Withdraw(m2,300)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Kind switch
    {
        LedgerStepKind.Post => F($"Post(S{Target})"),
        LedgerStepKind.Complete => F($"Complete(S{Target},+{Value}h)"),
        LedgerStepKind.Release => F($"Release(+{Value}h)"),
        LedgerStepKind.RefundFull => F($"RefundFull(S{Target})"),
        LedgerStepKind.RefundLines => F($"RefundLines(S{Target},line {Value} x{Quantity})"),
        LedgerStepKind.RefundAmount => F($"RefundAmount(S{Target},{Value})"),
        _ => F($"Withdraw(m{Target},{Value})"),
    };

    private static string F(System.FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
