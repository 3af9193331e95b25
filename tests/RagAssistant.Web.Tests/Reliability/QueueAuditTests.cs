using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Accounts;
using RagAssistant.Testing;
using RagAssistant.Web.Tests.Hosting;

namespace RagAssistant.Web.Tests.Reliability;

/// <summary>The audit log follows an uploaded file: "upload" when it is accepted (202), then "ingested" or "ingest_failed" when it ends.</summary>
public sealed class QueueAuditTests : IAsyncDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly HostedApp _app;

    public QueueAuditTests() => _app = new HostedApp(_folder.File("kb.db"), Directory.CreateDirectory(_folder.File("none")).FullName);

    [Fact]
    public async Task AcceptedFiles_AreAuditedWhenAccepted_AndAgainWhenTheyEnd_WithTheOutcome()
    {
        using var client = _app.CreateClient();
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent("# 点检规程\n\n每班检查液压油位。\n"u8.ToArray()), "files", "点检.md" },
            { new ByteArrayContent("%PDF-1.7\nnot really a pdf"u8.ToArray()), "files", "broken.pdf" },
        };
        using var response = await client.PostAsync("/api/documents", form);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await _app.SettleAsync();

        var audit = _app.Services.GetRequiredService<AuditLog>();
        var accepted = await audit.ListAsync(action: AuditActions.Upload);
        Assert.Equal(["broken.pdf", "点检.md"], accepted.Select(a => a.Target).Order(StringComparer.Ordinal));
        Assert.All(accepted, a => Assert.StartsWith("accepted", a.Detail));
        // A job's end is audited as it finishes, by a write that may land just after the queue shows it done.
        var ingested = Assert.Single(await AuditedAsync(audit, AuditActions.Ingested));
        Assert.Equal(("点检.md", HostedApp.AdminUser), (ingested.Target, ingested.Actor));
        var failed = Assert.Single(await AuditedAsync(audit, AuditActions.IngestFailed));
        Assert.Equal("broken.pdf", failed.Target);
        Assert.Contains("failed", failed.Detail);
    }

    /// <summary>The audit entries of an action, once there are some (or after five seconds, none).</summary>
    private static async Task<IReadOnlyList<AuditEntry>> AuditedAsync(AuditLog audit, string action)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (true)
        {
            var entries = await audit.ListAsync(action: action);
            if (entries.Count > 0 || DateTime.UtcNow > deadline) return entries;
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
