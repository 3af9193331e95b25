using RagAssistant.Core.Jobs;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Accounts;
using RagAssistant.Testing;
using RagAssistant.Web.Ingestion;
using RagAssistant.Web.Tests.Hosting;

namespace RagAssistant.Web.Tests.EndToEnd;

/// <summary>
/// A small app for the sign-in and per-library access tests (issue #9): the hash embedder, no sample corpus, and two
/// process cards the administrator uploads through the API — one in <see cref="LineA"/>, one in <see cref="LineB"/>.
/// A user's sign-ins from one address are throttled after <see cref="MaxFailedSignIns"/> failures; the per-address
/// sign-in limit is raised so that the tests' many sign-ins from 127.0.0.1 are never refused (its own test uses an
/// app of its own).
/// </summary>
public sealed class AccessWebAppFixture : IAsyncLifetime
{
    public const string LineA = "line-a";
    public const string LineB = "line-b";
    public const int MaxFailedSignIns = 3;
    public const string ShaftCard = "JD-2105-0318_输出轴_工序卡.md";
    public const string FlangeCard = "KX-7730-0042_法兰盘_工序卡.md";

    private readonly TempDirectory _data = new();
    private HostedApp? _app;
    private int _users;

    public HostedApp App => _app!;

    /// <summary>Document ids of the line-a card and the line-b card.</summary>
    public long CardA { get; private set; }
    public long CardB { get; private set; }

    public string BaseUrl => App.BaseUrl.TrimEnd('/');
    public IServiceProvider Services => App.Services;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_data.File("corpus"));
        _app = new HostedApp(_data.File("rag.db"), _data.File("corpus"), new Dictionary<string, string>
        {
            ["Rag:Accounts:MaxFailedSignIns"] = MaxFailedSignIns.ToString(),
            ["Logging:LogLevel:Default"] = "Warning",
        });
        using var admin = App.CreateClient();
        await UploadAsync(admin, LineA, ShaftCard, """
            # JD-2105-0318 输出轴 机械加工工序卡

            零件号：JD-2105-0318　零件名称：输出轴　材料：42CrMo

            ## 工序 50 粗车外圆

            工序号: 50
            工序内容: 粗车各外圆，留余量 0.8 mm
            设备: CK6150 数控车床
            主轴转速: 600 r/min

            ## 工序 60 精车外圆

            工序号: 60
            工序内容: 精车外圆 Φ45h6 至图纸尺寸
            设备: CK6150 数控车床
            主轴转速: 950 r/min
            进给量: 0.08 mm/r
            """);
        await UploadAsync(admin, LineB, FlangeCard, """
            # KX-7730-0042 法兰盘 机械加工工序卡

            零件号：KX-7730-0042　零件名称：法兰盘　材料：HT250

            ## 工序 30 钻孔

            工序号: 30
            工序内容: 钻中心孔 Φ24
            设备: Z3050 摇臂钻床
            主轴转速: 400 r/min

            ## 工序 40 铰孔

            工序号: 40
            工序内容: 铰孔 Φ25H7
            设备: Z3050 摇臂钻床
            主轴转速: 120 r/min
            """);
        await WaitForQueueAsync();
        var documents = await Services.GetRequiredService<RagAssistant.Core.Storage.IDocumentStore>().ListAsync();
        CardA = documents.Single(d => d.FileName == ShaftCard).Id;
        CardB = documents.Single(d => d.FileName == FlangeCard).Id;
    }

    /// <summary>A new account (a unique name with <paramref name="prefix"/>) with a known password, created as the administrator.</summary>
    public async Task<(string User, string Password)> AddUserAsync(string prefix, string role = "Reader", params string[] readable)
    {
        var (name, password) = await AddUserWithoutGrantsAsync(prefix, role);
        foreach (var library in readable)
            await Services.GetRequiredService<LibraryAccess>().GrantAsync(library, GrantSubject.User, name, GrantAccess.Read, HostedApp.AdminUser);
        return (name, password);
    }

    /// <summary>A new Editor (unique name with <paramref name="prefix"/>) who may write <paramref name="library"/>.</summary>
    public async Task<(string User, string Password)> AddEditorAsync(string prefix, string library)
    {
        var (name, password) = await AddUserWithoutGrantsAsync(prefix, "Editor");
        await Services.GetRequiredService<LibraryAccess>().GrantAsync(library, GrantSubject.User, name, GrantAccess.Write, HostedApp.AdminUser);
        return (name, password);
    }

    private async Task<(string User, string Password)> AddUserWithoutGrantsAsync(string prefix, string role)
    {
        var name = $"{prefix}{Interlocked.Increment(ref _users)}";
        var password = $"{name}-password-1";
        await Services.GetRequiredService<UserAccounts>().AddAsync(name, role, password, HostedApp.AdminUser);
        return (name, password);
    }

    /// <summary>Uploads one Markdown file through the API (202 expected); <see cref="WaitForQueueAsync"/> waits for it.</summary>
    public static async Task UploadAsync(HttpClient client, string library, string fileName, string text)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(library), "library");
        var file = new StringContent(text);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/markdown") { CharSet = "utf-8" };
        form.Add(file, "file", fileName);
        using var response = await client.PostAsync("/api/documents", form);
        if (response.StatusCode != HttpStatusCode.Accepted)
            throw new InvalidOperationException($"uploading {fileName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Waits until the queue is idle; fails when a file did not end "done".</summary>
    public async Task WaitForQueueAsync()
    {
        var queue = Services.GetRequiredService<IngestionQueue>();
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (queue.Pending > 0)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the ingestion queue still has {queue.Pending} files after a minute");
            await Task.Delay(100);
        }
        var failed = queue.Jobs.Where(j => j.State != IngestJobState.Done).Select(j => $"{j.FileName}: {j.State.Name()} {j.Reason}").ToList();
        if (failed.Count > 0) throw new InvalidOperationException($"the process cards were not ingested: {string.Join("; ", failed)}");
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _data.Dispose();
    }
}

/// <summary>The sign-in and access tests: one app with two libraries, and their own Chromium.</summary>
[CollectionDefinition(Name)]
public sealed class AccessWebAppCollection : ICollectionFixture<AccessWebAppFixture>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "access web app";
}

/// <summary>Browser tests against <see cref="AccessWebAppFixture"/>; they start signed out unless they say otherwise.</summary>
public abstract class AccessBrowserTest(AccessWebAppFixture app, BrowserFixture browser) : BrowserPageTest(browser)
{
    protected AccessWebAppFixture App { get; } = app;

    protected override string BaseUrl => App.BaseUrl;

    protected override (string User, string Password)? SignInAs => null;
}
