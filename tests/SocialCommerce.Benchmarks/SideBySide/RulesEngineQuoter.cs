using System;
using System.Globalization;
using System.IO;
using System.Text.Json;
using RulesEngine.Models;
using SocialCommerce.Benchmarks.Data;
using SocialCommerce.Network;

namespace SocialCommerce.Benchmarks.SideBySide;

/// <summary>
/// The plan as a .NET team configures payout rules in Microsoft's RulesEngine: a JSON workflow
/// (embedded ThreeLevelPlan.rules.json) with one rule per level and category case, each rule's success
/// event naming the level and its OutputExpression computing the unrounded amount. Per sale line the
/// workflow runs once; the host code maps levels to the upline and rounds toward zero.
/// </summary>
internal sealed class RulesEngineQuoter : IThreeLevelQuoter
{
    /// <summary>The workflow name in the JSON.</summary>
    public const string WorkflowName = "ThreeLevelPlan";

    private readonly ReferralNetwork _network;
    private readonly global::RulesEngine.RulesEngine _engine;

    public RulesEngineQuoter(ReferralNetwork network)
    {
        _network = network;
        var workflows = JsonSerializer.Deserialize<Workflow[]>(ReadWorkflowJson())
            ?? throw new InvalidOperationException("ThreeLevelPlan.rules.json holds no workflow.");
        _engine = new global::RulesEngine.RulesEngine(workflows, new ReSettings());
    }

    public string Name => "RulesEngine";

    public int Quote(Sale sale, Span<PayoutLine> destination)
    {
        Span<MemberId> upline = stackalloc MemberId[ThreeLevelPlan.Levels];
        var levels = _network.CopyUpline(sale.Buyer, upline);
        var written = 0;
        for (var l = 0; l < sale.Lines.Count; l++)
        {
            var results = _engine
                .ExecuteAllRulesAsync(WorkflowName, new RuleParameter("line", sale.Lines[l]))
                .AsTask().GetAwaiter().GetResult();
            foreach (var result in results)
            {
                if (result.ActionResult?.Exception is { } exception)
                {
                    throw new InvalidOperationException($"Rule {result.Rule.RuleName} failed on sale {sale.Id} line {l}.", exception);
                }

                if (!result.IsSuccess)
                {
                    continue;
                }

                var level = int.Parse(result.Rule.SuccessEvent, NumberStyles.None, CultureInfo.InvariantCulture);
                if (level > levels)
                {
                    continue;
                }

                var amount = new Money((decimal)result.ActionResult!.Output, sale.Currency).Round(RoundingMode.TowardZero);
                if (!amount.IsZero)
                {
                    destination[written++] = new PayoutLine(upline[level - 1], level, l, amount);
                }
            }
        }

        return written;
    }

    private static string ReadWorkflowJson()
    {
        var assembly = typeof(RulesEngineQuoter).Assembly;
        using var stream = assembly.GetManifestResourceStream("SocialCommerce.Benchmarks.SideBySide.ThreeLevelPlan.rules.json")
            ?? throw new InvalidOperationException("The embedded resource ThreeLevelPlan.rules.json is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
