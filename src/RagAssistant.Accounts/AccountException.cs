namespace RagAssistant.Accounts;

/// <summary>An account, library or key operation that cannot be done; the message names the user, library or field and why.</summary>
public class AccountException(string message) : Exception(message);
