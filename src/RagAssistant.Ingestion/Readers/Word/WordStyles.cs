using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace RagAssistant.Ingestion.Readers.Word;

/// <summary>
/// Paragraph and character styles from styles.xml, resolved through their w:basedOn chain: the heading level a style
/// gives (its w:outlineLvl, else a name such as 'heading 2', '标题 2', 'Title'), the list numbering it carries, and
/// whether it makes text hidden (w:vanish).
/// </summary>
internal sealed partial class WordStyles
{
    private sealed record Info(string? BasedOn, int? OutlineLevel, int? NameLevel, int? NumId, int? NumLevel, bool? Vanish);

    private readonly Dictionary<string, Info> _styles = [];

    public WordStyles(StyleDefinitionsPart? part)
    {
        foreach (var style in part?.Styles?.Elements<Style>() ?? [])
        {
            if (style.StyleId?.Value is not { } id) continue;
            var pPr = style.StyleParagraphProperties;
            var name = style.StyleName?.Val?.Value ?? "";
            int? nameLevel = null;
            var m = HeadingName().Match(name);
            if (m.Success) nameLevel = int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
            else if (name.Equals("Title", StringComparison.OrdinalIgnoreCase) || name == "标题") nameLevel = 1;
            _styles[id] = new Info(style.BasedOn?.Val?.Value, pPr?.OutlineLevel?.Val?.Value, nameLevel,
                pPr?.NumberingProperties?.NumberingId?.Val?.Value, pPr?.NumberingProperties?.NumberingLevelReference?.Val?.Value,
                style.StyleRunProperties?.Vanish is { } vanish ? vanish.Val?.Value ?? true : null);
        }
    }

    /// <summary>1-based heading level of a style, or null for body text.</summary>
    public int? HeadingLevel(string? styleId)
    {
        foreach (var info in Chain(styleId))
        {
            if (info.OutlineLevel is { } outline) return outline is >= 0 and < 9 ? outline + 1 : null;
            if (info.NameLevel is { } level) return level;
        }
        return null;
    }

    /// <summary>The list (numId, level) a style numbers its paragraphs with, if any.</summary>
    public (int NumId, int Level)? Numbering(string? styleId)
    {
        foreach (var info in Chain(styleId))
            if (info.NumId is { } numId) return (numId, info.NumLevel ?? 0);
        return null;
    }

    /// <summary>Whether the style makes its text hidden (or shown, overriding a style it is based on); null when it does not say.</summary>
    public bool? Vanishes(string? styleId)
    {
        foreach (var info in Chain(styleId))
            if (info.Vanish is { } vanish) return vanish;
        return null;
    }

    private IEnumerable<Info> Chain(string? styleId)
    {
        // Depth bound: a damaged file can make basedOn loop.
        for (var depth = 0; styleId is not null && depth < 16 && _styles.TryGetValue(styleId, out var info); depth++)
        {
            yield return info;
            styleId = info.BasedOn;
        }
    }

    [GeneratedRegex(@"^(?:heading|标题)\s*(?<n>[1-9])$", RegexOptions.IgnoreCase)]
    private static partial Regex HeadingName();
}
