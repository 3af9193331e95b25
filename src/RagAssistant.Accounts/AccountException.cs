using RagAssistant.Core.Access;

namespace RagAssistant.Accounts;

/// <summary>
/// An account, library or key operation that cannot be done: <see cref="Problem"/> says why and <see cref="Name"/> what
/// it concerns (a user, library, role or value as given), so a UI can say it in its own words; the message says the same
/// in English for the CLI and the log.
/// </summary>
public class AccountException(AccountProblem problem, string name, string message, int? limit = null) : Exception(message)
{
    public AccountProblem Problem { get; } = problem;

    /// <summary>The user, library, role, access or value the refusal concerns, as the caller gave it (empty for an empty name).</summary>
    public string Name { get; } = name;

    /// <summary>The bound that was broken (characters, days), for the problems that have one.</summary>
    public int? Limit { get; } = limit;

    // The refusals more than one operation makes, worded once.
    internal static AccountException NoSuchUser(string userName) => new(AccountProblem.NoSuchUser, userName, $"user '{userName}' does not exist");

    internal static AccountException NoSuchRole(string role) =>
        new(AccountProblem.NoSuchRole, role, $"role '{role}' does not exist (use {string.Join(", ", Roles.All)})");
}
