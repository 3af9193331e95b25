using System.CommandLine;

namespace RagAssistant.Cli;

/// <summary>Options several commands share.</summary>
internal static class CommonOptions
{
    public static Option<string?> Db() => new("--db") { Description = "Knowledge-base file (default: Rag:Storage:DatabasePath, data/rag.db)", HelpName = "FILE" };

    public static Option<bool> Json() => new("--json") { Description = "Print exactly one JSON document on stdout" };

    public static Option<string?> Library() => new("--library") { Description = "Library (collection) name", HelpName = "NAME" };
}
