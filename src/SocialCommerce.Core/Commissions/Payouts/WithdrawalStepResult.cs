namespace SocialCommerce.Commissions;

/// <summary>The result of a step of a withdrawal's lifecycle: applied, a duplicate (the step was already taken), or refused with a reason.</summary>
/// <param name="Outcome">Applied, duplicate or refused.</param>
/// <param name="Refusal">Why it was refused, or <see cref="LedgerRefusal.None"/>.</param>
/// <param name="Message">What happened, naming the withdrawal and its state; <see langword="null"/> when applied.</param>
/// <param name="Withdrawal">The withdrawal after the step (before it, when refused); <see langword="null"/> when unknown.</param>
public readonly record struct WithdrawalStepResult(LedgerOutcome Outcome, LedgerRefusal Refusal, string? Message, WithdrawalRecord? Withdrawal)
{
    /// <summary>Gets a value indicating whether the step changed the account.</summary>
    public bool IsApplied => Outcome == LedgerOutcome.Applied;
}
