using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using RagAssistant.Core.Storage;
using RagAssistant.Storage.Sqlite;
using RagAssistant.Web.Ingestion;

namespace RagAssistant.Web.Maintenance;

/// <summary>
/// Takes a backup of the knowledge base into <see cref="BackupOptions.Folder"/> (default <c>backups</c> beside the
/// database) every <see cref="BackupOptions.Interval"/>, named <c>NAME-yyyyMMddTHHmmssZ.db</c> after the database, and
/// deletes the oldest beyond <see cref="BackupOptions.Keep"/> (only files named that way; nothing else in the folder).
/// </summary>
/// <remarks>
/// The next backup is due one interval after the newest one in the folder, read from the names, so restarting the app does
/// not take another. With no backup yet the first is due <see cref="FirstBackupDelay"/> after start: a fresh install gets
/// one soon, after its first ingestion has begun, and a short trial run leaves no files. A failure is logged, shown on the
/// status page and in the recent errors, and tried again after <see cref="RetryDelay"/> (or the interval, if shorter).
/// </remarks>
public sealed class ScheduledBackup : BackgroundService
{
    public static readonly TimeSpan FirstBackupDelay = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan RetryDelay = TimeSpan.FromHours(1);
    private const string StampFormat = "yyyyMMdd'T'HHmmss'Z'";

    private readonly KnowledgeBaseBackup _backup;
    private readonly BackupOptions _options;
    private readonly BackupStatus _status;
    private readonly RecentErrors _errors;
    private readonly TimeProvider _time;
    private readonly ILogger<ScheduledBackup> _logger;
    private readonly string _stem;
    private readonly DateTimeOffset _started;
    private DateTimeOffset? _retryAt;

    public ScheduledBackup(KnowledgeBaseBackup backup, SqliteDatabase database, IOptions<BackupOptions> options, BackupStatus status,
        RecentErrors errors, TimeProvider time, ILogger<ScheduledBackup> logger)
    {
        (_backup, _options, _status, _errors, _time, _logger) = (backup, options.Value, status, errors, time, logger);
        Folder = string.IsNullOrWhiteSpace(_options.Folder)
            ? Path.Combine(Path.GetDirectoryName(database.DatabasePath)!, "backups")
            : Path.GetFullPath(_options.Folder);
        _stem = Path.GetFileNameWithoutExtension(database.DatabasePath);
        _started = time.GetUtcNow();
        _status.Update(s => s with { Enabled = _options.Enabled, Folder = Folder, Last = Newest(), NextDue = _options.Enabled ? NextDue() : null });
    }

    public string Folder { get; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = NextDue() - _time.GetUtcNow();
            if (wait > TimeSpan.FromDays(1)) wait = TimeSpan.FromDays(1); // Task.Delay's limit is ~49 days; the loop looks again
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, _time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            // Off the host's thread: a large file takes a while to copy.
            await Task.Run(() => RunIfDue(stoppingToken), stoppingToken);
        }
    }

    /// <summary>Takes a backup if one is due now, prunes, and records the outcome; returns it, or null when none was due or it failed.</summary>
    internal BackupResult? RunIfDue(CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        if (now < NextDue()) return null;
        try
        {
            Directory.CreateDirectory(Folder);
            var file = Path.Combine(Folder, $"{_stem}-{now.UtcDateTime.ToString(StampFormat, CultureInfo.InvariantCulture)}.db");
            var result = _backup.Create(file, overwrite: false, cancellationToken);
            _retryAt = null;
            Log.BackupTaken(_logger, result.File, result.Bytes, result.Documents);
            foreach (var old in Existing().Skip(_options.Keep))
            {
                File.Delete(old.Path);
                Log.BackupPruned(_logger, old.Path);
            }
            _status.Update(s => s with { Last = result, LastFailure = null, NextDue = NextDue() });
            return result;
        }
        catch (Exception ex) when (ex is KnowledgeBaseException or IOException or UnauthorizedAccessException)
        {
            var message = ex is KnowledgeBaseException ? ex.Message : $"cannot write backups to {Folder}: {ex.Message}";
            _retryAt = now + (_options.Interval < RetryDelay ? _options.Interval : RetryDelay);
            Log.BackupFailed(_logger, message);
            _errors.Add("backup", message);
            _status.Update(s => s with { LastFailure = new BackupStatus.BackupFailure(now, message), NextDue = NextDue() });
            return null;
        }
    }

    /// <summary>One interval after the newest backup; with none, <see cref="FirstBackupDelay"/> after start; after a failure, its retry time.</summary>
    internal DateTimeOffset NextDue()
    {
        if (_retryAt is { } retry) return retry;
        var newest = Existing().FirstOrDefault();
        return newest.Path is null ? _started + FirstBackupDelay : newest.At + _options.Interval;
    }

    /// <summary>This database's backups in the folder, newest first, with the time in their names.</summary>
    private List<(string Path, DateTimeOffset At)> Existing()
    {
        if (!Directory.Exists(Folder)) return [];
        var pattern = new Regex($"^{Regex.Escape(_stem)}-(\\d{{8}}T\\d{{6}}Z)\\.db$", RegexOptions.CultureInvariant);
        return Directory.EnumerateFiles(Folder)
            .Select(path => (Path: path, Match: pattern.Match(System.IO.Path.GetFileName(path))))
            .Where(f => f.Match.Success)
            .Select(f => (f.Path, At: new DateTimeOffset(DateTime.ParseExact(f.Match.Groups[1].Value, StampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), TimeSpan.Zero)))
            .OrderByDescending(f => f.At)
            .ToList();
    }

    /// <summary>The newest backup found at start, for the status page before this process has taken one.</summary>
    private BackupResult? Newest()
    {
        var newest = Existing().FirstOrDefault();
        return newest.Path is null ? null : new BackupResult("", newest.Path, new FileInfo(newest.Path).Length, -1, -1, newest.At);
    }
}
