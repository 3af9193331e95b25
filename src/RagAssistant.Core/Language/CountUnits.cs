namespace RagAssistant.Core.Language;

/// <summary>
/// The spellings of the units count questions ask in (件 / pcs / pieces, 天 / days), from the data file count-units.tsv:
/// "这个批次挑出来多少件不良" is answered by "18 pcs NG found".
/// </summary>
public static class CountUnits
{
    private static readonly Lazy<Dictionary<string, string[]>> Spellings = new(() => LanguagePatterns.ReadResource("count-units.tsv")
        .Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0 && !l.StartsWith('#'))
        .Select(l => l.Split('\t'))
        .ToDictionary(p => p[0], p => p.Length > 1 ? p[1].Split('|', StringSplitOptions.RemoveEmptyEntries) : [], StringComparer.OrdinalIgnoreCase));

    /// <summary>The unit and its other spellings.</summary>
    public static IReadOnlyList<string> SpellingsOf(string unit) =>
        Spellings.Value.TryGetValue(unit, out var others) ? [unit, .. others] : [unit];
}
