namespace RagAssistant.Accounts;

/// <summary>
/// Why an account, library or key operation was refused (<see cref="AccountException.Problem"/>): the web UI words each
/// one in its language; the CLI and the log keep the exception's English message.
/// </summary>
public enum AccountProblem
{
    /// <summary>No user by that name.</summary>
    NoSuchUser,
    UserExists,
    UserNameEmpty,
    /// <summary>Over <see cref="UserAccounts.MaxUserNameLength"/> characters (the limit).</summary>
    UserNameTooLong,
    /// <summary>Spaces or control characters.</summary>
    UserNameInvalid,
    /// <summary>The role named is none of <see cref="RagAssistant.Core.Access.Roles.All"/>.</summary>
    NoSuchRole,
    /// <summary>The change would leave no enabled administrator.</summary>
    LastAdmin,
    /// <summary>Locked after too many wrong passwords.</summary>
    LockedOut,
    /// <summary>The current password given to change it was wrong (<see cref="WrongPasswordException"/>).</summary>
    WrongPassword,
    /// <summary>The new password is shorter than the minimum (the limit).</summary>
    PasswordTooShort,
    /// <summary>Identity refused the change for another reason (its descriptions are in the message).</summary>
    UserChangeRefused,
    LibraryExists,
    LibraryNameEmpty,
    /// <summary>The name the access layer asks for when nothing is readable.</summary>
    LibraryNameReserved,
    /// <summary>Over <see cref="LibraryAccess.MaxNameLength"/> characters (the limit).</summary>
    LibraryNameTooLong,
    /// <summary>Control characters or invisible formatting.</summary>
    LibraryNameInvisible,
    /// <summary>A grant's access is neither read nor write.</summary>
    NoSuchAccess,
    /// <summary>A grant's subject is neither a user nor a role.</summary>
    NoSuchSubjectKind,
    /// <summary>An API key's lifetime in days is outside 1 to <see cref="ApiKeys.MaxDays"/> (the limit).</summary>
    KeyDaysOutOfRange,
}
