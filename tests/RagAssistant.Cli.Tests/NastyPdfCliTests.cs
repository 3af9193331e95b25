using System.Diagnostics;
using System.Text.Json;
using RagAssistant.Testing;
using Xunit.Abstractions;

namespace RagAssistant.Cli.Tests;

/// <summary>
/// The malformed PDFs of ../shared/testdata/pdf through the real <c>rag</c> program in its own process: a stack
/// overflow or a hang would kill or stall the process, which an in-process test could not show. The run must finish,
/// exit 0, print one JSON document, and report each file as failed with its reason while the good file is ingested.
/// </summary>
public class NastyPdfCliTests(ITestOutputHelper output)
{
    private static readonly string[] Nasty =
    [
        "stackoverflow_error.pdf", "StackOverflow_Issue_1122.pdf", "SpookyPass.pdf", "GHOSTSCRIPT-691770-0.pdf", "Hang.pdf",
        "password.pdf", "encrypted-password-is-password.pdf", "r4_aes_empty_string.pdf",
    ];

    [Fact]
    public async Task MalformedPdfs_FailAlone_AndTheProcessLivesOn()
    {
        var folder = Path.Combine(RepositoryPaths.SharedTestData, "pdf");
        if (!Directory.Exists(folder))
        {
            output.WriteLine($"testdata not found at {folder}; skipping third-party fixture tests");
            return;
        }
        using var temp = new TempDirectory();
        var passwords = temp.WriteText("passwords.txt", "not-the-password\n");
        var good = Path.Combine(RepositoryPaths.Corpus, "Q-JD-305-2025_数控机床日常点检与润滑规范.pdf");
        var args = new List<string> { Path.Combine(AppContext.BaseDirectory, "rag.dll"), "ingest" };
        args.AddRange(Nasty.Select(f => Path.Combine(folder, f)));
        args.AddRange([good, "--db", temp.File("kb.db"), "--password-file", passwords, "--json"]);

        var (exit, stdout, stderr) = await Run(args, TimeSpan.FromSeconds(120));
        output.WriteLine(stderr);

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(stdout);
        var files = json.RootElement.GetProperty("files").EnumerateArray()
            .ToDictionary(f => Path.GetFileName(f.GetProperty("path").GetString()!), f => (Status: f.GetProperty("status").GetString(), Error: f.GetProperty("error").GetString()));
        foreach (var name in Nasty)
        {
            Assert.Equal("failed", files[name].Status);
            Assert.False(string.IsNullOrWhiteSpace(files[name].Error));
        }
        Assert.Contains("nesting depth", files["stackoverflow_error.pdf"].Error);
        Assert.Contains("password required", files["password.pdf"].Error);
        Assert.Contains("none of the 1 given password(s)", files["encrypted-password-is-password.pdf"].Error);
        Assert.Equal("ingested", files[Path.GetFileName(good)].Status);
        Assert.DoesNotContain("not-the-password", stderr + stdout); // passwords are never printed or logged
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> Run(IEnumerable<string> args, TimeSpan timeout)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"rag did not finish within {timeout.TotalSeconds} s");
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}
