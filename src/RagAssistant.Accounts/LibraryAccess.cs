using Microsoft.EntityFrameworkCore;
using RagAssistant.Core.Access;
using RagAssistant.Core.Storage;

namespace RagAssistant.Accounts;

/// <summary>A library as the admin page and <c>rag libraries list</c> show it: its documents and who may read or write it.</summary>
public sealed record LibrarySummary(string Name, string? Description, int Documents, IReadOnlyList<LibraryGrant> Grants);

/// <summary>Libraries and their read/write grants to users and roles; every change audited.</summary>
public sealed class LibraryAccess(IDbContextFactory<AccountsDbContext> contexts, AccountsSchema schema, IDocumentStore documents, AuditLog audit, TimeProvider clock)
{
    public const int MaxNameLength = Libraries.MaxNameLength;

    /// <summary>Libraries created by an administrator and libraries documents are in, by name.</summary>
    public async Task<IReadOnlyList<LibrarySummary>> ListAsync(CancellationToken ct = default)
    {
        await schema.EnsureAsync(ct);
        await using var context = await contexts.CreateDbContextAsync(ct);
        var records = await context.Libraries.AsNoTracking().ToDictionaryAsync(l => l.Name, ct);
        var grants = await context.Grants.AsNoTracking().ToListAsync(ct);
        var counts = (await documents.ListAsync(null, ct)).GroupBy(d => d.Library).ToDictionary(g => g.Key, g => g.Count());
        return records.Keys.Union(counts.Keys).Union(grants.Select(g => g.Library)).Distinct().Order(StringComparer.Ordinal)
            .Select(name => new LibrarySummary(name, records.GetValueOrDefault(name)?.Description, counts.GetValueOrDefault(name),
                grants.Where(g => g.Library == name).OrderBy(g => g.SubjectKind).ThenBy(g => g.Subject, StringComparer.Ordinal).ToList()))
            .ToList();
    }

    public async Task AddAsync(string name, string? description, string actor, CancellationToken ct = default)
    {
        name = CheckName(name);
        await schema.EnsureAsync(ct);
        await using var context = await contexts.CreateDbContextAsync(ct);
        if (await context.Libraries.AnyAsync(l => l.Name == name, ct)) throw new AccountException(AccountProblem.LibraryExists, name, $"library '{name}' already exists");
        context.Libraries.Add(new LibraryRecord { Name = name, Description = description, CreatedAt = clock.GetUtcNow() });
        await context.SaveChangesAsync(ct);
        await audit.WriteAsync(actor, AuditActions.LibraryAdded, name, description, ct: ct);
    }

    /// <summary>Grants a user (by name) or a role read or write access to a library; an existing grant to the same subject is replaced.</summary>
    public async Task GrantAsync(string library, string subjectKind, string subject, string access, string actor, CancellationToken ct = default)
    {
        library = CheckName(library);
        var level = GrantAccess.Parse(access) ?? throw new AccountException(AccountProblem.NoSuchAccess, access, $"access '{access}' is not read or write");
        await schema.EnsureAsync(ct);
        await using var context = await contexts.CreateDbContextAsync(ct);
        subject = await CheckSubjectAsync(context, subjectKind, subject, ct);
        var grant = await context.Grants.FirstOrDefaultAsync(g => g.Library == library && g.SubjectKind == subjectKind && g.Subject == subject, ct);
        if (grant is null)
            context.Grants.Add(new LibraryGrant
            {
                Library = library, SubjectKind = subjectKind, Subject = subject, Access = level, CreatedAt = clock.GetUtcNow(), CreatedBy = actor,
            });
        else
            grant.Access = level;
        await context.SaveChangesAsync(ct);
        await audit.WriteAsync(actor, AuditActions.Grant, library, $"{level} to {subjectKind} {subject}", ct: ct);
    }

    /// <summary>Removes a user's or role's grant on a library; false when there was none.</summary>
    public async Task<bool> RevokeAsync(string library, string subjectKind, string subject, string actor, CancellationToken ct = default)
    {
        await schema.EnsureAsync(ct);
        await using var context = await contexts.CreateDbContextAsync(ct);
        // Spelled as GrantAsync stored it: the library trimmed, the role and the user name in their canonical casing.
        library = library.Trim();
        subject = subject.Trim();
        if (subjectKind == GrantSubject.Role) subject = Roles.Parse(subject) ?? subject;
        else
        {
            subject = (await context.FindUserByNameAsync(subject, ct))?.UserName ?? subject;
        }
        var grant = await context.Grants.FirstOrDefaultAsync(g => g.Library == library && g.SubjectKind == subjectKind && g.Subject == subject, ct);
        if (grant is null) return false;
        context.Grants.Remove(grant);
        await context.SaveChangesAsync(ct);
        await audit.WriteAsync(actor, AuditActions.Revoke, library, $"{grant.Access} from {subjectKind} {subject}", ct: ct);
        return true;
    }

    private static string CheckName(string name)
    {
        name = name.Trim();
        if (Libraries.Check(name) is not { } problem) return name;
        var (code, limit) = problem switch
        {
            LibraryNameProblem.Empty => (AccountProblem.LibraryNameEmpty, (int?)null),
            LibraryNameProblem.Reserved => (AccountProblem.LibraryNameReserved, null),
            LibraryNameProblem.TooLong => (AccountProblem.LibraryNameTooLong, MaxNameLength),
            _ => (AccountProblem.LibraryNameInvisible, null),
        };
        throw new AccountException(code, name, $"{Libraries.Problem(name)}: '{name}'", limit);
    }

    private static async Task<string> CheckSubjectAsync(AccountsDbContext context, string kind, string subject, CancellationToken ct)
    {
        switch (kind)
        {
            case GrantSubject.Role:
                return Roles.Parse(subject) ?? throw AccountException.NoSuchRole(subject);
            case GrantSubject.User:
                var user = await context.FindUserByNameAsync(subject, ct) ?? throw AccountException.NoSuchUser(subject);
                return user.UserName!;
            default:
                throw new AccountException(AccountProblem.NoSuchSubjectKind, kind, $"grant subject kind '{kind}' is not user or role");
        }
    }
}
