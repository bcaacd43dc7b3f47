using System;
using System.Collections.Generic;
using System.Globalization;

namespace SocialCommerce.Samples.Console.Simulation;

/// <summary>What to simulate: how many members join, over how many days, from which random seed.</summary>
/// <param name="Members">Members who join over the period (the first few are founders without a referrer).</param>
/// <param name="Days">Simulated days, starting Monday 9 November 2026, 00:00 Asia/Shanghai.</param>
/// <param name="Seed">Seed of the <see cref="Random"/> that drives every decision: same seed, same report.</param>
internal sealed record SimulationOptions(int Members = 200, int Days = 28, int Seed = 42)
{
    /// <summary>Gets the help text printed by <c>--help</c>.</summary>
    public const string Usage = """
        Usage: dotnet run --project samples/SocialCommerce.Samples.Console [-- options]

        Simulates a small social shop (referrals, commissions, group buys, a community batch,
        growth levels and honours, a compliance audit) and prints a report.

          --members N   members who join over the period (default 200, at least 10)
          --days D      simulated days from 2026-11-09 Asia/Shanghai (default 28, 1 to 366)
          --seed S      random seed (default 42); the same seed prints the same report
          --demos       run the small per-engine demonstrations instead
          --help        show this text
        """;

    /// <summary>Parses the simulation options; unknown switches and bad values are errors.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="error">The problem, naming the option and the value, when parsing fails.</param>
    /// <returns>The options, or <see langword="null"/> when <paramref name="error"/> is set.</returns>
    public static SimulationOptions? TryParse(IReadOnlyList<string> args, out string? error)
    {
        var options = new SimulationOptions();
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is not ("--members" or "--days" or "--seed"))
            {
                error = $"Unknown option '{name}'.";
                return null;
            }

            if (i + 1 >= args.Count || !int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                error = $"Option '{name}' needs a whole number, got '{(i + 1 < args.Count ? args[i + 1] : "nothing")}'.";
                return null;
            }

            i++;
            switch (name)
            {
                case "--members" when value is < 10 or > 10_000_000:
                    error = $"Option '--members' must be between 10 and 10000000, got {value}.";
                    return null;
                case "--members":
                    options = options with { Members = value };
                    break;
                case "--days" when value is < 1 or > 366:
                    error = $"Option '--days' must be between 1 and 366, got {value}.";
                    return null;
                case "--days":
                    options = options with { Days = value };
                    break;
                default:
                    options = options with { Seed = value };
                    break;
            }
        }

        return options;
    }
}
