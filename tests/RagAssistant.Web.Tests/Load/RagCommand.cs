using System.Diagnostics;
using System.Reflection;
using RagAssistant.Testing;

namespace RagAssistant.Web.Tests.Load;

/// <summary>What one run of <c>rag</c> left behind.</summary>
public sealed record RagRun(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}

/// <summary>
/// Runs the real <c>rag</c> program as a user does (<c>dotnet rag.dll …</c>), from the CLI's own build output (this
/// project builds it first; see the csproj) or from beside the tests when everything was built into one folder.
/// </summary>
public static class RagCommand
{
    public static string RagDll { get; } = Locate();

    public static async Task<RagRun> RunAsync(string workingDirectory, params string[] args)
    {
        var info = DotnetProcess.StartInfo(RagDll, args, workingDirectory);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet rag.dll");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // A hang guard, not a speed check: the machines running the tests are shared.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"rag {string.Join(' ', args)} did not finish within 3 minutes:\n{await stderr}");
        }
        return new RagRun(process.ExitCode, await stdout, await stderr);
    }

    private static string Locate()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "rag.dll");
        if (File.Exists(beside)) return beside;
        var built = typeof(RagCommand).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RagDll")?.Value;
        if (built is not null && File.Exists(built)) return built;
        throw new FileNotFoundException($"rag.dll was found neither beside the tests nor at {built}; build src/RagAssistant.Cli");
    }
}
