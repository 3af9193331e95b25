using Microsoft.AspNetCore.Authorization;
using MudBlazor.Services;
using RagAssistant.Core.Storage;
using RagAssistant.Embeddings;
using RagAssistant.Generation;
using RagAssistant.Ingestion;
using RagAssistant.Retrieval;
using RagAssistant.Storage.Postgres;
using RagAssistant.Storage.Sqlite;
using RagAssistant.Web;
using RagAssistant.Web.Accounts;
using RagAssistant.Web.Components;
using RagAssistant.Web.Endpoints;
using RagAssistant.Web.Localization;
using RagAssistant.Web.Security;

// Settings (appsettings.json) and static files are found beside the app, whatever the working directory is; relative
// data paths (the database, the sample corpus) are still taken from the working directory, as the CLI does.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
// A build output (not only a publish) then serves MudBlazor's and our static files in every environment.
builder.WebHost.UseStaticWebAssets();

// The knowledge base: a SQLite file (the embedded default) or a PostgreSQL server several instances share (Rag:Storage:Provider).
if (StorageProvider.IsPostgres(builder.Configuration)) builder.Services.AddRagPostgresStorage(builder.Configuration);
else builder.Services.AddRagStorage(builder.Configuration);
builder.Services.AddRagIngestion(builder.Configuration);
builder.Services.AddRagEmbeddings(builder.Configuration);
builder.Services.AddRagRetrieval(builder.Configuration); // after embeddings: dense search joins when a generator is registered
builder.Services.AddRagGeneration(builder.Configuration);
builder.Services.AddRagReverseProxy(builder.Configuration);
builder.Services.AddRagWebAccounts(builder.Configuration);
builder.Services.AddRagWeb(builder.Configuration);
builder.Services.AddMudServices();
builder.Services.AddRagUiLanguage(); // after MudBlazor's services: MudBlazor's own words in the UI language
builder.Services.AddRazorComponents().AddInteractiveServerComponents();

var app = builder.Build();

app.UseRagForwardedHeaders(); // first: everything below sees the client's own address and scheme
if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/Error", createScopeForErrors: true);
app.UseRagTransportSecurity();
app.UseSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseRequestBodyLimits();
app.UseRateLimiter();
app.UseAuthentication();
app.UseCrossSiteRequestGuard();
app.UseAuthorization();
app.UseAntiforgery();

// Everything requires a signed-in user (the fallback policy) except what is marked anonymous here and on the
// sign-in pages: static files (the sign-in page needs its CSS), the health probe and the language switch.
app.MapStaticAssets().AllowAnonymous();
app.MapHealthEndpoints();
app.MapAccountEndpoints();
app.MapApiEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
