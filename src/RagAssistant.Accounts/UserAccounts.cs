using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RagAssistant.Core.Access;

namespace RagAssistant.Accounts;

/// <summary>A user as lists show it; <c>ApiKeys</c> counts the keys that work (neither revoked nor expired).</summary>
public sealed record UserSummary(string UserName, string Role, bool Disabled, DateTimeOffset? LockedUntil, DateTimeOffset CreatedAt, int ApiKeys);

/// <summary>
/// Local accounts: add, list, disable, enable, change role, reset and change passwords — through Identity's
/// <see cref="UserManager{TUser}"/> (hashed passwords, security stamps), each change audited. A singleton that opens a
/// scope per operation, so the web app's circuits and the CLI use it alike.
/// </summary>
public sealed class UserAccounts(
    IServiceScopeFactory scopes, AccountsSchema schema, AuditLog audit, TimeProvider clock, IOptions<AccountsOptions> options)
{
    public async Task<int> CountAsync(CancellationToken ct = default)
    {
        await schema.EnsureAsync(ct);
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AccountsDbContext>().Users.CountAsync(ct);
    }

    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken ct = default)
    {
        await schema.EnsureAsync(ct);
        await using var scope = scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        var users = await context.Users.AsNoTracking().ToListAsync(ct);
        var now = clock.GetUtcNow();
        var keys = await context.ApiKeys.AsNoTracking().Where(k => k.RevokedAt == null && k.ExpiresAt > now).GroupBy(k => k.UserId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var list = new List<UserSummary>();
        foreach (var user in users.OrderBy(u => u.UserName, StringComparer.Ordinal))
            list.Add(new UserSummary(user.UserName!, await AccessResolver.RoleOfAsync(context, user.Id, ct), user.Disabled,
                user.LockoutEnd > now ? user.LockoutEnd : null, user.CreatedAt, keys.GetValueOrDefault(user.Id)));
        return list;
    }

    /// <summary>Creates an account; with no password one is generated. Returns the password in effect (show it once).</summary>
    public async Task<string> AddAsync(string userName, string role, string? password, string actor, CancellationToken ct = default)
    {
        await schema.EnsureAsync(ct);
        var canonicalRole = Roles.Parse(role) ?? throw AccountException.NoSuchRole(role);
        userName = CheckUserName(userName);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RagUser>>();
        if (await users.FindByNameAsync(userName) is not null) throw new AccountException(AccountProblem.UserExists, userName, $"user '{userName}' already exists");
        password ??= GeneratePassword();
        var user = new RagUser { UserName = userName, CreatedAt = clock.GetUtcNow(), LockoutEnabled = true };
        Check(await users.CreateAsync(user, password), userName);
        Check(await users.AddToRoleAsync(user, canonicalRole), userName);
        await audit.WriteAsync(actor, AuditActions.UserAdded, userName, $"role {canonicalRole}", ct: ct);
        return password;
    }

    public Task SetRoleAsync(string userName, string role, string actor, CancellationToken ct = default) => ChangeAsync(userName, async (users, user) =>
    {
        var canonicalRole = Roles.Parse(role) ?? throw AccountException.NoSuchRole(role);
        if (canonicalRole != Roles.Admin) await RefuseRemovingLastAdminAsync(users, user);
        Check(await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user)), userName);
        Check(await users.AddToRoleAsync(user, canonicalRole), userName);
        Check(await users.UpdateSecurityStampAsync(user), userName); // open sessions pick up the new role
        return (AuditActions.UserRoleChanged, $"role {canonicalRole}");
    }, actor, ct);

    /// <summary>Stops the account: it can no longer sign in, its API keys stop working, its open sessions end.</summary>
    public Task DisableAsync(string userName, string actor, CancellationToken ct = default) => ChangeAsync(userName, async (users, user) =>
    {
        await RefuseRemovingLastAdminAsync(users, user);
        user.Disabled = true;
        Check(await users.UpdateAsync(user), userName);
        Check(await users.UpdateSecurityStampAsync(user), userName);
        return (AuditActions.UserDisabled, null);
    }, actor, ct);

    public Task EnableAsync(string userName, string actor, CancellationToken ct = default) => ChangeAsync(userName, async (users, user) =>
    {
        user.Disabled = false;
        Check(await users.UpdateAsync(user), userName);
        Check(await users.SetLockoutEndDateAsync(user, null), userName);
        Check(await users.ResetAccessFailedCountAsync(user), userName);
        return (AuditActions.UserEnabled, null);
    }, actor, ct);

    /// <summary>Sets a new password (generated when none is given), ends the lockout and open sessions; returns the password.</summary>
    public async Task<string> ResetPasswordAsync(string userName, string? password, string actor, CancellationToken ct = default)
    {
        password ??= GeneratePassword();
        await ChangeAsync(userName, async (users, user) =>
        {
            // Validate first: RemovePasswordAsync is saved at once, so a new password that fails validation would leave none.
            foreach (var validator in users.PasswordValidators) Check(await validator.ValidateAsync(users, user, password), userName);
            if (await users.HasPasswordAsync(user)) Check(await users.RemovePasswordAsync(user), userName);
            Check(await users.AddPasswordAsync(user, password), userName);
            Check(await users.SetLockoutEndDateAsync(user, null), userName);
            Check(await users.ResetAccessFailedCountAsync(user), userName);
            return (AuditActions.PasswordReset, null);
        }, actor, ct);
        return password;
    }

    /// <summary>
    /// The user changes their own password. A wrong current one is a <see cref="WrongPasswordException"/> (the caller
    /// counts it as a guess) and, with the account lockout on, counts toward it like a failed sign-in.
    /// </summary>
    public Task ChangePasswordAsync(string userName, string current, string next, CancellationToken ct = default) => ChangeAsync(userName, async (users, user) =>
    {
        var lockout = options.Value.AccountLockoutEnabled;
        if (lockout && await users.IsLockedOutAsync(user))
            throw new AccountException(AccountProblem.LockedOut, userName, $"user '{userName}' is locked after too many wrong passwords");
        var result = await users.ChangePasswordAsync(user, current, next);
        // Identity checks the current password first; a wrong one is its only failure with this code.
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
        {
            if (lockout) await users.AccessFailedAsync(user);
            throw new WrongPasswordException(userName);
        }
        Check(result, userName);
        if (lockout) await users.ResetAccessFailedCountAsync(user);
        return (AuditActions.PasswordChanged, null);
    }, userName, ct);

    private async Task ChangeAsync(string userName, Func<UserManager<RagUser>, RagUser, Task<(string Action, string? Detail)>> change, string actor, CancellationToken ct)
    {
        await schema.EnsureAsync(ct);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RagUser>>();
        var user = await users.FindByNameAsync(userName.Trim()) ?? throw AccountException.NoSuchUser(userName);
        var (action, detail) = await change(users, user);
        await audit.WriteAsync(actor, action, user.UserName, detail, ct: ct);
    }

    /// <summary>A knowledge base must keep one enabled administrator, or nobody can manage it from the browser.</summary>
    private static async Task RefuseRemovingLastAdminAsync(UserManager<RagUser> users, RagUser user)
    {
        if (!await users.IsInRoleAsync(user, Roles.Admin)) return;
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        if (admins.Count(a => !a.Disabled && a.Id != user.Id) == 0)
            throw new AccountException(AccountProblem.LastAdmin, user.UserName!, $"user '{user.UserName}' is the last enabled administrator; make another user Admin first");
    }

    public const int MaxUserNameLength = 64;

    private static string CheckUserName(string userName)
    {
        userName = userName.Trim();
        if (userName.Length == 0) throw new AccountException(AccountProblem.UserNameEmpty, userName, "user name is empty");
        if (userName.Length > MaxUserNameLength)
            throw new AccountException(AccountProblem.UserNameTooLong, userName, $"user name has {userName.Length} characters, over the limit of {MaxUserNameLength}", MaxUserNameLength);
        if (userName.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            throw new AccountException(AccountProblem.UserNameInvalid, userName, $"user name '{userName}' contains spaces or control characters");
        return userName;
    }

    /// <summary>
    /// A refusal from Identity, its descriptions in the message: a password too short (the one password rule,
    /// <see cref="AccountsOptions.MinimumPasswordLength"/>) with that minimum, anything else as a change refused.
    /// </summary>
    private void Check(IdentityResult result, string userName)
    {
        if (result.Succeeded) return;
        var message = $"user '{userName}': {string.Join("; ", result.Errors.Select(e => e.Description))}";
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordTooShort)))
            throw new AccountException(AccountProblem.PasswordTooShort, userName, message, options.Value.MinimumPasswordLength);
        throw new AccountException(AccountProblem.UserChangeRefused, userName, message);
    }

    /// <summary>18 characters from an alphabet without look-alikes (0/O, 1/l/I): about 100 bits, easy to type once.</summary>
    public static string GeneratePassword()
    {
        const string alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(alphabet, 18);
    }
}
