using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using RagAssistant.Core.Storage;

namespace RagAssistant.Web.Accounts;

public static class SharedDataProtection
{
    /// <summary>The application name every instance protects under: the default (the content root path) differs between servers.</summary>
    public const string ApplicationName = "RagAssistant";

    /// <summary>
    /// With <c>Rag:Storage:Provider</c> = <c>postgres</c>, keeps the data-protection key ring in the knowledge base's
    /// database (<see cref="PostgresXmlRepository"/>) under one application name, so a user signed in on one app
    /// instance stays signed in on any other behind the same load balancer. With the SQLite file (one instance) the
    /// framework's default, a folder in the user's profile, is left as it is. Needs the PostgreSQL database registered
    /// (<c>AddRagPostgresStorage</c>).
    /// </summary>
    public static IServiceCollection AddRagSharedDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        if (!StorageProvider.IsPostgres(configuration)) return services;
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<PostgresXmlRepository>();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = sp.GetRequiredService<PostgresXmlRepository>()));
        return services;
    }
}
