using RagAssistant.Core.Documents;

namespace RagAssistant.Ingestion.Readers;

/// <summary>
/// The levels of numbered headings in a document numbered the Chinese way, set by the numbering kinds it uses. Chinese
/// documents nest their numbering in one fixed order — 第…编/篇 › 第…章 › 第…节 › 第…条 › 一、 › （一） › 1 — but each
/// starts wherever it likes: an annual report's top level is 第一节 with 一、 under it, a handbook's is 第一章, a notice's
/// is 一、. A fixed level per kind (节 = 2, 一、 = 1, "2 应收款项" = 1) nests the report's 第六节 under the 十三、 of the
/// section before it; ranking the kinds present makes the topmost kind level 1 and each next kind one deeper, Arabic
/// clause numbers last with their dotted depth below that (1.1 under 1, or under 第一章 where no "1" stands alone). A
/// heading without a number keeps its place under the numbered heading above it (its level moves with that heading's).
/// A document with no Chinese numbering (a GB/T standard's 4.2.3 clauses) is left as it is.
/// </summary>
public static class ChineseHeadingRanks
{
    /// <summary>Where Arabic clause numbers stand after the Chinese kinds (<see cref="NumberedHeading.ChineseKindOf"/>).</summary>
    private const int ArabicKind = 6;

    public static void Apply(IList<DocumentBlock> blocks)
    {
        var numbered = blocks.OfType<HeadingBlock>().Select(h => KindOf(h.Text)).Where(k => k.Kind is not null).ToList();
        var kinds = numbered.Select(k => k.Kind!.Value).Distinct().Order().ToList();
        if (!kinds.Any(k => k < ArabicKind)) return;
        // Under 第一章 the clauses are 1.1, 1.2 (the chapter's own number first): the shallowest Arabic depth present is
        // the level just below the Chinese kinds.
        var shallowest = numbered.Where(k => k.Kind == ArabicKind).Select(k => k.Depth).DefaultIfEmpty(1).Min();
        var shift = 0;
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is not HeadingBlock heading) continue;
            var (kind, depth) = KindOf(heading.Text);
            if (kind is { } k)
            {
                var level = Math.Min(6, kinds.IndexOf(k) + 1 + (k == ArabicKind ? depth - shallowest : 0));
                shift = level - heading.Level;
                blocks[i] = heading with { Level = level };
            }
            else if (NumberedHeading.TryParse(heading.Text, out _, out _)) shift = 0;
            else if (shift != 0) blocks[i] = heading with { Level = Math.Clamp(heading.Level + shift, 1, 6) };
        }
    }

    /// <summary>The heading's numbering kind and its depth within the kind (a dotted Arabic number's parts; 1 otherwise).</summary>
    private static (int? Kind, int Depth) KindOf(string heading)
    {
        if (NumberedHeading.ChineseKindOf(heading) is { } chinese) return (chinese, 1);
        return NumberedHeading.TryParse(heading, out var level, out var number) && number.Length > 0 && char.IsAsciiDigit(number[0])
            ? (ArabicKind, level)
            : (null, 1);
    }
}
