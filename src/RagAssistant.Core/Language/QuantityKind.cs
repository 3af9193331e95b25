using System.Text.RegularExpressions;

namespace RagAssistant.Core.Language;

/// <summary>
/// A kind of measured value a question may ask for — a torque, a hardness, a spindle speed — with the words that name it
/// and the units a passage states it in, read from the data file quantities.tsv. "What torque goes on the insert clamping
/// screw?" is answered by a row stating N·m, not by a sentence about the insert that happens to hold some other number.
/// </summary>
/// <param name="Name">What the kind is called (in traces and tests).</param>
/// <param name="Named">Words naming the kind, in Chinese and English.</param>
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
    /// or a table cell holding a number under a column that names the kind or its unit ("扭矩 N·m | 3.5").
    /// </summary>
    public bool IsStatedIn(string text, IReadOnlyList<(string Label, string Value)> fields) =>
        NumberWithUnit().Matches(text).Any(m => Unit.IsMatch(m.Groups["unit"].Value))
        || Symbol is not null && Symbol.IsMatch(text)
        || fields.Any(f => f.Value.Any(char.IsAsciiDigit) && (Named.IsMatch(f.Label) || Unit.IsMatch(f.Label)));

    /// <summary>Parses "kind TAB named TAB unit TAB symbol|-" lines.</summary>
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
            if (parts.Length != 4) throw new FormatException($"quantities.tsv line {number}: expected 'kind<TAB>named<TAB>unit<TAB>symbol|-'");
            try
            {
                kinds.Add(new QuantityKind(parts[0], new Regex(parts[1], options), new Regex(parts[2], options),
                    parts[3] == "-" ? null : new Regex(parts[3], options)));
            }
            catch (ArgumentException ex) { throw new FormatException($"quantities.tsv line {number} ('{parts[0]}'): {ex.Message}"); }
        }
        return kinds;
    }

    /// <summary>A number or range (48±3, 52–57, 0.10) and the few characters after it, where its unit stands.</summary>
    [GeneratedRegex(@"\d+(?:[.,]\d+)?(?:\s*(?:±|~|～|–|—|-|to|至)\s*\d+(?:\.\d+)?)?\s*(?<unit>[^\d\s,，;；|]{0,8}(?:\s?[^\d\s,，;；|]{1,4})?)", RegexOptions.IgnoreCase)]
    private static partial Regex NumberWithUnit();
}
