namespace RagAssistant.Accounts;

/// <summary>The current password given to change it was wrong: a guess to count (<see cref="SignInThrottle"/>), not a typo in the new one.</summary>
public sealed class WrongPasswordException(string userName)
    : AccountException(AccountProblem.WrongPassword, userName, $"user '{userName}': the current password is wrong");
