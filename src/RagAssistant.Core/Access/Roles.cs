namespace RagAssistant.Core.Access;

/// <summary>
/// The three roles. A Reader asks and views in the libraries granted to them; an Editor also uploads, deletes and
/// re-indexes in the libraries they may write; an Admin reads and writes everything and manages users, libraries and grants.
/// </summary>
public static class Roles
{
    public const string Reader = "Reader";
    public const string Editor = "Editor";
    public const string Admin = "Admin";

    public static IReadOnlyList<string> All { get; } = [Reader, Editor, Admin];

    /// <summary>The role's canonical spelling for any casing ("reader" → "Reader"); null when there is no such role.</summary>
    public static string? Parse(string? name) => All.FirstOrDefault(r => string.Equals(r, name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
