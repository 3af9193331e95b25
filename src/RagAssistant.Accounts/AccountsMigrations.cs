namespace RagAssistant.Accounts;

/// <summary>
/// Changes to the account tables since they first shipped, in order. A new file gets its tables from the current model
/// (so with every change already) and is recorded as up to date; a file from an older version runs the steps it lacks.
/// <c>account_schema.version</c> records how many have run. Never edit a shipped step: append one.
/// A step may use <c>$api_key_expiry</c>: now plus <see cref="AccountsOptions.ApiKeyDays"/>, stored as the model stores times.
/// </summary>
internal static class AccountsMigrations
{
    public static readonly IReadOnlyList<string> All =
    [
        // 1: API keys expire. Keys made before get Rag:Accounts:ApiKeyDays counted from the upgrade, not from their
        //    creation: counting from creation would stop a year-old MES integration the moment the new version starts.
        """
        ALTER TABLE account_api_keys ADD COLUMN ExpiresAt INTEGER NOT NULL DEFAULT 0;
        UPDATE account_api_keys SET ExpiresAt = $api_key_expiry;
        """,
    ];
}
