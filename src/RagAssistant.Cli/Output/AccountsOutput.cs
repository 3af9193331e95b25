using System.Globalization;
using RagAssistant.Accounts;

namespace RagAssistant.Cli.Output;

/// <summary>Plain-text tables of users, API keys, libraries and the audit log (without --json).</summary>
internal static class AccountsOutput
{
    public static void WriteUsers(IReadOnlyList<UserSummary> users)
    {
        var o = Console.Out;
        if (users.Count == 0)
        {
            o.WriteLine("no users");
            return;
        }
        o.WriteLine($"{"USER",-24} {"ROLE",-7} {"STATUS",-22} {"KEYS",4}  CREATED");
        foreach (var u in users)
        {
            var status = u.Disabled ? "disabled" : u.LockedUntil is { } until ? $"locked until {Time(until)}" : "active";
            o.WriteLine($"{u.UserName,-24} {u.Role,-7} {status,-22} {u.ApiKeys,4}  {Time(u.CreatedAt)}");
        }
    }

    public static void WriteKeys(IReadOnlyList<ApiKeySummary> keys)
    {
        var o = Console.Out;
        if (keys.Count == 0)
        {
            o.WriteLine("no API keys");
            return;
        }
        o.WriteLine($"{"ID",4}  {"USER",-20} {"NAME",-20} {"PREFIX",-12} {"CREATED",-16}  {"LAST USED",-16}  {"EXPIRES",-16}  REVOKED");
        foreach (var k in keys)
            o.WriteLine($"{k.Id,4}  {k.UserName,-20} {k.Name,-20} {k.Prefix + "…",-12} {Time(k.CreatedAt),-16}  " +
                        $"{(k.LastUsedAt is { } used ? Time(used) : "-"),-16}  {Time(k.ExpiresAt),-16}  {(k.RevokedAt is { } revoked ? Time(revoked) : "-")}");
    }

    public static void WriteLibraries(IReadOnlyList<LibrarySummary> libraries)
    {
        var o = Console.Out;
        if (libraries.Count == 0)
        {
            o.WriteLine("no libraries");
            return;
        }
        foreach (var l in libraries)
        {
            o.WriteLine($"{l.Name}  ({l.Documents} document{(l.Documents == 1 ? "" : "s")}){(string.IsNullOrEmpty(l.Description) ? "" : $" — {l.Description}")}");
            if (l.Grants.Count == 0) o.WriteLine("    no grants (administrators only)");
            foreach (var g in l.Grants) o.WriteLine($"    {g.Access,-5} {g.SubjectKind} {g.Subject}");
        }
    }

    public static void WriteAudit(IReadOnlyList<AuditEntry> entries)
    {
        var o = Console.Out;
        if (entries.Count == 0)
        {
            o.WriteLine("no audit entries");
            return;
        }
        foreach (var e in entries)
            o.WriteLine($"{Time(e.At)}  {e.Actor,-12} {e.Action,-16} {e.Target ?? "-"}{(e.Detail is null ? "" : $"  {e.Detail}")}{(e.Address is null ? "" : $"  from {e.Address}")}");
    }

    /// <summary>Local time to the minute: these tables are read by the person at the terminal.</summary>
    internal static string Time(DateTimeOffset at) => at.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
