using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace SocialCommerce.Extensions.Configuration;

/// <summary>Tells <see cref="IOptionsMonitor{TOptions}"/> that the bound section may have changed (its reload token).</summary>
/// <typeparam name="TOptions">The options bound from the section.</typeparam>
internal sealed class ConfigurationChangeSource<TOptions>(IConfiguration section) : IOptionsChangeTokenSource<TOptions>
{
    public string Name => Options.DefaultName;

    public IChangeToken GetChangeToken() => section.GetReloadToken();
}
