using System.CommandLine;

namespace RagAssistant.Cli;

/// <summary>Options several commands share.</summary>
internal static class CommonOptions
{
    public static Option<string?> Db() => new("--db") { Description = "Knowledge-base file (default: Rag:Storage:DatabasePath, data/rag.db)", HelpName = "FILE" };

    public static Option<bool> Json() => new("--json") { Description = "Print exactly one JSON document on stdout" };

    /// <summary>Run as this account (its library grants); without it the command is the trusted local administrator.</summary>
    public static Option<string?> User() => new("--user") { Description = "Run as this user, seeing only the libraries granted to them (default: the local administrator, every library)", HelpName = "NAME" };

    /// <summary>A file whose first line (trimmed) is a password, so it stays out of the shell history.</summary>
    public static Option<string?> PasswordFile(string description) => new("--password-file") { Description = description, HelpName = "FILE" };

    public static Option<string?> Library() => new("--library") { Description = "Library (collection) name", HelpName = "NAME" };
}
