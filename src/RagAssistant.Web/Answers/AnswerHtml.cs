using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace RagAssistant.Web.Answers;

/// <summary>
/// Turns an answer's Markdown into HTML that is safe to show: raw HTML from the model or from quoted documents is
/// escaped, images are dropped (nothing may load from outside the app), links are shown as text — their words and an
/// http(s) address after them, never clickable — and each citation marker [n] becomes a button the page wires to the
/// source panel.
/// </summary>
public static partial class AnswerHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .Build();

    public static string Render(string markdown) =>
        CitationMarker().Replace(SafeHtml(markdown), m => $"<button type=\"button\" class=\"rag-cite\" data-n=\"{m.Groups[1].Value}\">{m.Groups[1].Value}</button>");

    /// <summary>The same safe HTML without citation buttons: for document text (a chunk's table), which cites nothing.</summary>
    public static string SafeHtml(string markdown)
    {
        var document = Markdown.Parse(markdown ?? "", Pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (link.IsImage)
            {
                // The alt text stays readable; the picture itself is not fetched.
                link.ReplaceBy(new LiteralInline(link.FirstChild is LiteralInline alt ? alt.Content.ToString() : ""));
                continue;
            }
            // Issue #19: an answer quotes documents, and a model may repeat what they say, so a link in it may be a
            // document's phishing link dressed in the app's answer. Answers cite through their [n] buttons; a link is
            // shown as its words and, when it is a web address, the address as plain text for the reader to judge.
            var shown = new ContainerInline();
            link.ReplaceBy(shown, copyChildren: true);
            if (IsWebAddress(link.Url) && link.Url != Text(shown)) shown.AppendChild(new LiteralInline($" ({link.Url})"));
        }
        foreach (var link in document.Descendants<AutolinkInline>().ToList())
            link.ReplaceBy(new LiteralInline(link.Url));
        return document.ToHtml(Pipeline);
    }

    private static bool IsWebAddress(string? url) =>
        url is not null && (url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase));

    private static string Text(ContainerInline inline) => string.Concat(inline.Descendants<LiteralInline>().Select(l => l.Content.ToString()));

    // [n] with one to three digits, as the citation checker leaves them.
    [GeneratedRegex(@"\[(\d{1,3})\]")]
    private static partial Regex CitationMarker();
}
