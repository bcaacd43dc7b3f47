using System;
using System.Collections.Generic;
using System.Text.Json;

namespace SocialCommerce.Serialization;

/// <summary>The currencies a set of JSON options reads by code: the built-in ones and the host's own.</summary>
internal sealed class CurrencyCatalog
{
    private readonly Dictionary<string, Currency> _host = new(StringComparer.Ordinal);

    public CurrencyCatalog(IEnumerable<Currency> hostCurrencies)
    {
        foreach (var currency in hostCurrencies)
        {
            ArgumentNullException.ThrowIfNull(currency, nameof(hostCurrencies));
            if (Currency.TryFromCode(currency.Code, out var builtIn) && !builtIn.Equals(currency))
            {
                throw new ArgumentException($"Host currency {currency.Code} with {currency.MinorUnit} minor digits clashes with the built-in {builtIn.Code} ({builtIn.MinorUnit} minor digits): one code, one currency.", nameof(hostCurrencies));
            }

            if (_host.TryGetValue(currency.Code, out var other) && !other.Equals(currency))
            {
                throw new ArgumentException($"Host currency {currency.Code} is given twice with different minor digits ({other.MinorUnit} and {currency.MinorUnit}).", nameof(hostCurrencies));
            }

            _host[currency.Code] = currency;
        }
    }

    public Currency Read(string? code)
    {
        if (code is not null && _host.TryGetValue(code, out var host))
        {
            return host;
        }

        return Currency.TryFromCode(code, out var builtIn)
            ? builtIn
            : throw new JsonException($"Unknown currency '{code}': not built in, and not among the host currencies given to SocialCommerceJson.CreateOptions.");
    }
}
