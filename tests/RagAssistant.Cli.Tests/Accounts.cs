using System.Text.Json;
using RagAssistant.Testing;

namespace RagAssistant.Cli.Tests;

/// <summary>A fresh knowledge-base file for the account commands, and shorthands for running them against it.</summary>
public sealed class AccountsDb : IDisposable
{
    public TempDirectory Temp { get; } = new();

    public string Db => Temp.File("kb.db");

    /// <summary>Runs <c>rag ARGS --db kb.db</c> in the temp folder (exit code and streams unchecked).</summary>
    public Task<RagResult> RunAsync(params string[] args) => RagProcess.RunAsync([.. args, "--db", Db], Temp.Path);

    /// <summary>Runs <c>rag ARGS --db kb.db</c> and asserts it succeeded.</summary>
    public async Task<RagResult> OkAsync(params string[] args)
    {
        var result = await RunAsync(args);
        Assert.True(result.ExitCode == 0, $"rag {string.Join(' ', args)} failed: {result}");
        return result;
    }

    /// <summary>Runs <c>rag ARGS --db kb.db --json</c>, asserting exit 0 and one JSON document on stdout.</summary>
    public Task<JsonElement> JsonAsync(params string[] args) => Rag.JsonAsync(Temp.Path, null, [.. args, "--db", Db]);

    public async Task<JsonElement> UserAsync(string userName)
    {
        var users = (await JsonAsync("users", "list")).GetProperty("users").EnumerateArray();
        return Assert.Single(users, u => u.GetProperty("userName").GetString() == userName);
    }

    public void Dispose() => Temp.Dispose();
}
