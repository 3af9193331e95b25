using System.Diagnostics;
using System.Text;
using RagAssistant.Testing;

namespace RagAssistant.Cli.Tests;

/// <summary>What one run of <c>rag</c> left behind.</summary>
public sealed record RagResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Text for assertion messages: the exit code and both streams.</summary>
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}

/// <summary>
/// Runs the real <c>rag</c> program (rag.dll beside the test binaries) as a child process, the way a user runs it:
/// <c>dotnet rag.dll ARGS</c>, stdout and stderr captured separately as UTF-8.
/// </summary>
public static class RagProcess
{
    // A hang guard, not a speed check: every run loads the ONNX model and embeds, and CI machines are shared.
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(300);

    public static string RagDll { get; } = Path.Combine(AppContext.BaseDirectory, "rag.dll");

    /// <summary>Runs rag to completion (at most 300 s, then the process tree is killed and the test fails).</summary>
    public static async Task<RagResult> RunAsync(
        IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string>? env = null)
    {
        using var run = Start(args, workingDirectory, env);
        return await run.WaitAsync(DefaultTimeout);
    }

    /// <summary>Starts rag and returns at once; the caller watches stderr, kills or waits.</summary>
    public static RunningRag Start(IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string>? env = null)
    {
        if (!File.Exists(RagDll)) throw new FileNotFoundException($"rag.dll not found beside the tests at {RagDll}");
        var info = DotnetProcess.StartInfo(RagDll, args, workingDirectory, env);
        info.RedirectStandardInput = true;

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet rag.dll");
        process.StandardInput.Close();
        return new RunningRag(process);
    }
}

/// <summary>A started rag process: stdout is collected whole, stderr line by line so a test can wait for a marker.</summary>
public sealed class RunningRag : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly Task _stderrPump;
    private readonly StringBuilder _stderr = new();
    private readonly List<(string Text, TaskCompletionSource Seen)> _waiters = [];
    private readonly Lock _lock = new();

    internal RunningRag(Process process)
    {
        _process = process;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderrPump = Task.Run(PumpStderrAsync);
    }

    public string StderrSoFar
    {
        get { lock (_lock) return _stderr.ToString(); }
    }

    /// <summary>Completes when stderr contains <paramref name="text"/>; fails when the process ends first or time runs out.</summary>
    public async Task WaitForStderrAsync(string text, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (_stderr.ToString().Contains(text, StringComparison.Ordinal)) return;
            _waiters.Add((text, seen));
        }
        var finished = await Task.WhenAny(seen.Task, _stderrPump, Task.Delay(timeout));
        if (finished == seen.Task) return;
        if (seen.Task.IsCompleted) return;
        var why = finished == _stderrPump ? "the process ended" : $"{timeout.TotalSeconds:0} s passed";
        Kill();
        throw new TimeoutException($"'{text}' never appeared on rag's stderr ({why}). stderr:\n{StderrSoFar}");
    }

    /// <summary>Kills rag and everything it started, as a crash or Ctrl+\ would.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It ended on its own in the meantime.
        }
    }

    /// <summary>Waits for the process to end (killing it after <paramref name="timeout"/>) and returns what it wrote.</summary>
    public async Task<RagResult> WaitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            await _process.WaitForExitAsync(CancellationToken.None);
            await Task.WhenAll(_stdout, _stderrPump);
            throw new TimeoutException($"rag did not finish within {timeout.TotalSeconds:0} s. stdout:\n{_stdout.Result}\nstderr:\n{StderrSoFar}");
        }
        await Task.WhenAll(_stdout, _stderrPump);
        return new RagResult(_process.ExitCode, await _stdout, StderrSoFar);
    }

    private async Task PumpStderrAsync()
    {
        var buffer = new char[4096];
        int read;
        while ((read = await _process.StandardError.ReadAsync(buffer.AsMemory())) > 0)
        {
            lock (_lock)
            {
                _stderr.Append(buffer, 0, read);
                var text = _stderr.ToString();
                foreach (var waiter in _waiters.Where(w => text.Contains(w.Text, StringComparison.Ordinal)).ToList())
                {
                    waiter.Seen.TrySetResult();
                    _waiters.Remove(waiter);
                }
            }
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
