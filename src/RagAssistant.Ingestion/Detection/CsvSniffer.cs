namespace RagAssistant.Ingestion.Detection;

/// <summary>Decides whether text is delimiter-separated values and which delimiter it uses.</summary>
public static class CsvSniffer
{
    private static readonly char[] Candidates = [',', '\t', ';', '|'];

    /// <summary>
    /// True when at least two records parse with the same field count (2 or more) on at least 90 % of the records under
    /// one delimiter. Prose with commas fails this: its sentences do not keep the same comma count line after line.
    /// </summary>
    public static bool LooksLikeCsv(string text) => DetectDelimiter(text) is not null;

    public static char? DetectDelimiter(string text)
    {
        var sample = text.Length > 64 * 1024 ? text[..(64 * 1024)] : text;
        char? best = null;
        var bestFields = 0;
        foreach (var delimiter in Candidates)
        {
            var records = CsvParser.Parse(sample, delimiter).Take(200).ToList();
            if (sample.Length == 64 * 1024 && records.Count > 1) records.RemoveAt(records.Count - 1); // may be cut off
            if (records.Count < 2) continue;
            var fields = records[0].Count;
            if (fields < 2) continue;
            var consistent = records.Count(r => r.Count == fields);
            if (consistent >= records.Count * 0.9 && fields > bestFields)
            {
                best = delimiter;
                bestFields = fields;
            }
        }
        return best;
    }
}
