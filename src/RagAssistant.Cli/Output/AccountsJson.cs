namespace RagAssistant.Cli.Output;

/// <summary>JSON shapes of <c>rag users</c>, <c>rag libraries</c> and <c>rag audit</c> (camelCase, like the other contracts).</summary>
internal sealed record UserListJson(IReadOnlyList<UserJson> Users);

internal sealed record UserJson(string UserName, string Role, bool Disabled, DateTimeOffset? LockedUntil, DateTimeOffset CreatedAt, int ApiKeys);

/// <summary>A new account or a reset password: the password is shown this once.</summary>
internal sealed record UserPasswordJson(string UserName, string Role, string Password);

internal sealed record PasswordResetJson(string UserName, string Password);

/// <summary>A new API key: the key is shown this once (only its hash is kept).</summary>
internal sealed record ApiKeyCreatedJson(string UserName, string Name, string Key, DateTimeOffset ExpiresAt);

internal sealed record ApiKeyListJson(IReadOnlyList<ApiKeyJson> Keys);

internal sealed record ApiKeyJson(
    long Id, string UserName, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt, DateTimeOffset ExpiresAt);

internal sealed record LibraryListJson(IReadOnlyList<LibraryJson> Libraries);

internal sealed record LibraryJson(string Name, string? Description, int Documents, IReadOnlyList<GrantJson> Grants);

internal sealed record GrantJson(string SubjectKind, string Subject, string Access);

internal sealed record AuditListJson(IReadOnlyList<AuditEntryJson> Entries);

internal sealed record AuditEntryJson(DateTimeOffset At, string Actor, string Action, string? Target, string? Detail, string? Address);
