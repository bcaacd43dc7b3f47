using System;
using System.Linq;
using System.Reflection;
using Microsoft.Extensions.Logging;

namespace SocialCommerce.EntityFrameworkCore.Tests.Api;

/// <summary>Every log event id of the packages means one thing (issue 26: 1101 meant two).</summary>
public sealed class EventIdTests
{
    [Fact]
    public void No_two_log_messages_of_the_packages_share_an_event_id()
    {
        var assemblies = new[]
        {
            typeof(Microsoft.Extensions.DependencyInjection.SocialCommerceServiceCollectionExtensions).Assembly,
            typeof(SocialCommerce.EntityFrameworkCore.SocialCommerceStoreOptions).Assembly,
        };
        var messages = assemblies
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(x => x.Attribute is not null)
            .ToList();

        Assert.True(messages.Count >= 10, $"{messages.Count} log messages found");
        var shared = messages.GroupBy(x => x.Attribute!.EventId).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(x => $"{x.Method.DeclaringType!.Name}.{x.Method.Name}"))}").ToList();
        Assert.True(shared.Count == 0, string.Join(Environment.NewLine, shared));
    }
}
