using System.ComponentModel.DataAnnotations;

namespace RagAssistant.Web.Maintenance;

/// <summary>The web app's scheduled backups, bound from <c>Rag:Backup</c> and validated at start.</summary>
public sealed class BackupOptions : IValidatableObject
{
    public const string Section = "Rag:Backup";

    /// <summary>Whether the app takes backups on its own. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Time between backups, counted from the newest backup in <see cref="Folder"/> (so a restart does not take one more).
    /// Default one day (<c>1.00:00:00</c>); at least one minute.
    /// </summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Backups kept; the oldest beyond this are deleted after each new one. Default 7.</summary>
    [Range(1, 10_000)]
    public int Keep { get; set; } = 7;

    /// <summary>Where backups go. Default empty: <c>backups</c> beside the database (<c>data/backups</c>). Relative paths are taken from the working directory.</summary>
    public string Folder { get; set; } = "";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Interval < TimeSpan.FromMinutes(1))
            yield return new ValidationResult($"Rag:Backup:Interval must be at least 00:01:00 (it is {Interval})", [nameof(Interval)]);
    }
}
