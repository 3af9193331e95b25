using Microsoft.EntityFrameworkCore;
using RagAssistant.Core.Access;

namespace RagAssistant.Accounts;

/// <summary>
/// Turns an account into its <see cref="AccessScope"/>: Admins read and write every library; everyone else reads the
/// libraries granted to them or their role, and Editors write those granted for writing. An unknown or disabled
/// account gets a scope that reads nothing.
/// </summary>
public sealed class AccessResolver(IDbContextFactory<AccountsDbContext> contexts, AccountsSchema schema)
{
    public async Task<AccessScope> ForUserNameAsync(string userName, CancellationToken ct = default) =>
        (await ForExistingUserAsync(userName, ct))?.Scope ?? AccessScope.Nobody(userName);

    /// <summary>The account with this name (any casing) and its scope; null when there is no such user.</summary>
    public async Task<(RagUser User, AccessScope Scope)?> ForExistingUserAsync(string userName, CancellationToken ct = default)
    {
        await schema.EnsureAsync(ct);
        await using var context = await contexts.CreateDbContextAsync(ct);
        var user = await context.FindUserByNameAsync(userName, ct);
        return user is null ? null : (user, await ScopeAsync(context, user, ct));
    }

    public async Task<AccessScope> ForUserIdAsync(string userId, CancellationToken ct = default)
    {
        await schema.EnsureAsync(ct);
        await using var context = await contexts.CreateDbContextAsync(ct);
        var user = await context.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct);
        return user is null ? AccessScope.Nobody(userId) : await ScopeAsync(context, user, ct);
    }

    private static async Task<AccessScope> ScopeAsync(AccountsDbContext context, RagUser user, CancellationToken ct)
    {
        var name = user.UserName ?? user.Id;
        if (user.Disabled) return AccessScope.Nobody(name);
        var role = await RoleOfAsync(context, user.Id, ct);
        if (role == Roles.Admin) return new AccessScope(name, null, null, IsAdministrator: true);
        var grants = await context.Grants.AsNoTracking()
            .Where(g => (g.SubjectKind == GrantSubject.User && g.Subject == name) || (g.SubjectKind == GrantSubject.Role && g.Subject == role))
            .ToListAsync(ct);
        var readable = grants.Select(g => g.Library).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var writable = role == Roles.Editor
            ? grants.Where(g => g.Access == GrantAccess.Write).Select(g => g.Library).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()
            : [];
        return new AccessScope(name, readable, writable);
    }

    /// <summary>The user's role (one per user); Reader when none is recorded.</summary>
    internal static async Task<string> RoleOfAsync(AccountsDbContext context, string userId, CancellationToken ct)
    {
        var names = await (from ur in context.UserRoles
                           join r in context.Roles on ur.RoleId equals r.Id
                           where ur.UserId == userId
                           select r.Name).ToListAsync(ct);
        return names.Contains(Roles.Admin) ? Roles.Admin : names.Contains(Roles.Editor) ? Roles.Editor : Roles.Reader;
    }
}
