using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using SocialCommerce.Samples.Load;

// dotnet run -c Release --project samples/SocialCommerce.Samples.Load -- --url http://localhost:5000 --token <operator JWT>
//   [--connections 16] [--seconds 20] [--members 1000] [--first-member 900000000] [--hot]
// Mint an operator token for the web sample with: dotnet run --project samples/SocialCommerce.Samples.WebApi -- token operator
string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
var url = Arg("--url") ?? "http://localhost:5000";
var token = Arg("--token") ?? Environment.GetEnvironmentVariable("SHOP_TOKEN");
if (string.IsNullOrEmpty(token))
{
    Console.Error.WriteLine("Pass an operator token: --token <JWT> (or SHOP_TOKEN). For the web sample: dotnet run --project samples/SocialCommerce.Samples.WebApi -- token operator");
    return 2;
}

var defaults = LoadOptions.Default;
var options = defaults with
{
    Connections = int.Parse(Arg("--connections") ?? defaults.Connections.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
    Duration = TimeSpan.FromSeconds(double.Parse(Arg("--seconds") ?? defaults.Duration.TotalSeconds.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)),
    Members = int.Parse(Arg("--members") ?? defaults.Members.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
    FirstMember = long.Parse(Arg("--first-member") ?? defaults.FirstMember.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
    HotUpline = args.Contains("--hot"),
};
if (options.Connections is < 1 or > 1024 || options.Members < 2 || options.Duration <= TimeSpan.Zero)
{
    Console.Error.WriteLine($"--connections must be 1-1024 (is {options.Connections}), --members at least 2 (is {options.Members}), --seconds positive (is {options.Duration.TotalSeconds}).");
    return 2;
}

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Connections }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
Console.WriteLine($"Registering {options.Members} members from {options.FirstMember} on {url} ...");
await ShopLoad.RegisterAsync(http, options);
Console.WriteLine($"Posting sales on {options.Connections} connections for {options.Duration.TotalSeconds} s{(options.HotUpline ? " (hot upline)" : "")} ...");
var report = await ShopLoad.PostSalesAsync(http, options);
Console.WriteLine(report);
return report.Succeeded == report.Requests && report.Failures == 0 ? 0 : 1;
