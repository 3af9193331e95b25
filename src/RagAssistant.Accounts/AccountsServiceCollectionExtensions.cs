using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RagAssistant.Core.Access;
using RagAssistant.Core.Storage;

namespace RagAssistant.Accounts;

public static class AccountsServiceCollectionExtensions
{
    /// <summary>
    /// Accounts beside the knowledge base, in its SQLite file or PostgreSQL database (options from <c>Rag:Accounts</c>): Identity's user manager with roles and
    /// its password and lockout rules, the per-address sign-in throttle, libraries and grants, API keys, the audit log, the first administrator, and the
    /// <see cref="ProtectedKnowledgeBase"/> every caller reads through. Needs <c>AddRagStorage</c> (or <c>AddRagPostgresStorage</c> with <c>Rag:Storage:Provider</c> = <c>postgres</c>). The web app adds
    /// sign-in on top (<c>AddSignInManager</c>, cookies).
    /// </summary>
    public static IdentityBuilder AddRagAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccountsOptions>().Bind(configuration.GetSection(AccountsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        // Beside the knowledge base, on the engine Rag:Storage:Provider picks (its database is registered by AddRagStorage
        // or AddRagPostgresStorage).
        if (StorageProvider.IsPostgres(configuration))
            services.TryAddSingleton<AccountsDatabase, PostgresAccountsDatabase>();
        else
            services.TryAddSingleton<AccountsDatabase, SqliteAccountsDatabase>();
        services.AddDbContextFactory<AccountsDbContext>((sp, o) => sp.GetRequiredService<AccountsDatabase>().Configure(o));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AccountsSchema>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<AccessResolver>();
        services.AddSingleton<UserAccounts>();
        services.AddSingleton<LibraryAccess>();
        services.AddSingleton<ApiKeys>();
        services.AddSingleton<FirstAdministrator>();
        services.AddSingleton<SignInThrottle>();
        services.TryAddSingleton<ProtectedKnowledgeBase>();
        services.AddOptions<IdentityOptions>().Configure<IOptions<AccountsOptions>>((identity, accounts) =>
        {
            var a = accounts.Value;
            identity.Password.RequiredLength = a.MinimumPasswordLength;
            identity.Password.RequireDigit = false;
            identity.Password.RequireLowercase = false;
            identity.Password.RequireUppercase = false;
            identity.Password.RequireNonAlphanumeric = false;
            identity.Lockout.AllowedForNewUsers = true;
            // Off unless configured: nothing that counts failures (AccessFailedAsync) ever locks the account then.
            identity.Lockout.MaxFailedAccessAttempts = a.AccountLockoutEnabled ? a.AccountLockoutFailures : int.MaxValue;
            identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(a.LockoutMinutes);
            identity.User.RequireUniqueEmail = false;
            // Any script, so engineers can be 王工 or 李明; UserAccounts refuses spaces and control characters itself.
            identity.User.AllowedUserNameCharacters = "";
        });
        return services.AddIdentityCore<RagUser>()
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AccountsDbContext>();
    }
}
