using System.Globalization;
using System.Text.RegularExpressions;
using RagAssistant.Core.Documents;
using RagAssistant.Core.Language;
using RagAssistant.Web.Localization;

namespace RagAssistant.Web.Conversations;

/// <summary>
/// Questions the empty Ask page offers to start with, made from the documents the user may read — never from a
/// library they may not, since the documents come through <see cref="ProtectedKnowledgeBase"/> with their scope.
/// </summary>
public sealed partial class ExampleQuestions(ProtectedKnowledgeBase knowledgeBase)
{
    /// <summary>Enough to show the range of the knowledge base without pushing the question box off a phone's screen.</summary>
    public const int Count = 5;

    /// <summary>A heading longer than this reads as a sentence, not a topic: the kind's question is asked instead.</summary>
    private const int MaxHeadingChars = 20;

    /// <summary>
    /// Deterministic: the current (not superseded), ready documents ordered by kind (process cards, standards, work
    /// instructions, manuals, other), then by identity or title and id; taken one per kind in turn until
    /// <see cref="Count"/>, so the examples cover what the knowledge base holds. Each names its document by identity
    /// (else title) and asks about the first heading inside it that says something of the document (a clause or
    /// section title, its number dropped; not "范围" or "Scope"), or — for a process card, or with no such heading —
    /// the question that suits its kind, in the UI's language.
    /// </summary>
    public async Task<IReadOnlyList<string>> ForAsync(AccessScope scope, UiText text, CancellationToken ct = default)
    {
        var documents = await knowledgeBase.ListDocumentsAsync(scope, ct: ct);
        var picked = Pick(documents);
        var questions = new List<string>(picked.Count);
        foreach (var document in picked)
        {
            var chunks = await knowledgeBase.GetChunksAsync(scope, document.Id, ct);
            var question = Compose(document, FirstHeading(document, chunks), text.Chat);
            if (!questions.Contains(question, StringComparer.Ordinal)) questions.Add(question);
        }
        return questions;
    }

    internal static IReadOnlyList<StoredDocument> Pick(IReadOnlyList<StoredDocument> documents)
    {
        var byKind = documents
            .Where(d => d.Status == DocumentStatus.Ready && !d.Superseded && d.Chunks > 0)
            .GroupBy(d => d.Kind)
            .OrderBy(g => KindOrder(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Queue<StoredDocument>(g.OrderBy(Name, StringComparer.Ordinal).ThenBy(d => d.Id)))
            .ToList();
        var picked = new List<StoredDocument>();
        while (picked.Count < Count && byKind.Any(q => q.Count > 0))
        {
            foreach (var queue in byKind)
            {
                if (picked.Count == Count) break;
                if (queue.TryDequeue(out var document)) picked.Add(document);
            }
        }
        return picked;
    }

    internal static string Compose(StoredDocument document, string? heading, ConversationText text)
    {
        var name = Name(document);
        // A process card's headings are sheet names and operations: its own question (operations and machines) asks better.
        if (heading is not null && document.Kind != DocumentKind.ProcessCard) return Format(text.AskHeadingFormat, name, heading);
        return Format(document.Kind switch
        {
            DocumentKind.ProcessCard => text.AskProcessCardFormat,
            DocumentKind.Standard => text.AskStandardFormat,
            DocumentKind.WorkInstruction => text.AskWorkInstructionFormat,
            DocumentKind.Manual => text.AskManualFormat,
            _ => text.AskOtherFormat,
        }, name);
    }

    /// <summary>
    /// The first heading under the title in the chunks' context paths ("title &gt; 3 拧紧要求" gives "拧紧要求"), skipping
    /// ones that only repeat the title or identity, are too long, carry no letter, open every document (scope, foreword,
    /// terms: the framing-section patterns answering also reads) or name the company that issued it (a cover page's
    /// "江东精密机械有限公司").
    /// </summary>
    internal static string? FirstHeading(StoredDocument document, IReadOnlyList<StoredChunk> chunks)
    {
        foreach (var chunk in chunks.OrderBy(c => c.Ordinal))
        {
            var parts = chunk.Context.Split(" > ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            foreach (var part in parts.Skip(1))
            {
                var heading = Numbering().Replace(part, "").Trim();
                if (heading.Length is 0 or > MaxHeadingChars || !heading.Any(char.IsLetter) || Framing(heading)) continue;
                if (document.Title.Contains(heading, StringComparison.OrdinalIgnoreCase)) continue;
                if (document.Identity is { } identity && heading.Contains(identity, StringComparison.OrdinalIgnoreCase)) continue;
                return heading;
            }
        }
        return null;
    }

    /// <summary>
    /// A heading every standard or manual opens with, or a company's name: asking about it teaches nothing about the
    /// document. The framing sections are the patterns answering reads (patterns.tsv); the rest are headings of the
    /// document's housekeeping that no answer rule needs.
    /// </summary>
    private static bool Framing(string heading) =>
        LanguagePatterns.PurposeHeading.IsMatch(heading) || LanguagePatterns.FrontMatterHeading.IsMatch(heading)
        || LanguagePatterns.DefinitionHeading.IsMatch(heading) || LanguagePatterns.OrganizationName.IsMatch(heading)
        || Housekeeping.Contains(heading);

    private static readonly HashSet<string> Housekeeping = new(StringComparer.OrdinalIgnoreCase)
    {
        "规范性引用文件", "引用文件", "概述", "总则", "封面", "修订记录", "版本记录", "变更记录", "附录",
        "Normative references", "References", "General", "Revision history", "Appendix",
    };

    private static string Name(StoredDocument document) => document.Identity ?? document.Title;

    private static int KindOrder(string kind) => kind switch
    {
        DocumentKind.ProcessCard => 0,
        DocumentKind.Standard => 1,
        DocumentKind.WorkInstruction => 2,
        DocumentKind.Manual => 3,
        _ => 4,
    };

    private static string Format(string format, params object[] values) => string.Format(CultureInfo.InvariantCulture, format, values);

    /// <summary>A clause number or chapter mark before a heading: "3 ", "4.2.1 ", "第3章 ", "一、", "(2) ".</summary>
    [GeneratedRegex(@"^(?:第[0-9一二三四五六七八九十]+[章节条部分]\s*|[0-9]+(?:\.[0-9]+)*\.?\s*|[一二三四五六七八九十]+[、.．]\s*|[(（][0-9]+[)）]\s*)")]
    private static partial Regex Numbering();
}
