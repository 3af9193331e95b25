using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RagAssistant.Storage.Sqlite;
using RagAssistant.Testing;
using RagAssistant.Web.Ingestion;
using RagAssistant.Web.Maintenance;

namespace RagAssistant.Web.Tests.Maintenance;

/// <summary>The web app's scheduled backup, driven by a hand-moved clock over a real knowledge-base file.</summary>
public sealed class ScheduledBackupTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
    private readonly SqliteDatabase _database;
    private readonly BackupStatus _status = new();
    private readonly RecentErrors _errors;

    public ScheduledBackupTests()
    {
        _database = new SqliteDatabase(_temp.File("data/rag.db"));
        _database.Open().Dispose();
        _errors = new RecentErrors(_clock);
    }

    public void Dispose()
    {
        _database.Dispose();
        _temp.Dispose();
    }

    private string Folder => _temp.File("data/backups");

    [Fact]
    public void RunIfDue_WithKeepTwo_KeepsTheTwoNewestBackups()
    {
        var scheduler = Scheduler(new BackupOptions { Interval = TimeSpan.FromHours(1), Keep = 2 });
        Assert.Null(scheduler.RunIfDue()); // none yet: the first is due a while after start
        _clock.Advance(ScheduledBackup.FirstBackupDelay);

        var taken = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            taken.Add(Path.GetFileName(Assert.IsType<BackupResult>(scheduler.RunIfDue()).File));
            _clock.Advance(TimeSpan.FromHours(1));
        }

        Assert.Equal(["rag-20260302T081000Z.db", "rag-20260302T091000Z.db", "rag-20260302T101000Z.db", "rag-20260302T111000Z.db"], taken);
        Assert.Equal(taken[2..], Directory.GetFiles(Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(taken[3], Path.GetFileName(_status.Current.Last!.File));
        Assert.Null(_status.Current.LastFailure);
    }

    [Fact]
    public void RunIfDue_WhenARecentBackupExists_TakesNoneUntilTheIntervalSinceItHasPassed()
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllText(Path.Combine(Folder, "rag-20260302T060000Z.db"), "taken two hours ago by an earlier run of the app");
        File.WriteAllText(Path.Combine(Folder, "notes.txt"), "not a backup: never counted or pruned");
        var scheduler = Scheduler(new BackupOptions { Interval = TimeSpan.FromDays(1), Keep = 1 });

        Assert.Equal(new DateTimeOffset(2026, 3, 3, 6, 0, 0, TimeSpan.Zero), scheduler.NextDue());
        Assert.Null(scheduler.RunIfDue());
        _clock.Advance(TimeSpan.FromHours(21));
        Assert.Null(scheduler.RunIfDue());
        Assert.Equal(2, Directory.GetFiles(Folder).Length);

        _clock.Advance(TimeSpan.FromHours(1));
        Assert.NotNull(scheduler.RunIfDue());
        Assert.Equal(["notes.txt", "rag-20260303T060000Z.db"], Directory.GetFiles(Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void RunIfDue_WhenTheFolderCannotBeMade_RecordsTheFailureForTheStatusPageAndRetriesLater()
    {
        var blocker = _temp.WriteText("data/not-a-folder", "a file where the backup folder should be");
        var scheduler = Scheduler(new BackupOptions { Folder = blocker, Interval = TimeSpan.FromDays(1) });
        _clock.Advance(ScheduledBackup.FirstBackupDelay);

        Assert.Null(scheduler.RunIfDue());

        var failure = Assert.IsType<BackupStatus.BackupFailure>(_status.Current.LastFailure);
        Assert.Contains(blocker, failure.Message);
        Assert.Contains(_errors.List(), e => e.Where == "backup" && e.Message == failure.Message);
        Assert.Equal(_clock.GetUtcNow() + ScheduledBackup.RetryDelay, scheduler.NextDue());
    }

    [Theory]
    [InlineData("00:00:30", false)]
    [InlineData("00:01:00", true)]
    [InlineData("1.00:00:00", true)]
    public void Options_IntervalUnderAMinute_AreRefused(string interval, bool valid)
    {
        var options = new BackupOptions { Interval = TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture) };
        var results = new List<ValidationResult>();
        Assert.Equal(valid, Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        if (!valid) Assert.Contains("Rag:Backup:Interval", results.Single().ErrorMessage);
    }

    private ScheduledBackup Scheduler(BackupOptions options) =>
        new(new KnowledgeBaseBackup(_database, _clock), _database, Options.Create(options), _status, _errors, _clock, NullLogger<ScheduledBackup>.Instance);
}
