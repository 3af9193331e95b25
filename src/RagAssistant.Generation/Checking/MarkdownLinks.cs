using System.Text.RegularExpressions;

namespace RagAssistant.Generation.Checking;

/// <summary>
/// Markdown link syntax in an answer, rewritten as plain text: <c>[text](url)</c> and <c>![alt](url)</c> become
/// "text (url)", an autolink <c>&lt;http://…&gt;</c> becomes the bare address. The words and the address stay readable,
/// but nothing is a link any more: answers quote documents, and a document must not put a clickable link (a phishing
/// page) under the app's name — the sources are reached through the citation markers.
/// </summary>
public static partial class MarkdownLinks
{
    public static string AsPlainText(string text)
    {
        var plain = Link().Replace(text, m =>
        {
            var label = m.Groups["text"].Value.Trim();
            var url = m.Groups["url"].Value;
            return label.Length == 0 || label == url ? url : $"{label} ({url})";
        });
        return Autolink().Replace(plain, m => m.Groups["url"].Value);
    }

    // [text](url) or ![alt](url), the address optionally in <>, an optional "title". Bounded, so that a stream can hold
    // back an unfinished link without holding back everything after a stray "[": CheckedStream's Tail must reach at
    // least as far (200 characters of text; 2,000 of address plus a title).
    [GeneratedRegex(@"!?\[(?<text>[^\[\]\n]{0,200})\]\([ ]{0,3}<?(?<url>[^()\s<>]{1,2000})>?(?:[ ]{1,3}""[^""\n]{0,200}"")?[ ]{0,3}\)")]
    private static partial Regex Link();

    // <scheme:address> or <name@host>, CommonMark's autolinks.
    [GeneratedRegex(@"<(?<url>[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^<>\s]{1,2000}|[^<>\s@]{1,200}@[^<>\s@]{1,200})>")]
    private static partial Regex Autolink();
}
