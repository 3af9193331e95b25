using System.Text.RegularExpressions;

namespace RagAssistant.Generation.Extractive;

/// <summary>
/// Cuts a chunk's text into quotable units. Recognises the shapes the readers write: process-card and CSV rows as
/// "label: value | label: value" lines, tables as Markdown-style "| a | b |" lines under a header line, header blocks
/// as "label: value" lines, and prose, cut into sentences (Chinese 。！？； and English . ? ! before a space).
/// </summary>
public static partial class UnitSplitter
{
    private const int MaxUnitChars = 400;

    public static IReadOnlyList<AnswerUnit> Split(string text)
    {
        var units = new List<AnswerUnit>();
        string[]? header = null;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0) continue;
            if (line.StartsWith('|'))
            {
                var cells = Cells(line);
                if (cells.All(c => c.Length == 0 || SeparatorCell().IsMatch(c))) continue;
                if (header is null) { header = cells; continue; }
                units.Add(new AnswerUnit(UnitKind.TableRow, line, Pair(header, cells)));
                continue;
            }
            header = null;
            if (RecordLine(line) is { } fields)
            {
                units.Add(new AnswerUnit(UnitKind.Record, line, fields));
                continue;
            }
            var field = FieldLine().Match(line);
            if (field.Success && line.Length <= 120)
            {
                units.Add(new AnswerUnit(UnitKind.Field, line, [(field.Groups["label"].Value.Trim(), field.Groups["value"].Value.Trim())]));
                continue;
            }
            foreach (var sentence in Sentences(line))
                units.Add(new AnswerUnit(UnitKind.Sentence, sentence, []));
        }
        return units;
    }

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

    private static string[] Cells(string line)
    {
        var inner = line.Trim().Trim('|');
        return inner.Split('|').Select(c => c.Trim()).ToArray();
    }

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

    private static IEnumerable<string> Sentences(string line)
    {
        var start = 0;
        foreach (Match m in SentenceEnd().Matches(line))
        {
            var end = m.Index + m.Length;
            var sentence = line[start..end].Trim();
            if (sentence.Length > 0) foreach (var piece in Limit(sentence)) yield return piece;
            start = end;
        }
        var rest = line[start..].Trim();
        if (rest.Length > 0) foreach (var piece in Limit(rest)) yield return piece;
    }

    /// <summary>Very long sentences are cut at commas so a quote stays short.</summary>
    private static IEnumerable<string> Limit(string sentence)
    {
        if (sentence.Length <= MaxUnitChars) { yield return sentence; yield break; }
        var start = 0;
        while (start < sentence.Length)
        {
            var length = Math.Min(MaxUnitChars, sentence.Length - start);
            if (start + length < sentence.Length)
            {
                var cut = sentence.LastIndexOfAny(['，', ',', '、', ' '], start + length - 1, length);
                if (cut > start + MaxUnitChars / 3) length = cut - start + 1;
            }
            yield return sentence.Substring(start, length).Trim();
            start += length;
        }
    }

    [GeneratedRegex(@"^:?-{2,}:?$")]
    private static partial Regex SeparatorCell();

    // A short label (no sentence punctuation) then a colon then a value.
    [GeneratedRegex(@"^(?<label>[^:：。！？!?|]{1,30}?)\s*[:：]\s*(?<value>\S.*)$")]
    private static partial Regex FieldLine();

    // Chinese sentence ends; English . ! ? followed by a space (not a decimal point or an abbreviation like "No. 3").
    [GeneratedRegex(@"[。！？；]+|(?<![A-Z][a-z]?|\d)[.!?;](?=\s)")]
    private static partial Regex SentenceEnd();
}
