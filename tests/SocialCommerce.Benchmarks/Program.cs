using System;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using SocialCommerce.Benchmarks.Data;

namespace SocialCommerce.Benchmarks;

internal static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length == 1 && args[0] == DataReport.Argument)
        {
            DataReport.Write(Console.Out);
            return;
        }

        // Median (the budgets are judged on it) and operations per second (sales/s, calls/s) next to the mean.
        var config = DefaultConfig.Instance.AddColumn(StatisticColumn.Median, StatisticColumn.OperationsPerSecond);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    }
}
