using System.Diagnostics;

namespace RagAssistant.Testing;

/// <summary>
/// A throwaway PostgreSQL 15 cluster with pgvector for one test class (scripts/pg/start.sh: initdb in a temporary
/// folder, 127.0.0.1 at a free port, fsync off), stopped and removed on dispose (scripts/pg/stop.sh).
/// scripts/install-test-deps.sh installs PostgreSQL and builds pgvector from ../shared/vendor.
/// </summary>
public sealed class PostgresCluster : IDisposable
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private const string VectorControl = "/usr/share/postgresql/15/extension/vector.control";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "rag-pg-" + Guid.NewGuid().ToString("N")[..12]);

    public PostgresCluster()
    {
        if (Unavailable is { } reason) throw new InvalidOperationException(reason);
        var output = Script("start.sh", TimeSpan.FromMinutes(2));
        ConnectionString = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Trim();
    }

    /// <summary>An Npgsql connection string for the cluster's superuser "rag" (trust authentication).</summary>
    public string ConnectionString { get; }

    /// <summary>Why no cluster can start here, or null when PostgreSQL and pgvector are installed.</summary>
    public static string? Unavailable =>
        !File.Exists(Path.Combine(Bin, "initdb"))
            ? $"PostgreSQL 15 is not installed ({Bin}/initdb): scripts/install-test-deps.sh installs it when ../shared/vendor is beside the repository"
            : !File.Exists(VectorControl)
                ? $"pgvector is not installed ({VectorControl}): scripts/install-test-deps.sh builds it from ../shared/vendor"
                : null;

    public void Dispose() => Script("stop.sh", TimeSpan.FromMinutes(1));

    private string Script(string name, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryPaths.Root, "scripts", "pg", name), _folder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot run scripts/pg/{name}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"scripts/pg/{name} took longer than {timeout.TotalSeconds:0} s");
        }
        if (process.ExitCode != 0) throw new InvalidOperationException($"scripts/pg/{name} failed ({process.ExitCode}): {stderr.Result}");
        return stdout.Result;
    }
}

/// <summary>A test that needs a PostgreSQL cluster with pgvector: skipped, saying what is missing, where none can start.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresCluster.Unavailable is { } reason) Skip = reason;
    }
}
