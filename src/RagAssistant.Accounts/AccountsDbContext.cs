using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace RagAssistant.Accounts;

/// <summary>
/// Identity's tables plus libraries, grants, API keys and the audit log — beside the knowledge base, in its SQLite file
/// (one file holds a plant's whole knowledge base and who may read it) or its PostgreSQL database (<see cref="AccountsDatabase"/>).
/// </summary>
public sealed class AccountsDbContext(DbContextOptions<AccountsDbContext> options) : IdentityDbContext<RagUser, IdentityRole, string>(options)
{
    public DbSet<LibraryRecord> Libraries => Set<LibraryRecord>();
    public DbSet<LibraryGrant> Grants => Set<LibraryGrant>();
    public DbSet<ApiKeyRecord> ApiKeys => Set<ApiKeyRecord>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();

    /// <summary>The user with this name in any casing (normalised as Identity does); null when there is none.</summary>
    public Task<RagUser?> FindUserByNameAsync(string userName, CancellationToken ct)
    {
        var normalized = NormalizeName(userName);
        return Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedUserName == normalized, ct);
    }

    /// <summary>Identity's lookup normalisation (<c>UpperInvariantLookupNormalizer</c>), after trimming.</summary>
    public static string NormalizeName(string name) => name.Trim().Normalize().ToUpperInvariant();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<LibraryRecord>(e =>
        {
            e.ToTable("account_libraries");
            e.HasKey(l => l.Name);
        });
        builder.Entity<LibraryGrant>(e =>
        {
            e.ToTable("account_grants");
            e.HasIndex(g => new { g.Library, g.SubjectKind, g.Subject }).IsUnique();
        });
        builder.Entity<ApiKeyRecord>(e =>
        {
            e.ToTable("account_api_keys");
            e.HasIndex(k => k.Hash).IsUnique();
            e.HasIndex(k => k.UserId);
        });
        builder.Entity<AuditEntry>(e =>
        {
            e.ToTable("account_audit");
            e.HasIndex(a => a.At);
        });
        // SQLite cannot order or compare DateTimeOffset stored as text; store UTC ticks instead. PostgreSQL stores the same
        // ticks (bigint), so the two engines hold the same values and a migration's $api_key_expiry means one thing.
        foreach (var entity in builder.Model.GetEntityTypes())
        foreach (var property in entity.GetProperties())
        {
            if (property.ClrType == typeof(DateTimeOffset))
                property.SetValueConverter(new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter());
            else if (property.ClrType == typeof(DateTimeOffset?))
                property.SetValueConverter(new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter());
        }
    }
}
