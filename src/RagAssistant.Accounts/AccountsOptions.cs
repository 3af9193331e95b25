using System.ComponentModel.DataAnnotations;

namespace RagAssistant.Accounts;

/// <summary>Sign-in and account settings, bound from <c>Rag:Accounts</c>.</summary>
public sealed class AccountsOptions
{
    public const string Section = "Rag:Accounts";

    /// <summary>The administrator created on first start when there are no users. Default <c>admin</c>.</summary>
    [Required, MaxLength(64)]
    public string InitialAdminUserName { get; set; } = "admin";

    /// <summary>
    /// The first administrator's password; when empty one is generated and written, readable by the owner only, to
    /// <c>initial-admin-password.txt</c> beside the database (the console says where, never the password itself); the
    /// file is deleted when that password is changed.
    /// </summary>
    public string? InitialAdminPassword { get; set; }

    /// <summary>
    /// Wrong passwords for one user from one client address (sign-in and change-password together) before that address
    /// may not try that user for <see cref="LockoutMinutes"/>; the user still signs in from elsewhere. Default 5.
    /// </summary>
    [Range(1, 100)]
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>
    /// How long a throttled address (and, with <see cref="AccountLockoutFailures"/>, a locked account) waits after its
    /// last failure. Default 15 minutes.
    /// </summary>
    [Range(1, 24 * 60)]
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>
    /// Wrong passwords in a row, from any addresses, before the whole account is locked for <see cref="LockoutMinutes"/>
    /// (Identity's account lockout). Default 0: off — with it on, anyone who can reach the sign-in page can keep a user,
    /// the administrator included, locked out; the per-address throttle limits guessing instead (docs/decisions/0009).
    /// </summary>
    [Range(0, 10_000)]
    public int AccountLockoutFailures { get; set; }

    public bool AccountLockoutEnabled => AccountLockoutFailures > 0;

    /// <summary>Sign-in attempts accepted per client address and minute (beyond them: 429). Default 10.</summary>
    [Range(1, 10_000)]
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>Shortest password accepted. Default 10 (length matters more than character classes).</summary>
    [Range(6, 128)]
    public int MinimumPasswordLength { get; set; } = 10;

    /// <summary>Days a new API key works, unless its creator chooses otherwise. Default 365: a key leaked in a script stops on its own.</summary>
    [Range(1, 3650)]
    public int ApiKeyDays { get; set; } = 365;
}
