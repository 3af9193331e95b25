using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Accounts;
using RagAssistant.Core.Access;
using RagAssistant.Testing;
using RagAssistant.Web.Tests.Hosting;

namespace RagAssistant.Web.Tests.Access;

/// <summary>
/// The real app (hash embedder: these tests are about who may read what) holding two customers' process cards in two
/// libraries, uploaded by the administrator through the API: the JD-2105-0318 shaft card in <c>line-a</c> and the
/// KX-7730-0042 flange card in <c>line-b</c>. Users: <c>wang</c>, a Reader granted line-a; <c>li</c>, an Editor who may
/// write line-a. Each has an API key.
/// </summary>
public sealed class TwoLibraryApp : IAsyncLifetime
{
    public const string LineA = "line-a";
    public const string LineB = "line-b";
    public const string ReaderPassword = "reader-password-1";

    private readonly TempDirectory _data = new();

    public HostedApp App { get; private set; } = null!;
    public long CardA { get; private set; }
    public long CardB { get; private set; }
    public string ReaderKey { get; private set; } = "";
    public string EditorKey { get; private set; } = "";

    public async Task InitializeAsync()
    {
        App = new HostedApp(_data.File("rag.db"), _data.File("no-samples"), new Dictionary<string, string> { ["Logging:LogLevel:Default"] = "Warning" });
        using var admin = App.CreateClient();
        CardA = await UploadAsync(admin, LineA, "JD-2105-0318_输出轴工艺卡.md", """
            # JD-2105-0318 输出轴 机械加工工艺卡

            | 工序号 | 工序名称 | 设备 | 转速 r/min | 进给 mm/r |
            |---|---|---|---|---|
            | 60 | 精车外圆 | CK6150 | 950 | 0.10 |
            | 70 | 磨外圆 | M1432 | 1450 | 0.02 |
            """);
        CardB = await UploadAsync(admin, LineB, "KX-7730-0042_法兰盘工艺卡.md", """
            # KX-7730-0042 法兰盘 机械加工工艺卡

            | 工序号 | 工序名称 | 设备 | 转速 r/min | 进给 mm/r |
            |---|---|---|---|---|
            | 30 | 钻法兰孔 | Z3050 | 480 | 0.18 |
            | 40 | 铰孔 Φ25H7 | Z3050 | 120 | 0.35 |
            """);
        var users = App.Services.GetRequiredService<UserAccounts>();
        var libraries = App.Services.GetRequiredService<LibraryAccess>();
        await users.AddAsync("wang", Roles.Reader, ReaderPassword, "tests");
        await libraries.GrantAsync(LineA, GrantSubject.User, "wang", GrantAccess.Read, "tests");
        await users.AddAsync("li", Roles.Editor, "editor-password-1", "tests");
        await libraries.GrantAsync(LineA, GrantSubject.User, "li", GrantAccess.Write, "tests");
        ReaderKey = App.CreateApiKey("wang");
        EditorKey = App.CreateApiKey("li");
    }

    /// <summary>Uploads one Markdown file through the API and waits until it is stored; returns its document id.</summary>
    public async Task<long> UploadAsync(HttpClient client, string library, string fileName, string text)
    {
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "files", fileName },
            { new StringContent(library), "library" },
        };
        using var response = await client.PostAsync("/api/documents", form);
        response.EnsureSuccessStatusCode();
        var job = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("files")[0].GetProperty("job").GetString();
        await App.SettleAsync(TimeSpan.Zero);
        var jobs = (await client.GetFromJsonAsync<JsonElement>("/api/documents/jobs")).GetProperty("jobs").EnumerateArray();
        var done = jobs.Single(j => j.GetProperty("job").GetString() == job);
        return done.GetProperty("documentId").GetInt64();
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        _data.Dispose();
    }
}
