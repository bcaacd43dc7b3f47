using System;

namespace SocialCommerce;

/// <summary>
/// The family of "bad rule or document" errors: a commission plan, group-buy rule, invitation rule or growth policy
/// built in code with an invalid setting, or read from a malformed JSON document. Catch this type to handle them all;
/// <see cref="RuleName"/>, <see cref="Path"/> and <see cref="Value"/> say which rule, where and what.
/// </summary>
/// <remarks>
/// An <see cref="ArgumentException"/> (a host that caught that keeps working) whose <see cref="ArgumentException.ParamName"/>
/// is <see cref="Path"/>. The message reads <c>{kind} '{name}': {path} = {value}: {problem}</c>.
/// </remarks>
public abstract class InvalidRuleException : ArgumentException
{
    private readonly string _message;

    /// <summary>Creates the exception.</summary>
    /// <param name="ruleKind">What kind of rule, for the message, e.g. <c>"Commission plan"</c>.</param>
    /// <param name="ruleName">The rule's name (<c>"(unnamed)"</c> when a document has none yet).</param>
    /// <param name="path">The setting (e.g. <c>"RequiredParticipants"</c>) or JSON path (e.g. <c>"$.levels[1].rate"</c>) at fault.</param>
    /// <param name="value">The offending value, formatted, or <c>"(missing)"</c>.</param>
    /// <param name="problem">What is wrong with it.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    protected InvalidRuleException(string ruleKind, string ruleName, string path, string value, string problem, Exception? innerException = null)
        : base(problem, path, innerException)
    {
        RuleName = ruleName ?? string.Empty;
        Path = path ?? "$";
        Value = value ?? "(missing)";
        Problem = problem ?? string.Empty;
        _message = $"{ruleKind} '{RuleName}': {Path} = {Value}: {Problem}";
    }

    /// <summary>Gets the rule's name (may be empty or <c>"(unnamed)"</c> when the name itself is what is missing).</summary>
    public string RuleName { get; }

    /// <summary>Gets the setting or JSON path at fault.</summary>
    public string Path { get; }

    /// <summary>Gets the offending value, formatted, or <c>"(missing)"</c>.</summary>
    public string Value { get; }

    /// <summary>Gets what is wrong with the value.</summary>
    public string Problem { get; }

    /// <summary>Gets the message: the rule, the path, the value and the problem.</summary>
    public override string Message => _message;
}
