using System.Text.RegularExpressions;
using RagAssistant.Core.Documents;
using RagAssistant.Core.Text;

namespace RagAssistant.Generation.Extractive;

/// <summary>
/// Cuts a chunk's text into quotable units. Recognises the shapes the readers write: process-card and CSV rows as
/// "label: value | label: value" lines, tables as Markdown-style "| a | b |" lines under a header line, header blocks
/// as "label: value" lines, and prose, cut into sentences (Chinese 。！？； and English . ? ! before a space). The
/// lengths that recognise these shapes (a field line of at most 120 characters, label cells of at most 12, at most 8
/// columns of a label/value grid, 3 header rows) describe what the readers write, not what answers well; the one length
/// that shapes answers, the longest sentence, is <see cref="AnswerOptions.MaxSentenceChars"/>.
/// </summary>
public static partial class UnitSplitter
{
    /// <param name="maxSentenceChars">A longer sentence is cut at commas into pieces of at most this length (<see cref="AnswerOptions.MaxSentenceChars"/>).</param>
    public static IReadOnlyList<AnswerUnit> Split(string text, int maxSentenceChars)
    {
        var units = new List<AnswerUnit>();
        var table = new List<string>();
        var fieldLines = new List<(string Line, string Label, string Value)>();
        string? section = null;
        // Units are added under the label line in force when they are flushed (a table's own group rows come first).
        void Add(AnswerUnit unit) => units.Add(section is null || unit.Section is not null ? unit : unit with { Section = section });
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.StartsWith('|'))
            {
                FlushFields(Add, fieldLines);
                table.Add(line);
                continue;
            }
            FlushTable(Add, table);
            if (RecordLine(line) is { } fields)
            {
                FlushFields(Add, fieldLines);
                Add(new AnswerUnit(UnitKind.Record, line, fields));
                continue;
            }
            var field = FieldLine().Match(line);
            if (field.Success && line.Length <= 120)
            {
                fieldLines.Add((line, field.Groups["label"].Value.Trim(), field.Groups["value"].Value.Trim()));
                continue;
            }
            FlushFields(Add, fieldLines);
            var piece = 0;
            foreach (var sentence in Sentences(line, maxSentenceChars))
                Add(new AnswerUnit(UnitKind.Sentence, sentence, []) { Place = new SentencePlace(i, piece++) });
            // The label itself stays a unit (under the label before it); what follows stands under it.
            if (i + 1 < lines.Count && IsLabelLine(line)) section = line.TrimEnd(':', '：');
        }
        FlushTable(Add, table);
        FlushFields(Add, fieldLines);
        return units;
    }

    /// <summary>
    /// A line that labels the lines after it: short (at most 16 characters, or 6 words in a script with spaces), with no
    /// digit and no sentence punctuation, or ending in a colon. Such a line states nothing; it names a group.
    /// </summary>
    private static bool IsLabelLine(string line)
    {
        if (line.Any(char.IsDigit) || SentenceEnd().IsMatch(line + " ") || line.Contains('|')) return false;
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return CjkText.ContainsCjk(line) ? line.Length <= 16 : words <= 6 && line.Length <= 60;
    }

    /// <summary>The text's table rows (no sentence length cuts a row).</summary>
    public static IEnumerable<AnswerUnit> TableRows(string text) =>
        Split(text, int.MaxValue).Where(u => u.Kind == UnitKind.TableRow);

    /// <summary>Consecutive "label: value" lines are one header block (a card's or a document's header): one record unit.</summary>
    private static void FlushFields(Action<AnswerUnit> add, List<(string Line, string Label, string Value)> lines)
    {
        if (lines.Count == 1) add(new AnswerUnit(UnitKind.Field, lines[0].Line, [(lines[0].Label, lines[0].Value)]));
        else if (lines.Count > 1) add(new AnswerUnit(UnitKind.Record, string.Join("\n", lines.Select(l => l.Line)), lines.Select(l => (l.Label, l.Value)).ToList()));
        lines.Clear();
    }

    /// <summary>
    /// A table: one unit per row, labelled by the header row — unless it is a grid of label/value pairs (two columns, or
    /// label cells alternating with values as in a document's header table), which is one record unit.
    /// </summary>
    private static void FlushTable(Action<AnswerUnit> add, List<string> lines)
    {
        // A table that opens with a separator line has no header (TableText.Separator): its first row is data.
        var headerless = lines.Count > 0 && IsSeparator(Cells(lines[0]));
        var rows = lines.Select(l => (Line: l, Cells: Cells(l)))
            .Where(r => !IsSeparator(r.Cells) && r.Cells.Any(c => c.Length > 0))
            .ToList();
        lines.Clear();
        if (rows.Count == 0) return;
        if (IsLabelValueGrid(rows.Select(r => r.Cells).ToList()))
        {
            var pairs = new List<(string, string)>();
            foreach (var (_, cells) in rows)
                for (var i = 0; i + 1 < cells.Length; i += 2)
                    if (cells[i].Length > 0 && cells[i + 1].Length > 0) pairs.Add((cells[i], cells[i + 1]));
            // A two-column table often opens with a header such as "Item | Value": not a pair of the grid.
            if (pairs.Count > 1 && rows[0].Cells.Length == 2 && !rows[0].Cells[1].Any(char.IsDigit) && rows[0].Cells.All(c => c.Length <= 12)
                && GridHeader().IsMatch(rows[0].Cells[0]))
                pairs.RemoveAt(0);
            add(new AnswerUnit(UnitKind.Record, string.Join("\n", rows.Select(r => r.Line)), pairs));
            return;
        }
        if (rows.Count == 1 && !headerless)
        {
            add(new AnswerUnit(UnitKind.TableRow, rows[0].Line, rows[0].Cells.Where(c => c.Length > 0).Select(c => ("", c)).ToList()));
            return;
        }
        var cellRows = rows.Select(r => (IReadOnlyList<string>)r.Cells).ToList();
        var headerRows = headerless ? 0 : HeaderRows(rows.Select(r => r.Cells).ToList());
        var header = headerless ? [] : MergedHeader(rows.Take(headerRows).Select(r => r.Cells).ToList());
        string? group = null;
        var opensGroup = false;
        for (var r = headerRows; r < rows.Count; r++)
        {
            var (line, cells) = rows[r];
            // A group may bring its own header ("前 10 名无限售条件股东持股情况", then "股东名称 | … | 股份种类"): labels over
            // the rows of numbers that follow.
            if (opensGroup && TableRowShapes.IsGroupHeader(cellRows, r))
            {
                header = cells;
                opensGroup = false;
                continue;
            }
            var unit = new AnswerUnit(UnitKind.TableRow, line, Pair(header, cells));
            add(group is null ? unit : unit with { Section = group });
            opensGroup = IsGroupRow(cells);
            if (opensGroup) group = cells[0];
        }
    }

    private static bool IsGroupRow(string[] cells) => TableRowShapes.IsGroupRow(cells);

    /// <summary>
    /// How many leading rows make the header. A header whose cells wrapped can reach us as several rows — the full row of
    /// column names with sparse rows of fragments above or below it ("Polarization" / "resistance (Ω)", a superscript
    /// "2" of cm²). Sparse rows (at least half their cells empty) right around the first full row belong to it, those
    /// below it only while they hold no number (a sparse row of values is data); at most three rows in all, and always
    /// at least one data row left. A full row holding a passage longer than a label is data: the sparse row above it is
    /// the header alone.
    /// </summary>
    private static int HeaderRows(List<string[]> rows)
    {
        var first = rows.FindIndex(r => !IsSparse(r));
        if (first < 0 || first > 1) return 1;
        // A full row holding a passage (a form's question, a sentence) is data under a sparse title row, not the rest of its labels.
        if (first == 1 && rows[1].Any(c => c.Length > MaxHeaderLabelChars)) return 1;
        var count = first + 1;
        while (count < 3 && count < rows.Count - 1 && IsSparse(rows[count]) && !rows[count].Any(c => c.Any(char.IsDigit)) && !IsCapitalGroupRow(rows[count]))
            count++;
        return count;
    }

    /// <summary>
    /// A group row in capitals ("POWER SUPPLIES") right under the header opens the first group; a wrapped header's
    /// fragment in the first column continues its label in lower case ("concentration (g)").
    /// </summary>
    private static bool IsCapitalGroupRow(string[] cells) =>
        IsGroupRow(cells) && cells[0].Any(char.IsLetter) && !cells[0].Any(char.IsLower);

    /// <summary>A column label is short: a cell longer than this is a passage, not a label.</summary>
    private const int MaxHeaderLabelChars = 40;

    private static bool IsSparse(string[] cells) => cells.Length >= 3 && cells.Count(c => c.Length == 0) * 2 >= cells.Length;

    /// <summary>One label per column: the parts of the header rows joined top to bottom ("Polarization resistance (Ω)").</summary>
    private static string[] MergedHeader(List<string[]> headerRows)
    {
        if (headerRows.Count == 1) return headerRows[0];
        var columns = headerRows.Max(r => r.Length);
        return Enumerable.Range(0, columns)
            .Select(i => string.Join(" ", headerRows.Select(r => i < r.Length ? r[i] : "").Where(p => p.Length > 0)))
            .ToArray();
    }

    /// <summary>
    /// Two columns, or an even number of columns whose even cells are all short labels without digits. Two columns whose
    /// first row is words over rows keyed by numbers ("Chuck pressure (MPa) | Max. speed (r/min)" over "1.2 | 1400", "规格 |
    /// 扭矩" over "M8 | 25 N·m") are a header over data rows: a number names an entry, it labels nothing.
    /// </summary>
    private static bool IsLabelValueGrid(List<string[]> rows)
    {
        var columns = rows.Max(r => r.Length);
        if (columns == 2) return !IsHeaderOverNumberedRows(rows);
        if (columns % 2 != 0 || columns > 8) return false;
        return rows.All(r => r.Where((_, i) => i % 2 == 0).All(c => c.Length is > 0 and <= 12 && !c.Any(char.IsDigit)))
               && rows[0].Where((_, i) => i % 2 == 1).Any(c => c.Any(char.IsDigit));
    }

    private static bool IsHeaderOverNumberedRows(List<string[]> rows) =>
        rows.Count >= 3 && !rows[0].Any(c => c.Any(char.IsDigit)) && rows.Skip(1).All(r => r.Length > 0 && r[0].Any(char.IsDigit));

    /// <summary>"label: value | label: value | …" with at least three labelled cells.</summary>
    private static List<(string Label, string Value)>? RecordLine(string line)
    {
        if (!line.Contains(" | ", StringComparison.Ordinal)) return null;
        var parts = line.Split(" | ");
        var fields = new List<(string, string)>();
        foreach (var part in parts)
        {
            var m = FieldLine().Match(part.Trim());
            if (!m.Success) return null;
            fields.Add((m.Groups["label"].Value.Trim(), m.Groups["value"].Value.Trim()));
        }
        return fields.Count >= 3 ? fields : null;
    }

    private static bool IsSeparator(string[] cells) => TableRowShapes.IsSeparatorRow(cells);

    private static string[] Cells(string line) => TableRowShapes.Cells(line);

    private static List<(string, string)> Pair(string[] header, string[] cells)
    {
        var fields = new List<(string, string)>();
        for (var i = 0; i < cells.Length; i++)
        {
            if (cells[i].Length == 0) continue;
            fields.Add((i < header.Length ? header[i] : "", cells[i]));
        }
        return fields;
    }

    private static IEnumerable<string> Sentences(string line, int maxChars)
    {
        var start = 0;
        foreach (Match m in SentenceEnd().Matches(line))
        {
            var end = m.Index + m.Length;
            var sentence = line[start..end].Trim();
            if (sentence.Length > 0) foreach (var piece in Limit(sentence, maxChars)) yield return piece;
            start = end;
        }
        var rest = line[start..].Trim();
        if (rest.Length > 0) foreach (var piece in Limit(rest, maxChars)) yield return piece;
    }

    /// <summary>
    /// Very long sentences are cut at commas so a quote stays short: each piece ends at the last comma (or space) within
    /// <paramref name="maxChars"/>, unless that would leave it shorter than a third of them — then it is cut at the limit.
    /// </summary>
    private static IEnumerable<string> Limit(string sentence, int maxChars)
    {
        if (sentence.Length <= maxChars) { yield return sentence; yield break; }
        var start = 0;
        while (start < sentence.Length)
        {
            var length = Math.Min(maxChars, sentence.Length - start);
            if (start + length < sentence.Length)
            {
                var cut = sentence.LastIndexOfAny(['，', ',', '、', ' '], start + length - 1, length);
                if (cut > start + maxChars / 3) length = cut - start + 1;
            }
            yield return sentence.Substring(start, length).Trim();
            start += length;
        }
    }

    [GeneratedRegex(@"^(item|field|name|key|parameter|项目|名称|参数)$", RegexOptions.IgnoreCase)]
    private static partial Regex GridHeader();

    // A short label (no sentence punctuation) then a colon then a value.
    [GeneratedRegex(@"^(?<label>[^:：。！？!?|]{1,30}?)\s*[:：]\s*(?<value>\S.*)$")]
    private static partial Regex FieldLine();

    // Chinese sentence ends; English . ! ? followed by a space (not a decimal point or an abbreviation like "No. 3"); and a
    // period glued to the next sentence, as PDF text often comes ("liquid flows.Taking …"): after a lower-case word of
    // three or more letters, before a capitalised word (not "Sepal.Length" or "lp.Detectron2", which are names).
    [GeneratedRegex(@"[。！？；]+|(?<![A-Z][a-z]?|\d)[.!?;](?=\s)|(?<=(?<![A-Za-z])[a-z]{3,})\.(?=[A-Z][a-z])")]
    private static partial Regex SentenceEnd();
}
