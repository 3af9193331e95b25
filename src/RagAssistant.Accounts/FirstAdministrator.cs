using Microsoft.Extensions.Options;
using RagAssistant.Core.Access;

namespace RagAssistant.Accounts;

/// <summary>The administrator created on a knowledge base with no users, and where a generated password was put.</summary>
/// <param name="PasswordFile">The owner-only file holding a generated password; null when the password came from configuration.</param>
public sealed record CreatedAdministrator(string UserName, string Password, string? PasswordFile);

/// <summary>
/// Keeps the single-user start easy: when the knowledge base has no users, creates an Admin — with the configured
/// password, or a generated one kept, readable by the owner only, in <c>initial-admin-password.txt</c> beside the
/// database until the administrator changes it. The caller says where the file is; it never prints the password,
/// since console output ends up in the journal or a container log that more people can read.
/// </summary>
public sealed class FirstAdministrator(UserAccounts users, IOptions<AccountsOptions> options, AccountsDatabase database)
{
    public const string PasswordFileName = "initial-admin-password.txt";

    /// <summary>Where a generated password is kept: beside the database file; null on a database server, which has no such place.</summary>
    public string? PasswordFilePath => database.PasswordFolder is { } folder ? Path.Combine(folder, PasswordFileName) : null;

    /// <summary>Creates the first administrator when there are no users; null when there already are.</summary>
    public async Task<CreatedAdministrator?> EnsureAsync(CancellationToken ct = default)
    {
        if (await users.CountAsync(ct) > 0) return null;
        var configured = options.Value.InitialAdminPassword is { Length: > 0 } p ? p : null;
        if (configured is null && PasswordFilePath is null)
            throw new InvalidOperationException(
                "the knowledge base has no users and its database server has no folder to leave a generated password in: " +
                "set Rag:Accounts:InitialAdminPassword for the first start");
        var userName = options.Value.InitialAdminUserName;
        var password = await users.AddAsync(userName, Roles.Admin, configured, actor: "system", ct);
        if (configured is not null) return new CreatedAdministrator(userName, password, null);
        // Created owner-only before the password is written (not chmod-ed afterwards, which leaves it readable for a
        // moment); a leftover file would keep its own mode, so it goes first.
        var path = PasswordFilePath!;
        File.Delete(path);
        var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using (var writer = new StreamWriter(path, file)) await writer.WriteAsync($"{userName}\n{password}\n".AsMemory(), ct);
        return new CreatedAdministrator(userName, password, path);
    }

    /// <summary>Called when the first administrator sets their own password: the generated one is no longer needed on disk.</summary>
    public void ForgetGeneratedPassword(string userName)
    {
        if (userName == options.Value.InitialAdminUserName && PasswordFilePath is { } path && File.Exists(path)) File.Delete(path);
    }
}
