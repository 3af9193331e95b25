using System.Diagnostics;
using System.Text;

namespace RagAssistant.Testing;

/// <summary>
/// How tests start one of our programs as a user does, <c>dotnet PROGRAM.dll ARGS</c>: stdout and stderr redirected
/// as UTF-8, and the test runner's own settings and fault hooks (<c>Rag__…</c>, <c>RAG_…</c>, <c>ASPNETCORE_…</c>)
/// removed before the test's own <paramref name="env"/> is applied, so nothing leaks into a run by accident.
/// </summary>
public static class DotnetProcess
{
    public static ProcessStartInfo StartInfo(string dll, IEnumerable<string> args, string workingDirectory,
        IReadOnlyDictionary<string, string>? env = null)
    {
        var info = new ProcessStartInfo(Host())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var name in info.Environment.Keys.ToList())
            if (name.StartsWith("Rag__", StringComparison.OrdinalIgnoreCase) || name.StartsWith("RAG_", StringComparison.Ordinal)
                || name.StartsWith("ASPNETCORE_", StringComparison.Ordinal))
                info.Environment.Remove(name);
        info.Environment["DOTNET_NOLOGO"] = "1";
        if (env is not null)
            foreach (var (name, value) in env) info.Environment[name] = value;
        return info;
    }

    /// <summary>The dotnet host the SDK runs the tests with (<c>DOTNET_HOST_PATH</c>), else the one running them, else <c>dotnet</c> on the PATH.</summary>
    public static string Host()
    {
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk)) return fromSdk;
        var self = Environment.ProcessPath;
        return self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }
}
