using Microsoft.EntityFrameworkCore;
using RagAssistant.Storage.Sqlite;

namespace RagAssistant.Accounts;

/// <summary>Who signed in, uploaded, deleted, and changed users, grants and keys — kept in the knowledge-base file.</summary>
public sealed class AuditLog(IDbContextFactory<AccountsDbContext> contexts, AccountsSchema schema, TimeProvider clock)
{
    public async Task WriteAsync(string actor, string action, string? target = null, string? detail = null, string? address = null,
        CancellationToken ct = default)
    {
        await schema.EnsureAsync(ct);
        var entry = new AuditEntry { At = clock.GetUtcNow(), Actor = actor, Action = action, Target = target, Detail = detail, Address = address };
        // Retried on a busy database: an audit line must not be lost because ingestion was writing.
        await BusyRetry.RunAsync(async () =>
        {
            await using var context = await contexts.CreateDbContextAsync(ct);
            context.Audit.Add(entry);
            await context.SaveChangesAsync(ct);
        }, ct);
    }

    /// <summary>The newest entries first; <paramref name="action"/> narrows to one kind of event.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ListAsync(int limit = 100, string? action = null, CancellationToken ct = default)
    {
        await schema.EnsureAsync(ct);
        await using var context = await contexts.CreateDbContextAsync(ct);
        var query = context.Audit.AsNoTracking();
        if (action is not null) query = query.Where(a => a.Action == action);
        return await query.OrderByDescending(a => a.Id).Take(limit).ToListAsync(ct);
    }
}

/// <summary>The audited actions.</summary>
public static class AuditActions
{
    public const string SignIn = "sign_in";
    public const string SignInFailed = "sign_in_failed";
    public const string LockedOut = "locked_out";

    /// <summary>A sign-in or password change refused unchecked: too many wrong passwords for the user from that address.</summary>
    public const string SignInThrottled = "sign_in_throttled";
    public const string SignOut = "sign_out";
    public const string PasswordChanged = "password_changed";
    public const string PasswordChangeFailed = "password_change_failed";
    /// <summary>A file accepted for ingestion (stored in the queue, answered 202).</summary>
    public const string Upload = "upload";

    /// <summary>An accepted file that ended ingested (or unchanged, or skipped as a duplicate).</summary>
    public const string Ingested = "ingested";

    /// <summary>An accepted file that ended failed or cancelled, with the reason.</summary>
    public const string IngestFailed = "ingest_failed";
    public const string Delete = "delete";
    public const string Reindex = "reindex";

    /// <summary>A document's title, identity, revision or kind corrected by hand; the detail says old → new.</summary>
    public const string DocumentEdited = "document_edit";
    public const string Grant = "grant";
    public const string Revoke = "revoke";
    public const string LibraryAdded = "library_add";
    public const string UserAdded = "user_add";
    public const string UserDisabled = "user_disable";
    public const string UserEnabled = "user_enable";
    public const string UserRoleChanged = "user_role";
    public const string PasswordReset = "password_reset";
    public const string ApiKeyCreated = "api_key_create";
    public const string ApiKeyRevoked = "api_key_revoke";

    /// <summary>Every action above (the audit filter lists them; the UI has words for each).</summary>
    public static IReadOnlyList<string> All { get; } =
        typeof(AuditActions).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToArray();

    /// <summary>An administrator marked the passage and expected value of an answer rated 👎 (the question joins the evaluation set).</summary>
    public const string FeedbackMarked = "feedback_mark";

    /// <summary>An administrator removed such a mark.</summary>
    public const string FeedbackUnmarked = "feedback_unmark";
}
