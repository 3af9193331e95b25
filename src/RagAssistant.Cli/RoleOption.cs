using System.CommandLine;
using System.CommandLine.Parsing;
using RagAssistant.Core.Access;

namespace RagAssistant.Cli;

/// <summary>A role given on the command line: reader, editor or admin in any casing; anything else is bad usage (exit 2).</summary>
internal static class RoleOption
{
    public const string HelpName = "reader|editor|admin";

    public static string Choices => string.Join(", ", Roles.All.Select(r => r.ToLowerInvariant()));

    public static void Validate(SymbolResult result, string name, string? value)
    {
        if (value is not null && Roles.Parse(value) is null) result.AddError($"{name} {value}: not a role (use {Choices})");
    }
}
