using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using RagAssistant.Testing;
using RagAssistant.Web.Accounts;

namespace RagAssistant.Web.Tests.Hosting;

/// <summary>
/// The real web app as a separate process (<c>dotnet RagAssistant.Web.dll</c> beside the test binaries), for tests that
/// must kill it the hard way (SIGKILL) and start it again on the same database. It listens on a free port on 127.0.0.1;
/// <see cref="BaseUrl"/> is read from its "running at" log line. Settings and fault hooks of the test runner's own
/// environment do not leak into it.
/// </summary>
public sealed partial class WebAppProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly TaskCompletionSource<string> _url = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WebAppProcess(Process process) => _process = process;

    public string BaseUrl { get; private set; } = "";

    /// <summary>Everything the app printed so far, for assertion messages.</summary>
    public string Output
    {
        get
        {
            lock (_stdout) lock (_stderr) return $"--- stdout ---\n{_stdout}\n--- stderr ---\n{_stderr}";
        }
    }

    /// <summary>Starts the app and waits until it listens (at most two minutes: it loads the embedding models first).</summary>
    public static async Task<WebAppProcess> StartAsync(string workingDirectory, IReadOnlyDictionary<string, string> settings)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "RagAssistant.Web.dll");
        var info = DotnetProcess.StartInfo(dll, ["--urls", "http://127.0.0.1:0"], workingDirectory, settings);

        var app = new WebAppProcess(Process.Start(info) ?? throw new InvalidOperationException("could not start the web app"));
        app._process.OutputDataReceived += (_, e) => app.Received(app._stdout, e.Data);
        app._process.ErrorDataReceived += (_, e) => app.Received(app._stderr, e.Data);
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        var started = await Task.WhenAny(app._url.Task, Task.Delay(TimeSpan.FromMinutes(2)), app._process.WaitForExitAsync());
        if (started != app._url.Task)
        {
            app.Kill();
            throw new InvalidOperationException($"the web app did not start listening\n{app.Output}");
        }
        app.BaseUrl = await app._url.Task;
        return app;
    }

    /// <summary>Waits until the app printed <paramref name="text"/> on stdout or stderr.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline || _process.HasExited)
                throw new TimeoutException($"the web app never printed '{text}'\n{Output}");
            await Task.Delay(100);
        }
    }

    /// <summary>Kills the app at once (SIGKILL): no shutdown code runs, as in a crash or a power cut.</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    public HttpClient CreateClientWithKey(string key)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Header, key);
        return client;
    }

    private void Received(StringBuilder buffer, string? line)
    {
        if (line is null) return;
        lock (buffer) buffer.AppendLine(line);
        if (RunningAt().Match(line) is { Success: true } match) _url.TrySetResult(match.Groups[1].Value.TrimEnd(','));
    }

    [GeneratedRegex(@"running at (http://[^\s,]+)")]
    private static partial Regex RunningAt();

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
