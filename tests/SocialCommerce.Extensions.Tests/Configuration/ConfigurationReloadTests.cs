using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using SocialCommerce.Commissions;
using SocialCommerce.Extensions.Commissions;
using SocialCommerce.GroupBuying;
using SocialCommerce.Growth;
using SocialCommerce.Network;

namespace SocialCommerce.Extensions.Tests.Configuration;

/// <summary>Bound configuration is read lazily and followed: a valid change applies to the next quote, a refused one is logged and changes nothing.</summary>
public sealed class ConfigurationReloadTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 11, 11, 2, 0);

    [Fact]
    public async Task A_changed_plan_quotes_with_its_new_version_and_a_refused_change_keeps_the_old_plan_and_logs_why()
    {
        var configuration = Settings(("CommissionPlans:default:levels:0:rate", "0.1"), ("CommissionPlans:vip:levels:0:level", "1"), ("CommissionPlans:vip:levels:0:rate", "0.12"));
        var logs = new CapturedLogs();
        using var host = await StartAsync(configuration, logs);
        var services = host.Services;
        var before = services.GetRequiredService<CommissionEngine>();
        Assert.Equal(19.90m, Quote(before).Total.Amount);

        // A valid change: the next resolution and the provider quote with the new version; the old engine is untouched.
        Change(configuration, ("CommissionPlans:default:levels:0:rate", "0.15"));
        var after = services.GetRequiredService<CommissionEngine>();
        Assert.NotEqual(before.Plan.Version, after.Plan.Version);
        Assert.Equal(29.85m, Quote(after).Total.Amount);
        Assert.Equal(after.Plan.Version, Quote(after).PlanVersion);
        Assert.Same(after, services.GetRequiredService<ICommissionPlanProvider>().GetEngine("default"));
        Assert.Equal(19.90m, Quote(before).Total.Amount);
        Assert.Contains(logs.Messages, m => m.Level == LogLevel.Information && m.Text.Contains("the default commission plan changed from version " + before.Plan.Version, StringComparison.Ordinal));
        var vip = services.GetRequiredKeyedService<CommissionEngine>("vip");

        // A change the compliance profile refuses (a fourth paid level; cn-social-commerce allows three): logged with the
        // finding, nothing changes.
        Change(configuration, ("CommissionPlans:default:levels:1:level", "2"), ("CommissionPlans:default:levels:1:rate", "0.01"),
            ("CommissionPlans:default:levels:2:level", "3"), ("CommissionPlans:default:levels:2:rate", "0.01"),
            ("CommissionPlans:default:levels:3:level", "4"), ("CommissionPlans:default:levels:3:rate", "0.01"));
        Assert.Same(after, services.GetRequiredService<CommissionEngine>());
        var refused = Assert.Single(logs.Messages, m => m.Level == LogLevel.Error);
        Assert.Contains("the default commission plan", refused.Text, StringComparison.Ordinal);
        Assert.True(refused.Text.Contains("SC101", StringComparison.Ordinal), refused.Text);
        Assert.Contains("stay as they were", refused.Text, StringComparison.Ordinal);

        // Malformed JSON values are refused the same way, naming the path.
        Change(configuration, ("CommissionPlans:vip:levels:0:rate", "lots"));
        Assert.Same(vip, services.GetRequiredKeyedService<CommissionEngine>("vip"));
        Assert.Equal(2, logs.Messages.Count(m => m.Level == LogLevel.Error));

        // The options follow the section too.
        Change(configuration, ("DefaultTimeZone", "Europe/Paris"));
        Assert.Equal("Europe/Paris", services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<SocialCommerceOptions>>().CurrentValue.DefaultTimeZone);

        // Back to valid: applied again.
        Change(configuration, ("CommissionPlans:default:levels:0:rate", "0.05"), ("CommissionPlans:default:levels:3:level", null), ("CommissionPlans:default:levels:3:rate", null),
            ("CommissionPlans:vip:levels:0:rate", "0.12"));
        Assert.Equal(9.95m, Quote(services.GetRequiredService<CommissionEngine>()).Total.Amount);
        Assert.Same(vip, services.GetRequiredKeyedService<CommissionEngine>("vip"));
    }

    [Fact]
    public async Task A_plan_added_later_resolves_by_name_and_sources_added_after_registration_are_read()
    {
        var configuration = new ConfigurationManager();
        var logs = new CapturedLogs();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.AddProvider(logs);
        builder.Services.AddSocialCommerce(configuration.GetSection("SocialCommerce"));

        // The section is bound lazily: a source added after AddSocialCommerce is what the host starts with.
        configuration.AddInMemoryCollection(Prefixed(("Compliance:Profile", "cn-social-commerce"), ("CommissionPlans:default:levels:0:level", "1"), ("CommissionPlans:default:levels:0:rate", "0.1")));
        using var host = builder.Build();
        await host.StartAsync();
        Assert.Equal(19.90m, Quote(host.Services.GetRequiredService<CommissionEngine>()).Total.Amount);
        Assert.Null(host.Services.GetKeyedService<CommissionEngine>("vip"));

        configuration["SocialCommerce:CommissionPlans:vip:levels:0:level"] = "1";
        configuration["SocialCommerce:CommissionPlans:vip:levels:0:rate"] = "0.2";
        ((IConfigurationRoot)configuration).Reload();
        Assert.Equal(39.80m, Quote(host.Services.GetRequiredKeyedService<CommissionEngine>("vip")).Total.Amount);
        Assert.Contains("vip", host.Services.GetRequiredService<ICommissionPlanProvider>().Names);
        await host.StopAsync();
    }

    [Fact]
    public async Task New_group_buy_rules_are_added_but_a_running_rule_or_the_legal_profile_is_not_changed_in_place()
    {
        var configuration = Settings(
            ("CommissionPlans:default:levels:0:rate", "0.1"),
            ("GroupBuyRules:trio:requiredParticipants", "3"), ("GroupBuyRules:trio:timeLimit", "1:00:00:00"),
            ("GroupBuyRules:trio:tiers:0:participants", "3"), ("GroupBuyRules:trio:tiers:0:price", "29.9"));
        var logs = new CapturedLogs();
        using var host = await StartAsync(configuration, logs);
        var book = host.Services.GetRequiredService<GroupBuyBook>();
        var trio = book.GetRule("trio");

        Change(configuration, ("GroupBuyRules:duo:requiredParticipants", "2"), ("GroupBuyRules:duo:timeLimit", "1:00:00:00"),
            ("GroupBuyRules:duo:tiers:0:participants", "2"), ("GroupBuyRules:duo:tiers:0:price", "39.9"));
        Assert.Equal(39.90m, book.GetRule("duo").JoinPrice.Amount);
        Assert.Contains(logs.Messages, m => m.Text.Contains("group-buy rule 'duo' added", StringComparison.Ordinal));

        Change(configuration, ("GroupBuyRules:trio:tiers:0:price", "19.9"));
        Assert.Same(trio, book.GetRule("trio"));
        Assert.Contains(logs.Messages, m => m.Level == LogLevel.Error && m.Text.Contains("group-buy rule 'trio' changed", StringComparison.Ordinal));
        Change(configuration, ("GroupBuyRules:trio:tiers:0:price", "29.9"), ("Compliance:Profile", "us-ftc-mlm"));
        Assert.Equal("cn-social-commerce", host.Services.GetRequiredService<CommissionEngine>().Compliance!.Name);
        Assert.Contains(logs.Messages, m => m.Level == LogLevel.Error && m.Text.Contains("keeps the legal profile it started with", StringComparison.Ordinal));
        Assert.Same(book, host.Services.GetRequiredService<GroupBuyBook>());
    }

    [Fact]
    public async Task A_changed_growth_policy_applies_to_the_next_evaluation()
    {
        var configuration = Settings(
            ("CommissionPlans:default:levels:0:rate", "0.1"),
            ("GrowthPolicy:timeZone", "Asia/Shanghai"),
            ("GrowthPolicy:sources:0:kind", "sign-in"), ("GrowthPolicy:sources:0:rule", "per-activity"), ("GrowthPolicy:sources:0:points", "5"));
        var ladder = new LevelLadder([new GrowthLevel("V1", 0, new LevelBenefits(Rate.Zero, 0, null)), new GrowthLevel("V2", 100, new LevelBenefits(Rate.Zero, 1, null))]);
        using var host = await StartAsync(configuration, new CapturedLogs(), b => b.UseLevelLadder(ladder));
        Assert.Equal(5, SignIn(host.Services.GetRequiredService<GrowthProgram>()));

        Change(configuration, ("GrowthPolicy:sources:0:points", "8"));
        Assert.Equal(8, SignIn(host.Services.GetRequiredService<GrowthProgram>()));
    }

    [Fact]
    public async Task A_plan_built_by_the_hosts_factory_is_built_once_and_not_again_on_reload()
    {
        var configuration = Settings(("CommissionPlans:default:levels:0:rate", "0.1"));
        var built = 0;
        using var host = await StartAsync(configuration, new CapturedLogs(), b => b.AddCommissionPlan("store", (_, rules) =>
        {
            built++;
            return CommissionPlan.CreateBuilder("store", Currency.CNY).Levels(Rate.Percent(3)).Build(rules);
        }));
        var store = host.Services.GetRequiredKeyedService<CommissionEngine>("store");
        Change(configuration, ("CommissionPlans:default:levels:0:rate", "0.2"));
        Assert.Equal(39.80m, Quote(host.Services.GetRequiredService<CommissionEngine>()).Total.Amount);
        Assert.Same(store, host.Services.GetRequiredKeyedService<CommissionEngine>("store"));
        Assert.Equal(1, built);
    }

    private static long SignIn(GrowthProgram program)
    {
        var member = new MemberId(1);
        var state = program.Enrol(member, At, DateTimeZoneProviders.Tzdb["Asia/Shanghai"]);
        return program.Evaluate(state, [GrowthActivity.SignIn(new ActivityId(1), member, At + Duration.FromHours(1))], At + Duration.FromHours(2)).State.Balance;
    }

    private static CommissionQuote Quote(CommissionEngine engine)
    {
        var network = new ReferralNetwork();
        network.AddMember(new MemberId(1), At);
        network.AddMember(new MemberId(2), new MemberId(1), At);
        return engine.Quote(new Sale("S-1", new MemberId(2), At, Currency.CNY, [new SaleLine("TEA", "tea", 1, new Money(199m, Currency.CNY))]), network);
    }

    private static IConfigurationRoot Settings(params (string Key, string Value)[] values)
    {
        var source = new SwappableSource();
        foreach (var (key, value) in Prefixed([("Compliance:Profile", "cn-social-commerce"), ("CommissionPlans:default:levels:0:level", "1"), .. values]))
        {
            source.Values[key] = value;
        }

        return new ConfigurationBuilder().Add(source).Build();
    }

    private static IEnumerable<KeyValuePair<string, string?>> Prefixed(params (string Key, string Value)[] values) =>
        values.Select(v => new KeyValuePair<string, string?>("SocialCommerce:" + v.Key, v.Value));

    /// <summary>Sets (or, with a null value, removes) keys and reloads, as a file provider does when appsettings.json changes.</summary>
    private static void Change(IConfigurationRoot configuration, params (string Key, string? Value)[] values)
    {
        var source = configuration.Providers.OfType<SwappableSource.Provider>().Single();
        foreach (var (key, value) in values)
        {
            source.Owner.Values.Remove("SocialCommerce:" + key);
            if (value is not null)
            {
                source.Owner.Values["SocialCommerce:" + key] = value;
            }
        }

        source.Swap();
    }

    private sealed class SwappableSource : IConfigurationSource
    {
        public Dictionary<string, string?> Values { get; } = new(StringComparer.OrdinalIgnoreCase);

        public IConfigurationProvider Build(IConfigurationBuilder builder) => new Provider(this);

        internal sealed class Provider(SwappableSource owner) : ConfigurationProvider
        {
            public SwappableSource Owner => owner;

            public override void Load() => Data = new Dictionary<string, string?>(owner.Values, StringComparer.OrdinalIgnoreCase);

            public void Swap()
            {
                Load();
                OnReload();
            }
        }
    }

    private static async Task<IHost> StartAsync(IConfigurationRoot configuration, CapturedLogs logs, Action<ISocialCommerceBuilder>? more = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.AddProvider(logs);
        var socialCommerce = builder.Services.AddSocialCommerce(configuration.GetSection("SocialCommerce"));
        more?.Invoke(socialCommerce);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    internal sealed class CapturedLogs : ILoggerProvider
    {
        public ConcurrentQueue<(LogLevel Level, string Text)> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturedLogs owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => category == "SocialCommerce.Configuration";

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    owner.Messages.Enqueue((logLevel, formatter(state, exception)));
                }
            }
        }
    }
}
