namespace RagAssistant.Accounts;

/// <summary>A library (collection) created by an administrator; libraries that documents name exist without a row too.</summary>
public sealed class LibraryRecord
{
    public required string Name { get; set; }
    public string? Description { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>Who may read or write a library: one user (by user name) or every user of a role.</summary>
public sealed class LibraryGrant
{
    public long Id { get; set; }
    public required string Library { get; set; }

    /// <summary><see cref="GrantSubject.User"/> or <see cref="GrantSubject.Role"/>.</summary>
    public required string SubjectKind { get; set; }

    /// <summary>A user name or a role name.</summary>
    public required string Subject { get; set; }

    /// <summary><see cref="GrantAccess.Read"/> or <see cref="GrantAccess.Write"/> (write includes read).</summary>
    public required string Access { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
}

public static class GrantSubject
{
    public const string User = "user";
    public const string Role = "role";
}

public static class GrantAccess
{
    public const string Read = "read";
    public const string Write = "write";

    public static string? Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        Read => Read,
        Write => Write,
        _ => null,
    };
}

/// <summary>A per-user API key: only its SHA-256 is stored; <see cref="Prefix"/> lets people tell their keys apart.</summary>
public sealed class ApiKeyRecord
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }
    public required string Prefix { get; set; }
    public required string Hash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>From this moment the key is refused (401, saying it expired).</summary>
    public DateTimeOffset ExpiresAt { get; set; }
}

/// <summary>One audited event: sign-ins, uploads, deletions, grant, user and key changes.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>Who did it (user name, "local" for the rag command, "anonymous" for a failed sign-in's unknown name).</summary>
    public required string Actor { get; set; }

    /// <summary>What happened: sign_in, sign_in_failed, locked_out, sign_out, upload, delete, grant, revoke, user_add, …</summary>
    public required string Action { get; set; }

    /// <summary>What it happened to (a user name, a library, a file name, a document id).</summary>
    public string? Target { get; set; }

    public string? Detail { get; set; }

    /// <summary>The client's address, for web requests.</summary>
    public string? Address { get; set; }
}
