using Microsoft.Extensions.Options;
using RagAssistant.Core.Documents;
using RagAssistant.Core.Text;

namespace RagAssistant.Ingestion.Chunking;

/// <summary>
/// Cuts a parsed document into chunks that stay inside one section:
/// prose is packed paragraph by paragraph (and sentence by sentence inside long paragraphs) up to
/// <see cref="IngestionOptions.ChunkTargetTokens"/> counting the context line; a chunk ends at every heading; the
/// next chunk of the same section starts with the previous chunk's last sentence when it fits in
/// <see cref="IngestionOptions.ChunkOverlapTokens"/>. Table rows are packed whole under a repeated header row;
/// no chunk exceeds <see cref="IngestionOptions.ChunkMaxTokens"/>. Context = title › heading path (› table caption);
/// locator = the innermost clause number when the heading has one, else the heading path, else the first paragraph's
/// own locator; for tables "row N" / "rows N-M".
/// </summary>
public sealed class DocumentChunker(IOptions<IngestionOptions> options, ITokenCounter tokens)
{
    private const string PathSeparator = " > ";
    private readonly IngestionOptions _options = options.Value;

    public IReadOnlyList<ChunkDraft> Chunk(ParsedDocument document, string title)
    {
        var chunks = new List<ChunkDraft>();
        var headings = new List<HeadingBlock>();
        var prose = new ProseBuffer();

        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    FlushProse();
                    while (headings.Count > 0 && headings[^1].Level >= heading.Level) headings.RemoveAt(headings.Count - 1);
                    headings.Add(heading);
                    break;
                case ParagraphBlock paragraph:
                    AddParagraph(paragraph);
                    break;
                case TableBlock table:
                    FlushProse();
                    AddTable(table);
                    break;
                case RecordBlock record:
                    FlushProse();
                    AddRecord(record);
                    break;
            }
        }
        FlushProse();
        return chunks;

        string Context(string? extra = null)
        {
            var parts = new List<string> { title };
            parts.AddRange(headings.Select(h => h.Text).Where(h => h != title));
            if (!string.IsNullOrEmpty(extra)) parts.Add(extra);
            return string.Join(PathSeparator, parts);
        }

        string? SectionLocator() => DocumentChunker.SectionLocator(headings, title);

        void AddParagraph(ParagraphBlock paragraph)
        {
            var context = Context();
            var budget = _options.ChunkTargetTokens - tokens.CountTokens(context);
            var paragraphTokens = tokens.CountTokens(paragraph.Text);
            if (prose.Tokens > 0 && prose.Tokens + paragraphTokens > budget) Emit(keepOverlap: true);
            if (prose.Sentences.Count == 0) { prose.Page = paragraph.Page; prose.Locator = paragraph.Locator; }

            if (paragraph.Boxes is { Count: > 0 } boxes) prose.Boxes.AddRange(boxes);
            if (prose.Tokens + paragraphTokens <= budget)
            {
                prose.Add(paragraph.Text, paragraphTokens, newParagraph: true);
                return;
            }
            // A paragraph bigger than the budget: sentence by sentence.
            var first = true;
            foreach (var sentence in SentencesWithin(paragraph.Text, budget))
            {
                var t = tokens.CountTokens(sentence);
                if (prose.Tokens > 0 && prose.Tokens + t > budget)
                {
                    Emit(keepOverlap: true);
                    if (paragraph.Boxes is { Count: > 0 } rest) prose.Boxes.AddRange(rest);
                }
                if (prose.Sentences.Count == 0) { prose.Page ??= paragraph.Page; prose.Locator ??= paragraph.Locator; }
                prose.Add(sentence, t, newParagraph: first);
                first = false;
            }
        }

        void FlushProse()
        {
            if (prose.HasNew) Emit(keepOverlap: false);
            prose.Clear();
        }

        void Emit(bool keepOverlap)
        {
            var text = prose.Text();
            var context = Context();
            chunks.Add(new ChunkDraft(chunks.Count, text, context,
                SectionLocator() ?? prose.Locator ?? $"part {chunks.Count + 1}", prose.Page,
                tokens.CountTokens(ChunkDraft.ComposeIndexedText(context, text))) { Boxes = [.. prose.Boxes] });
            var last = prose.Sentences.Count > 1 ? prose.Sentences[^1] : null;
            prose.Clear();
            if (keepOverlap && last is not null && last.Tokens <= _options.ChunkOverlapTokens)
                prose.AddOverlap(last);
        }

        // A record is one chunk; only a record over the maximum is cut, into labelled lines that each fit.
        void AddRecord(RecordBlock record)
        {
            var context = Context();
            var budget = _options.ChunkMaxTokens - tokens.CountTokens(context);
            var pieces = tokens.CountTokens(record.Text) <= budget ? [record.Text] : PackLines(record.Text.Split('\n'), budget).ToList();
            foreach (var piece in pieces)
                chunks.Add(new ChunkDraft(chunks.Count, piece, context, record.Locator, record.Page,
                    tokens.CountTokens(ChunkDraft.ComposeIndexedText(context, piece))) { Boxes = record.Boxes ?? [] });
        }

        void AddTable(TableBlock table)
        {
            var context = Context(table.Caption);
            var headerLine = table.Header.Count > 0 ? TableText.Row(table.Header) : null;
            // A table without a header: its first rows may still name the columns (a reader of the chunk judges that), but
            // the first row of a later chunk is data, and a separator line opening the chunk says so. A group's own header
            // in force there (TableRowShapes.IsGroupHeader) follows it, under its group row, to label the chunk's rows.
            var separatorLine = table.Rows.Count > 0 ? TableText.Separator(table.Rows.Max(r => r.Cells.Count)) : null;
            var cells = table.Rows.Select(r => r.Cells).ToList();
            string? groupHeaderInForce = null;
            var opening = headerLine;
            var contextTokens = tokens.CountTokens(context);
            var fixedTokens = contextTokens + (opening is null ? 0 : tokens.CountTokens(opening));
            var group = new List<(TableRow Row, string Line, int Tokens)>();
            var groupTokens = 0;

            for (var index = 0; index < table.Rows.Count; index++)
            {
                var row = table.Rows[index];
                var line = TableText.Row(row.Cells);
                var t = tokens.CountTokens(line);
                if (group.Count > 0 && fixedTokens + groupTokens + t > _options.ChunkTargetTokens) EmitRows();
                if (fixedTokens + t > _options.ChunkMaxTokens)
                {
                    EmitOversizedRow(row, line);
                    continue;
                }
                group.Add((row, line, t));
                groupTokens += t;
                if (headerLine is null && TableRowShapes.IsGroupHeader(cells, index))
                    groupHeaderInForce = TableText.Row(table.Rows[index - 1].Cells) + "\n" + line;
            }
            EmitRows();

            void EmitRows()
            {
                if (group.Count == 0) return;
                var lines = group.Select(g => g.Line);
                var text = string.Join('\n', opening is null ? lines : lines.Prepend(opening));
                chunks.Add(new ChunkDraft(chunks.Count, text, context, TableText.RowsLocator(group[0].Row.Locator, group[^1].Row.Locator),
                    table.Page, tokens.CountTokens(ChunkDraft.ComposeIndexedText(context, text)))
                {
                    // Each box keeps its row's number: a citation of one row of the run highlights that row.
                    Boxes = group.SelectMany(g => (g.Row.Boxes ?? []).Select(b => b with { Row = TableText.RowOf(g.Row.Locator) })).ToList(),
                });
                group.Clear();
                groupTokens = 0;
                // The next chunk of the table opens with its header, or, without one, with a separator and the group header in force.
                opening = headerLine ?? (groupHeaderInForce is null ? separatorLine : separatorLine + "\n" + groupHeaderInForce);
                fixedTokens = contextTokens + (opening is null ? 0 : tokens.CountTokens(opening));
            }

            // One row too big for a chunk: "column: value" lines, split into pieces that each fit.
            void EmitOversizedRow(TableRow row, string line)
            {
                var labelled = TableText.Labelled(table.Header, row.Cells);
                var budget = _options.ChunkMaxTokens - tokens.CountTokens(context);
                foreach (var piece in PackLines(labelled, budget))
                    chunks.Add(new ChunkDraft(chunks.Count, piece, context, row.Locator, table.Page,
                        tokens.CountTokens(ChunkDraft.ComposeIndexedText(context, piece))) { Boxes = row.Boxes ?? [] });
            }
        }
    }

    private IEnumerable<string> SentencesWithin(string text, int budget)
    {
        foreach (var sentence in SentenceSplitter.Split(text))
        {
            if (tokens.CountTokens(sentence) <= budget) { yield return sentence; continue; }
            // Shrink the character window until every piece fits the budget.
            var maxChars = Math.Max(16, budget * 2);
            List<string> pieces;
            do
            {
                pieces = SentenceSplitter.BreakLong(sentence, maxChars).ToList();
                maxChars = maxChars * 3 / 4;
            } while (pieces.Any(p => tokens.CountTokens(p) > budget) && maxChars > 8);
            foreach (var piece in pieces) yield return piece;
        }
    }

    private IEnumerable<string> PackLines(IEnumerable<string> lines, int budget)
    {
        var current = new List<string>();
        var used = 0;
        foreach (var line in lines.SelectMany(l => SentencesWithin(l, budget)))
        {
            var t = tokens.CountTokens(line);
            if (current.Count > 0 && used + t > budget)
            {
                yield return string.Join('\n', current);
                current.Clear();
                used = 0;
            }
            current.Add(line);
            used += t;
        }
        if (current.Count > 0) yield return string.Join('\n', current);
    }

    /// <summary>
    /// What a prose chunk under these open headings cites: the innermost heading's clause number when it has one, else
    /// the heading path without the document's title; null outside any heading.
    /// </summary>
    public static string? SectionLocator(IReadOnlyList<HeadingBlock> headings, string title)
    {
        if (headings.Count == 0) return null;
        return NumberedHeadingLocator(headings[^1].Text)
               ?? string.Join(PathSeparator, headings.Select(h => h.Text).Where(h => h != title)) switch { "" => null, var path => path };
    }

    private static string? NumberedHeadingLocator(string heading) =>
        Readers.NumberedHeading.ClauseNumberOf(heading);

    /// <summary>Sentences collected for the chunk being built.</summary>
    private sealed class ProseBuffer
    {
        public List<Sentence> Sentences { get; } = [];
        public int Tokens { get; private set; }
        public int? Page { get; set; }
        public string? Locator { get; set; }
        /// <summary>Boxes of the paragraphs that contributed (a long paragraph's boxes go to each of its chunks).</summary>
        public List<PageBox> Boxes { get; } = [];
        /// <summary>False when the buffer holds only the overlap carried from the previous chunk.</summary>
        public bool HasNew => Sentences.Any(s => !s.IsOverlap);

        public void Add(string text, int tokens, bool newParagraph)
        {
            Sentences.Add(new Sentence(text, tokens, newParagraph && Sentences.Count > 0, false));
            Tokens += tokens;
        }

        public void AddOverlap(Sentence sentence)
        {
            Sentences.Add(sentence with { StartsParagraph = false, IsOverlap = true });
            Tokens += sentence.Tokens;
        }

        public string Text()
        {
            var sb = new System.Text.StringBuilder();
            foreach (var s in Sentences)
            {
                if (sb.Length > 0) sb.Append(s.StartsParagraph ? "\n" : CjkText.IsCjk(sb[^1]) || sb[^1] is '。' or '；' or '！' or '？' ? "" : " ");
                sb.Append(s.Text);
            }
            return sb.ToString();
        }

        public void Clear()
        {
            Sentences.Clear();
            Tokens = 0;
            Page = null;
            Locator = null;
            Boxes.Clear();
        }
    }

    private sealed record Sentence(string Text, int Tokens, bool StartsParagraph, bool IsOverlap);
}
