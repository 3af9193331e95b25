using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace RagAssistant.Web.Answers;

/// <summary>
/// Turns an answer's Markdown into HTML that is safe to show: raw HTML from the model or from quoted documents is
/// escaped, links keep only http(s) and in-page targets, images are dropped (nothing may load from outside the
/// app), and each citation marker [n] becomes a button the page wires to the source panel.
/// </summary>
public static partial class AnswerHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .Build();

    public static string Render(string markdown)
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
            if (!IsSafeUrl(link.Url)) link.Url = "";
        }
        foreach (var link in document.Descendants<AutolinkInline>())
            if (!IsSafeUrl(link.Url)) link.Url = "";
        var html = document.ToHtml(Pipeline);
        return CitationMarker().Replace(html, m => $"<button type=\"button\" class=\"rag-cite\" data-n=\"{m.Groups[1].Value}\">{m.Groups[1].Value}</button>");
    }

    private static bool IsSafeUrl(string? url) =>
        url is not null && (url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                            || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                            || url.StartsWith('#'));

    // [n] with one to three digits, as the citation checker leaves them; a Markdown link was rendered as <a> already.
    [GeneratedRegex(@"\[(\d{1,3})\]")]
    private static partial Regex CitationMarker();
}
