using System.IO;
using System.Runtime.CompilerServices;
using PublicApiGenerator;
using SocialCommerce.Extensions;

namespace SocialCommerce.Extensions.Tests.Api;

/// <summary>
/// Pins the public surface of SocialCommerce.Extensions. When this fails, review the diff between
/// the .received.txt and .approved.txt files, and copy received over approved if the change is intended.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void Public_api_is_approved() =>
        ApiApproval.Verify(typeof(ISocialCommerceBuilder).Assembly, "SocialCommerce.Extensions");
}

internal static class ApiApproval
{
    public static void Verify(System.Reflection.Assembly assembly, string name, [CallerFilePath] string callerPath = "")
    {
        var options = new ApiGeneratorOptions
        {
            IncludeAssemblyAttributes = false,
            AllowNamespacePrefixes = ["Microsoft.Extensions.DependencyInjection"],
        };
        var actual = assembly.GeneratePublicApi(options).Replace("\r\n", "\n");
        var folder = Path.GetDirectoryName(callerPath)!;
        var approvedPath = Path.Combine(folder, name + ".approved.txt");
        var receivedPath = Path.Combine(folder, name + ".received.txt");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).Replace("\r\n", "\n") : null;
        if (approved != actual)
        {
            File.WriteAllText(receivedPath, actual);
            Assert.Fail(approved is null
                ? $"No approved public API for {name}. Review {receivedPath} and save it as {approvedPath}."
                : $"The public API of {name} changed. Review the diff between {receivedPath} and {approvedPath}; copy received over approved if the change is intended.");
        }
        else if (File.Exists(receivedPath))
        {
            File.Delete(receivedPath);
        }
    }
}
