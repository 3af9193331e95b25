using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace RagAssistant.Ingestion.Readers.Word;

/// <summary>
/// Computes list numbers as Word shows them, from numbering.xml: each list instance (w:num) counts its levels from
/// their start values (a w:lvlOverride/w:startOverride wins); a level's counter resets when a shallower level
/// advances; the level text ('%1.', '%1.%2', '%2)') is filled with each level's counter in that level's format
/// (decimal, a b c, A B C, i ii, I II, 一 二 三, ①, bullets). Paragraphs are numbered in reading order.
/// </summary>
internal sealed class WordNumbering
{
    private sealed record Level(int Start, string Format, string Text, bool Legal);

    private readonly Dictionary<int, Dictionary<int, Level>> _levelsByNum = [];
    private readonly Dictionary<int, int[]> _counters = [];

    public WordNumbering(NumberingDefinitionsPart? part)
    {
        var numbering = part?.Numbering;
        if (numbering is null) return;
        var abstracts = new Dictionary<int, Dictionary<int, Level>>();
        foreach (var a in numbering.Elements<AbstractNum>())
        {
            if (a.AbstractNumberId?.Value is not { } id) continue;
            abstracts[id] = a.Elements<DocumentFormat.OpenXml.Wordprocessing.Level>().Where(l => l.LevelIndex?.Value is not null)
                .GroupBy(l => l.LevelIndex!.Value).ToDictionary(g => g.Key, g => Read(g.First()));
        }
        foreach (var num in numbering.Elements<NumberingInstance>())
        {
            if (num.NumberID?.Value is not { } numId || num.AbstractNumId?.Val?.Value is not { } abstractId) continue;
            var levels = abstracts.TryGetValue(abstractId, out var found) ? new Dictionary<int, Level>(found) : [];
            foreach (var o in num.Elements<LevelOverride>())
            {
                if (o.LevelIndex?.Value is not { } index) continue;
                if (o.Level is { } replaced) levels[index] = Read(replaced);
                if (o.StartOverrideNumberingValue?.Val?.Value is { } start && levels.TryGetValue(index, out var level))
                    levels[index] = level with { Start = start };
            }
            _levelsByNum[numId] = levels;
        }
    }

    private static Level Read(DocumentFormat.OpenXml.Wordprocessing.Level level) => new(
        level.StartNumberingValue?.Val?.Value ?? 1,
        level.NumberingFormat?.Val?.InnerText ?? "decimal",
        level.LevelText?.Val?.Value ?? "",
        level.IsLegalNumberingStyle is not null);

    /// <summary>The next number of a list instance at a level ("2.", "4.1", "a)", "•"); null when the list is unknown or unnumbered.</summary>
    public string? Next(int numId, int levelIndex)
    {
        if (numId == 0 || !_levelsByNum.TryGetValue(numId, out var levels) || !levels.TryGetValue(levelIndex, out var level)) return null;
        if (!_counters.TryGetValue(numId, out var counters))
        {
            counters = new int[9];
            for (var i = 0; i < 9; i++) counters[i] = int.MinValue;
            _counters[numId] = counters;
        }
        levelIndex = Math.Clamp(levelIndex, 0, 8);
        counters[levelIndex] = counters[levelIndex] == int.MinValue ? level.Start : counters[levelIndex] + 1;
        for (var deeper = levelIndex + 1; deeper < 9; deeper++) counters[deeper] = int.MinValue;

        if (level.Format == "none") return level.Text.Length == 0 ? null : level.Text;
        if (level.Format == "bullet") return "•";
        var text = level.Text;
        for (var i = 0; i <= levelIndex; i++)
        {
            var placeholder = "%" + (i + 1).ToString(CultureInfo.InvariantCulture);
            if (!text.Contains(placeholder, StringComparison.Ordinal)) continue;
            var value = counters[i] == int.MinValue ? (levels.TryGetValue(i, out var l) ? l.Start : 1) : counters[i];
            var format = levels.TryGetValue(i, out var li) ? li.Format : "decimal";
            text = text.Replace(placeholder, FormatNumber(value, level.Legal ? "decimal" : format), StringComparison.Ordinal);
        }
        return text.Length == 0 ? null : text;
    }

    public static string FormatNumber(int value, string format) => format switch
    {
        "lowerLetter" => Letters(value).ToLowerInvariant(),
        "upperLetter" => Letters(value),
        "lowerRoman" => Roman(value).ToLowerInvariant(),
        "upperRoman" => Roman(value),
        "decimalZero" => value.ToString("00", CultureInfo.InvariantCulture),
        "decimalEnclosedCircle" or "decimalEnclosedCircleChinese" when value is >= 1 and <= 20 => ((char)('①' + value - 1)).ToString(),
        "chineseCounting" or "chineseCountingThousand" or "chineseLegalSimplified" or "japaneseCounting" or "ideographDigital" => Chinese(value),
        "ideographTraditional" when value is >= 1 and <= 10 => "甲乙丙丁戊己庚辛壬癸"[value - 1].ToString(),
        "decimalFullWidth" or "decimalFullWidth2" => string.Concat(value.ToString(CultureInfo.InvariantCulture).Select(d => (char)(d - '0' + '０'))),
        _ => value.ToString(CultureInfo.InvariantCulture),
    };

    private static string Letters(int value)
    {
        if (value < 1) return value.ToString(CultureInfo.InvariantCulture);
        // Word repeats the letter past z: 27 → "aa", 28 → "bb".
        return new string((char)('A' + (value - 1) % 26), (value - 1) / 26 + 1);
    }

    private static string Roman(int value)
    {
        if (value is < 1 or > 3999) return value.ToString(CultureInfo.InvariantCulture);
        var map = new (int, string)[] { (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I") };
        var sb = new System.Text.StringBuilder();
        foreach (var (n, s) in map)
            while (value >= n) { sb.Append(s); value -= n; }
        return sb.ToString();
    }

    private static string Chinese(int value)
    {
        const string digits = "零一二三四五六七八九";
        if (value is < 0 or > 99) return value.ToString(CultureInfo.InvariantCulture);
        if (value < 10) return digits[value].ToString();
        var tens = value / 10;
        var ones = value % 10;
        return (tens == 1 ? "" : digits[tens].ToString()) + "十" + (ones == 0 ? "" : digits[ones].ToString());
    }
}
