using System.Globalization;
using System.Text;
using RagAssistant.Core.Answers;
using RagAssistant.Web.Localization;

namespace RagAssistant.Web.Conversations;

/// <summary>
/// A conversation written as Markdown for people to keep or pass on: the title, then each question, its answer and its
/// numbered sources ("[1] title · identity · revision · file · library · page · locator"), in the words of the UI's
/// language. A source is named by its file name and library — never by the server path it was read from.
/// </summary>
public static class ConversationMarkdown
{
    public static string Write(Conversation conversation, UiText text, DateTimeOffset exportedAt)
    {
        var t = text.Chat;
        var md = new StringBuilder();
        md.Append("# ").AppendLine(OneLine(conversation.Title)).AppendLine();
        md.AppendLine(Format(t.ExportedAtFormat, exportedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)));
        var n = 0;
        foreach (var turn in conversation.Turns)
        {
            md.AppendLine().Append("## ").Append(++n).Append(". ").AppendLine(OneLine(turn.Question)).AppendLine();
            md.Append("**").Append(t.Question).Append("**: ").AppendLine(turn.Question.Trim()).AppendLine();
            md.Append("**").Append(t.Answer).AppendLine("**:").AppendLine();
            md.AppendLine(string.IsNullOrWhiteSpace(turn.Answer.Answer) ? t.NotAnswered : turn.Answer.Answer.Trim()).AppendLine();
            md.Append("**").Append(t.Sources).AppendLine("**:").AppendLine();
            if (turn.Answer.Citations.Count == 0) md.AppendLine(t.NoSources);
            foreach (var citation in turn.Answer.Citations.OrderBy(c => c.N)) md.Append("- ").AppendLine(Source(citation, text));
        }
        return md.ToString();
    }

    /// <summary>"[1] 输出轴 工艺过程卡 · 编号 JD-2105-0318 · 版本 B · 文件 JD-2105-0318.xlsx · 库 默认库 · 工序卡!A14:K14".</summary>
    public static string Source(Citation citation, UiText text)
    {
        var t = text.Chat;
        var parts = new List<string> { $"[{citation.N}] {OneLine(citation.Title)}" };
        if (citation.Identity is { Length: > 0 } identity) parts.Add($"{t.Identity} {identity}");
        if (citation.Revision is { Length: > 0 } revision) parts.Add($"{t.Revision} {revision}" + (citation.Superseded ? $" ({t.Superseded})" : ""));
        parts.Add($"{t.File} {Path.GetFileName(citation.Source)}");
        if (citation.Library is { Length: > 0 } library) parts.Add($"{t.Library} {text.Labels.Library(library)}");
        if (citation.Page is { } page) parts.Add(text.Labels.Locator($"page {page}"));
        if (citation.Locator is { Length: > 0 } locator) parts.Add($"{t.Locator} {text.Labels.Locator(locator)}");
        return string.Join(" · ", parts);
    }

    /// <summary>A file name for the download: the title without characters file systems refuse, else "conversation".</summary>
    public static string FileName(Conversation conversation)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['"', '<', '>', '|', ':', '*', '?', '\\', '/']).ToHashSet();
        var name = new string(conversation.Title.Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c).ToArray()).Trim(' ', '.', '_');
        return (name.Length == 0 ? "conversation" : name) + ".md";
    }

    private static string OneLine(string value) => ConversationTitles.Normalize(value);

    private static string Format(string format, params object[] values) => string.Format(CultureInfo.InvariantCulture, format, values);
}
