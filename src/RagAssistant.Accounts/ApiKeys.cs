using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RagAssistant.Storage.Sqlite;

namespace RagAssistant.Accounts;

/// <summary>An API key as lists show it (never the key itself: only its hash is kept).</summary>
public sealed record ApiKeySummary(
    long Id, string UserName, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt,
    DateTimeOffset ExpiresAt);

/// <summary>A new key (shown this once) and when it stops working.</summary>
public sealed record CreatedApiKey(string Key, DateTimeOffset ExpiresAt);

/// <summary>Whom a presented key signs in, or why it does not (<see cref="User"/> null, <see cref="Refusal"/> says why).</summary>
public sealed record ApiKeyCheck(RagUser? User, string? Refusal);

/// <summary>
/// Per-user API keys for other systems (MES, PLM, scripts): <c>rag_</c> + 32 random bytes, shown once at creation;
/// only their SHA-256 is stored, so a copied database does not leak working keys. A key works while it is not revoked,
/// not expired (<see cref="AccountsOptions.ApiKeyDays"/> by default) and its user is enabled.
/// </summary>
public sealed class ApiKeys(
    IDbContextFactory<AccountsDbContext> contexts, AccountsSchema schema, AuditLog audit, TimeProvider clock, IOptions<AccountsOptions> options)
{
    public const string KeyPrefix = "rag_";

    /// <summary>The refusal of a key that is not known (or revoked) or whose user is disabled: one answer, so keys cannot be probed.</summary>
    public const string UnknownKey = "the API key is unknown, revoked, or its user is disabled";

    /// <summary>Most days a key may be made to last (<c>--expires-days</c>): ten years.</summary>
    public const int MaxDays = 3650;

    /// <summary>
    /// Creates a key for the user, working for <paramref name="days"/> (default <see cref="AccountsOptions.ApiKeyDays"/>),
    /// and returns it (the only time it is seen).
    /// </summary>
    public async Task<CreatedApiKey> CreateAsync(string userName, string name, string actor, int? days = null, CancellationToken ct = default)
    {
        var validDays = days ?? options.Value.ApiKeyDays;
        if (validDays is < 1 or > MaxDays)
            throw new AccountException(AccountProblem.KeyDaysOutOfRange, validDays.ToString(CultureInfo.InvariantCulture), $"an API key lasts 1 to {MaxDays} days, not {validDays}", MaxDays);
        await schema.EnsureAsync(ct);
        await using var context = await contexts.CreateDbContextAsync(ct);
        var user = await FindUserAsync(context, userName, ct);
        var key = KeyPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        var expires = now.AddDays(validDays);
        context.ApiKeys.Add(new ApiKeyRecord
        {
            UserId = user.Id, Name = string.IsNullOrWhiteSpace(name) ? "key" : name.Trim(), Prefix = key[..(KeyPrefix.Length + 6)],
            Hash = Hash(key), CreatedAt = now, ExpiresAt = expires,
        });
        await context.SaveChangesAsync(ct);
        await audit.WriteAsync(actor, AuditActions.ApiKeyCreated, user.UserName, string.Create(CultureInfo.InvariantCulture, $"{name} ({key[..(KeyPrefix.Length + 6)]}…), expires {expires:yyyy-MM-dd}"), ct: ct);
        return new CreatedApiKey(key, expires);
    }

    /// <summary>Keys of one user, or of everyone when <paramref name="userName"/> is null.</summary>
    public async Task<IReadOnlyList<ApiKeySummary>> ListAsync(string? userName = null, CancellationToken ct = default)
    {
        await schema.EnsureAsync(ct);
        await using var context = await contexts.CreateDbContextAsync(ct);
        var query = from k in context.ApiKeys.AsNoTracking() join u in context.Users.AsNoTracking() on k.UserId equals u.Id select new { k, u.UserName };
        if (userName is not null)
        {
            var normalized = AccountsDbContext.NormalizeName(userName);
            query = from row in query join u in context.Users on row.k.UserId equals u.Id where u.NormalizedUserName == normalized select row;
        }
        return (await query.ToListAsync(ct)).OrderBy(r => r.k.Id)
            .Select(r => new ApiKeySummary(r.k.Id, r.UserName!, r.k.Name, r.k.Prefix, r.k.CreatedAt, r.k.LastUsedAt, r.k.RevokedAt, r.k.ExpiresAt)).ToList();
    }

    /// <summary>Revokes a key by id; false when there is no such key or it was already revoked. A non-admin may only revoke their own (<paramref name="ownerOnly"/>).</summary>
    public async Task<bool> RevokeAsync(long id, string actor, string? ownerOnly = null, CancellationToken ct = default)
    {
        await schema.EnsureAsync(ct);
        await using var context = await contexts.CreateDbContextAsync(ct);
        var key = await context.ApiKeys.FirstOrDefaultAsync(k => k.Id == id && k.RevokedAt == null, ct);
        if (key is null) return false;
        var owner = await context.Users.AsNoTracking().FirstAsync(u => u.Id == key.UserId, ct);
        if (ownerOnly is not null && !string.Equals(owner.UserName, ownerOnly, StringComparison.Ordinal)) return false;
        key.RevokedAt = clock.GetUtcNow();
        await context.SaveChangesAsync(ct);
        await audit.WriteAsync(actor, AuditActions.ApiKeyRevoked, owner.UserName, $"{key.Name} ({key.Prefix}…)", ct: ct);
        return true;
    }

    /// <summary>The user a presented key belongs to; null when the key is unknown, revoked, expired or its user disabled.</summary>
    public async Task<RagUser?> VerifyAsync(string presented, CancellationToken ct = default) => (await CheckAsync(presented, ct)).User;

    /// <summary>The user a presented key belongs to, or the reason it is refused: <see cref="UnknownKey"/>, or that it expired.</summary>
    public async Task<ApiKeyCheck> CheckAsync(string presented, CancellationToken ct = default)
    {
        if (!presented.StartsWith(KeyPrefix, StringComparison.Ordinal) || presented.Length > 200) return new ApiKeyCheck(null, UnknownKey);
        await schema.EnsureAsync(ct);
        await using var context = await contexts.CreateDbContextAsync(ct);
        var hash = Hash(presented);
        var key = await context.ApiKeys.FirstOrDefaultAsync(k => k.Hash == hash && k.RevokedAt == null, ct);
        if (key is null) return new ApiKeyCheck(null, UnknownKey);
        var user = await context.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == key.UserId, ct);
        if (user is null || user.Disabled) return new ApiKeyCheck(null, UnknownKey);
        var now = clock.GetUtcNow();
        // Only the key's holder can learn this: saying so tells them to ask for a new key rather than debug their request.
        if (now >= key.ExpiresAt)
            return new ApiKeyCheck(null, string.Create(CultureInfo.InvariantCulture,
                $"the API key '{key.Name}' ({key.Prefix}…) expired on {key.ExpiresAt:yyyy-MM-dd}; ask an administrator for a new one"));
        if (key.LastUsedAt is null || now - key.LastUsedAt > TimeSpan.FromMinutes(1)) // not one write per request
        {
            key.LastUsedAt = now;
            // Retried on a busy database: a request must not fail because ingestion was writing.
            await BusyRetry.RunAsync(() => context.SaveChangesAsync(ct), ct);
        }
        return new ApiKeyCheck(user, null);
    }

    private static async Task<RagUser> FindUserAsync(AccountsDbContext context, string userName, CancellationToken ct)
    {
        return await context.FindUserByNameAsync(userName, ct) ?? throw AccountException.NoSuchUser(userName);
    }

    // The key has 256 random bits: a plain SHA-256 is enough (no salt or slow hash needed, unlike passwords).
    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
