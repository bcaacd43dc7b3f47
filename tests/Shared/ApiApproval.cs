using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;
using PublicApiGenerator;

namespace SocialCommerce.Tests.Shared;

/// <summary>
/// Compares an assembly's public API with the approved text kept next to the calling test file; on a difference
/// (or a missing approved file) it writes the received text beside it and fails. Linked into each test project.
/// </summary>
internal static class ApiApproval
{
    public static void Verify(Assembly assembly, string name, [CallerFilePath] string callerPath = "")
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
