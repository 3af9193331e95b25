using RagAssistant.Accounts;

namespace RagAssistant.Web.Accounts;

/// <summary>
/// On a knowledge base without users, creates the first administrator before the app listens and prints its
/// password once on the console (it is also kept, owner-readable only, beside the database until it is changed).
/// </summary>
public sealed class FirstAdministratorStartup(FirstAdministrator first) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var created = await first.EnsureAsync(cancellationToken);
        if (created is null) return;
        if (created.PasswordFile is null)
        {
            Console.WriteLine($"RagAssistant: created the administrator '{created.UserName}' with the configured password (Rag:Accounts:InitialAdminPassword).");
            return;
        }
        Console.WriteLine($"""

            RagAssistant: created the administrator account — sign in with
                user name: {created.UserName}
                password:  {created.Password}
            This password is shown once; it is also kept in {created.PasswordFile} (readable by you only)
            until you change it at /Account/Password.

            """);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
