using System.Text.RegularExpressions;

namespace RagAssistant.Core.Language;

/// <summary>
/// A kind of measured value a question may ask for — a torque, a hardness, a spindle speed — with the words that name it
/// and the units a passage states it in, read from the data file quantities.tsv. "What torque goes on the insert clamping
/// screw?" is answered by a row stating N·m, not by a sentence about the insert that happens to hold some other number.
/// </summary>
/// <param name="Name">What the kind is called (in traces and tests).</param>
/// <param name="Named">Words naming the kind, in Chinese and English; a pattern that never matches for a kind no question
/// asks for by name (a mass, a share), whose units only mark a number as a measured value.</param>
/// <param name="Unit">The units it is stated in, as they follow a number.</param>
/// <param name="Symbol">A symbol written before the number instead ("Ra 0.8"), where the kind has one.</param>
public sealed partial record QuantityKind(string Name, Regex Named, Regex Unit, Regex? Symbol = null)
{
    private static readonly Lazy<IReadOnlyList<QuantityKind>> Kinds = new(() => Load(LanguagePatterns.ReadResource("quantities.tsv")));

    /// <summary>The kinds the product knows, in no particular order: a question may name several ("转速和进给").</summary>
    public static IReadOnlyList<QuantityKind> All => Kinds.Value;

    /// <summary>
    /// The kinds a question asks for ("转速和进给是多少" asks for speed and feed): the kinds it names, less those it states a
    /// value of itself — "the max spindle speed with 1.5 MPa chuck pressure" gives the pressure and asks for the speed.
    /// </summary>
    public static IReadOnlyList<QuantityKind> AskedIn(string question) =>
        All.Where(q => q.Named.IsMatch(question) && !q.IsStatedIn(question, [])).ToList();

    /// <summary>
    /// Whether a sentence or row states a value of this kind: a number followed by one of its units ("3.5 N·m", "52–57 HRC"),
    /// or a table cell holding a number under a column that names the kind or its unit ("扭矩 N·m | 3.5") or in a row whose
    /// column of units gives the kind's unit ("Logic Input HI | 2.0 | V"), or a share of
    /// the specified value in a sentence naming the kind ("复检扭矩不得低于规定值的 90%").
    /// </summary>
    public bool IsStatedIn(string text, IReadOnlyList<(string Label, string Value)> fields) =>
        NumberWithUnit().Matches(text).Any(m => Unit.IsMatch(m.Groups["unit"].Value))
        || Symbol is not null && Symbol.IsMatch(text)
        || Named.IsMatch(text) && LanguagePatterns.StatesRelativeValue.IsMatch(text)
        || fields.Any(f => f.Value.Any(char.IsAsciiDigit) && (Named.IsMatch(f.Label) || Unit.IsMatch(f.Label)))
        || StatedByUnitsColumn(fields);

    /// <summary>A datasheet's column of units gives this kind's unit to the row's figures: "Logic Input HI | 2.0 | V" states a voltage as "2.0 V" would.</summary>
    private bool StatedByUnitsColumn(IReadOnlyList<(string Label, string Value)> fields)
    {
        bool unit = false, figure = false;
        foreach (var (label, value) in fields)
        {
            if (LanguagePatterns.UnitsLabel.IsMatch(label.Trim())) unit |= Unit.IsMatch(value.Trim());
            else figure |= value.Any(char.IsAsciiDigit);
        }
        return unit && figure;
    }

    /// <summary>The kind of a time span's unit ("h", "小时", "days"), which states-duration in patterns.tsv reads.</summary>
    public const string Duration = "duration";

    /// <summary>
    /// The unit <paramref name="text"/> starts with, as it follows a number: its length and the kinds it states — a unit
    /// of a kind of quantities.tsv ("MPa": pressure; "µm": roughness and length; "kg": mass) or a time unit as
    /// states-duration reads it ("h", "小时": <see cref="Duration"/>). The longest unit wins ("mm/r" over "mm"); a length
    /// of 0 and no kinds when the text starts with none.
    /// </summary>
    public static (int Length, IReadOnlyList<string> Kinds) UnitAt(string text)
    {
        var length = 0;
        var kinds = new List<string>();
        foreach (var kind in All)
            if (kind.Unit.Match(text) is { Success: true } unit) Take(kind.Name, unit.Length);
        // states-duration reads a number with its time unit: put a number before the text, and the rest of its match is the unit.
        if (LanguagePatterns.StatesDuration.Match("0" + text) is { Success: true, Index: 0 } span) Take(Duration, span.Length - 1);
        return (length, kinds);

        void Take(string kind, int unitLength)
        {
            if (unitLength <= 0 || unitLength < length) return;
            if (unitLength > length) kinds.Clear();
            length = unitLength;
            kinds.Add(kind);
        }
    }

    /// <summary>Whether <paramref name="text"/> is a unit and nothing else ("r/min", "N·m", "%", "h").</summary>
    public static bool IsUnit(string text) => text.Length > 0 && UnitAt(text).Length == text.Length;

    /// <summary>
    /// The measured values of a text — a number, then a unit (<see cref="UnitAt"/>) that ends a word: "1.2 MPa",
    /// "950 r/min", "5 kg", "2 h", not the H of a fit (Φ25H7) — with where each starts, how long it is and the kinds its
    /// unit states. A date is no span (2026年, 2010年6月30日). A follow-up's value replaces one of its kind in the question
    /// before it ("And at 1.8 MPa?").
    /// </summary>
    public static IEnumerable<(int Index, int Length, IReadOnlyList<string> Kinds)> ValuesIn(string text)
    {
        List<Match>? dates = null;
        foreach (Match number in Number().Matches(text))
        {
            var at = number.Index + number.Length;
            while (at < text.Length && char.IsWhiteSpace(text[at])) at++;
            var (length, kinds) = UnitAt(text[at..]);
            var end = at + length;
            if (length == 0 || end < text.Length && char.IsAsciiLetterOrDigit(text[end])) continue;
            if (kinds is [Duration] && (Year().IsMatch(number.Value) && text[at] == '年'
                                        || (dates ??= LanguagePatterns.StatesDate.Matches(text).ToList()).Any(d => d.Index < end && number.Index < d.Index + d.Length)))
                continue;
            yield return (number.Index, end - number.Index, kinds);
        }
    }

    /// <summary>Parses "kind TAB named|- TAB unit TAB symbol|-" lines.</summary>
    public static IReadOnlyList<QuantityKind> Load(string text)
    {
        var kinds = new List<QuantityKind>();
        var number = 0;
        const RegexOptions options = RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;
        foreach (var line in text.Split('\n'))
        {
            number++;
            var trimmed = line.TrimEnd('\r');
            if (trimmed.Length == 0 || trimmed.StartsWith('#')) continue;
            var parts = trimmed.Split('\t');
            if (parts.Length != 4) throw new FormatException($"quantities.tsv line {number}: expected 'kind<TAB>named|-<TAB>unit<TAB>symbol|-'");
            try
            {
                kinds.Add(new QuantityKind(parts[0], parts[1] == "-" ? NeverMatches : new Regex(parts[1], options), new Regex(parts[2], options),
                    parts[3] == "-" ? null : new Regex(parts[3], options)));
            }
            catch (ArgumentException ex) { throw new FormatException($"quantities.tsv line {number} ('{parts[0]}'): {ex.Message}"); }
        }
        return kinds;
    }

    /// <summary>The words of a kind no question names.</summary>
    private static readonly Regex NeverMatches = new("(?!)", RegexOptions.Compiled);

    [GeneratedRegex(@"\d+(?:\.\d+)?")]
    private static partial Regex Number();

    [GeneratedRegex(@"^(?:19|20)\d\d$")]
    private static partial Regex Year();

    /// <summary>A number or range (48±3, 52–57, 0.10) and the few characters after it, where its unit stands.</summary>
    [GeneratedRegex(@"\d+(?:[.,]\d+)?(?:\s*(?:±|~|～|–|—|-|to|至)\s*\d+(?:\.\d+)?)?\s*(?<unit>[^\d\s,，;；|]{0,8}(?:\s?[^\d\s,，;；|]{1,4})?)", RegexOptions.IgnoreCase)]
    private static partial Regex NumberWithUnit();
}
