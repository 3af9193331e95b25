using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace RagAssistant.Ingestion.Readers;

/// <summary>
/// The elements of an HTML page its readers never see: the <c>hidden</c> attribute; <c>aria-hidden="true"</c> (kept
/// from assistive technology — decoration, duplicates — and an indexer reads the way it does); and styles that hide —
/// <c>display:none</c>, <c>visibility:hidden|collapse</c>, <c>font-size:0</c>, <c>opacity:0</c> — inline or in the
/// page's own &lt;style&gt; rules, matched by their selectors. Rules inside @media and other at-rules only apply at
/// times (in print, on small screens) and are left alone; linked stylesheets are not fetched. A hidden element hides
/// all it holds (a visibility:visible child of a hidden parent is not honoured). Counts the hidden elements that held
/// text, for the document's warning (<see cref="HiddenPassages"/>).
/// </summary>
internal sealed partial class HtmlHiddenElements
{
    private readonly HashSet<IElement> _styled = [];
    private readonly HashSet<IElement> _counted = [];

    public HtmlHiddenElements(IDocument document)
    {
        foreach (var style in document.QuerySelectorAll("style"))
        {
            foreach (var (selector, declarations) in TopLevelRules(style.TextContent))
            {
                if (!HidingStyle().IsMatch(declarations)) continue;
                try
                {
                    foreach (var element in document.QuerySelectorAll(selector)) _styled.Add(element);
                }
                catch (DomException)
                {
                    // A selector AngleSharp does not know (a vendor pseudo-class): nothing it could hide is known either.
                }
            }
        }
    }

    /// <summary>How many hidden elements held text.</summary>
    public int Passages => _counted.Count;

    /// <summary>Whether the element is hidden; a hidden one holding text is counted as a passage left out.</summary>
    public bool Hides(IElement element)
    {
        var hidden = element.HasAttribute("hidden")
                     || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)
                     || HidingStyle().IsMatch(element.GetAttribute("style") ?? "")
                     || _styled.Contains(element);
        if (hidden && !string.IsNullOrWhiteSpace(element.TextContent)) _counted.Add(element);
        return hidden;
    }

    /// <summary>The "selector { declarations }" rules of a stylesheet outside at-rules, comments removed.</summary>
    private static IEnumerable<(string Selector, string Declarations)> TopLevelRules(string css)
    {
        css = Comment().Replace(css, " ");
        var depth = 0;
        var start = 0;
        var selector = "";
        for (var i = 0; i < css.Length; i++)
        {
            switch (css[i])
            {
                case '{':
                    if (depth == 0)
                    {
                        selector = css[start..i].Trim();
                        start = i + 1;
                    }
                    depth++;
                    break;
                case '}' when depth > 0:
                    depth--;
                    if (depth > 0) break;
                    if (selector.Length > 0 && !selector.StartsWith('@')) yield return (selector, css[start..i]);
                    start = i + 1;
                    break;
                case ';' when depth == 0: // a statement at-rule ("@import url(x.css);")
                    start = i + 1;
                    break;
            }
        }
    }

    [GeneratedRegex(@"(?:^|[;{])\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse)|font-size\s*:\s*0(?:\.0*)?(?:px|pt|em|rem|%)?|opacity\s*:\s*0(?:\.0*)?)\s*(?:!\s*important\s*)?(?:;|$)", RegexOptions.IgnoreCase)]
    private static partial Regex HidingStyle();

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();
}
