using RagAssistant.Accounts;

namespace RagAssistant.Web.Accounts;

/// <summary>
/// On a knowledge base without users, creates the first administrator before the app listens and prints where its
/// generated password is kept (owner-readable only, beside the database, until it is changed) and how to read it — not
/// the password: the console is the service's journal or the container's log, which more people read than that file.
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
        var file = Path.GetFullPath(created.PasswordFile);
        var read = OperatingSystem.IsWindows() ? "type" : "cat";
        Console.WriteLine($"""

            RagAssistant: created the administrator account '{created.UserName}' with a generated password, kept in
                {file}
            (readable by this account only). Read it with
                {read} "{file}"
            then sign in and change it at /Account/Password; the file is deleted then.

            """);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
