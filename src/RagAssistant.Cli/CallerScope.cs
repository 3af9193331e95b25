using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Accounts;
using RagAssistant.Core.Access;

namespace RagAssistant.Cli;

/// <summary>
/// Who a reading command runs as: without <c>--user</c> the trusted local administrator (every library, as before
/// accounts existed); with it, that account's grants. An unknown or disabled account is an error rather than a scope
/// that silently reads nothing, so a typo is not mistaken for an empty library.
/// </summary>
internal static class CallerScope
{
    public static async Task<AccessScope> ResolveAsync(IServiceProvider services, string? userName, CancellationToken ct)
    {
        if (userName is null) return AccessScope.LocalOperator;
        // Found in any casing, as Identity compares user names.
        var (user, scope) = await services.GetRequiredService<AccessResolver>().ForExistingUserAsync(userName, ct)
                            ?? throw new CommandException($"user '{userName}' does not exist");
        if (user.Disabled) throw new CommandException($"user '{user.UserName}' is disabled");
        return scope;
    }
}
