using System.Reflection;
using System.Text.RegularExpressions;

namespace RagAssistant.Core.Language;

/// <summary>
/// The word patterns of questions and passages (what a question asks for, what a passage states, the identifiers it
/// names, what a table's column labels say, which sections frame a document), read from the data file patterns.tsv beside this class: one module owns them, retrieval and answering
/// both read them from here, and each has examples in its test. A name the file lacks fails at first use, naming it.
/// </summary>
public static class LanguagePatterns
{
    private static readonly Lazy<IReadOnlyDictionary<string, Regex>> Patterns = new(() => Load(ReadResource("patterns.tsv")));

    /// <summary>Every pattern of the data file by name.</summary>
    public static IReadOnlyDictionary<string, Regex> All => Patterns.Value;

    /// <summary>The pattern called <paramref name="name"/>.</summary>
    public static Regex Get(string name) =>
        Patterns.Value.TryGetValue(name, out var regex) ? regex : throw new KeyNotFoundException($"patterns.tsv: no pattern named '{name}'");

    public static Regex AsksValue => Get("asks-value");
    public static Regex AsksFrequency => Get("asks-frequency");
    public static Regex AsksDate => Get("asks-date");
    public static Regex AsksDuration => Get("asks-duration");
    public static Regex AsksYear => Get("asks-year");
    public static Regex AsksDefinition => Get("asks-definition");
    public static Regex AsksPurpose => Get("asks-purpose");
    public static Regex AsksWhatChanged => Get("asks-what-changed");
    public static Regex AsksAuthor => Get("asks-author");
    public static Regex AsksCompany => Get("asks-company");
    public static Regex AsksStandard => Get("asks-standard");
    public static Regex AsksPage => Get("asks-page");
    public static Regex AsksSection => Get("asks-section");
    public static Regex NamesDocumentKind => Get("names-document-kind");
    public static Regex StatesCompany => Get("states-company");
    public static Regex StatesByline => Get("states-byline");
    public static Regex MentionsRevision => Get("mentions-revision");
    public static Regex EditionYear => Get("edition-year");
    public static Regex AskedUnit => Get("asked-unit");
    public static Regex AnswerUnit => Get("answer-unit");
    public static Regex QuotedSymbol => Get("quoted-symbol");
    public static Regex QuotedTitle => Get("quoted-title");
    public static Regex ProperName => Get("proper-name");
    public static Regex RevisionLetter => Get("revision-letter");
    public static Regex FunctionWord => Get("function-word");
    public static Regex Interrogative => Get("interrogative");
    public static Regex FollowUpOpening => Get("follow-up-opening");

    /// <summary>A Chinese character that carries no content of its own (是, 的, 用, 要 …): pattern <c>function-character</c>.</summary>
    public static bool IsFunctionCharacter(char c) => Get("function-character").IsMatch(c.ToString());

    /// <summary>An English phrase opened by a preposition ("for the Φ35k6 diameter", "at OP60"): the preposition in group <c>p</c>, the rest in <c>np</c>.</summary>
    public static Regex PrepositionPhrase => Get("preposition-phrase");
    public static Regex StatesDuration => Get("states-duration");
    public static Regex StatesDate => Get("states-date");
    public static Regex StatesYear => Get("states-year");

    /// <summary>A Chinese verb–object word split by a count or an aspect word (换一次油), the verb in group <c>v</c> and what follows in <c>o</c>.</summary>
    public static Regex SeparableVerb => Get("separable-verb");

    /// <summary>Numbers that are part of a date (6月, 30日, June 30, Q2), in the group <c>n</c>.</summary>
    public static Regex DatePart => Get("date-part");

    /// <summary>The numbers of <paramref name="text"/> that are parts of a date.</summary>
    public static IReadOnlySet<string> DateParts(string text) =>
        DatePart.Matches(text).Select(m => m.Groups["n"].Value).ToHashSet();
    /// <summary>Numbers that say where in a document something stands (section 4, 表 2, 第 5 页), in the group <c>n</c>.</summary>
    public static Regex DocumentPlace => Get("document-place");

    /// <summary>The numbers of <paramref name="text"/> that say where in a document something stands.</summary>
    public static IReadOnlySet<string> DocumentPlaces(string text) =>
        DocumentPlace.Matches(text).Select(m => m.Groups["n"].Value).ToHashSet();
    public static Regex ProcessNoun => Get("process-noun");
    public static Regex AsksRequirement => Get("asks-requirement");
    public static Regex AsksRecord => Get("asks-record");

    /// <summary>The verb a machining process noun is written with in operations (铣 for 铣削), or null for another term.</summary>
    public static string? ProcessVerb(string term) => ProcessNoun.Match(term) is { Success: true } m ? m.Groups["verb"].Value : null;
    public static Regex StatesFrequency => Get("states-frequency");
    public static Regex StatesRelativeValue => Get("states-relative-value");
    public static Regex StatesChange => Get("states-change");
    public static Regex StandardNumber => Get("standard-number");
    public static Regex PartNumber => Get("part-number");
    public static Regex ClauseNumber => Get("clause-number");
    public static Regex HeadingNumber => Get("heading-number");
    public static Regex OperationNumber => Get("operation-number");
    public static Regex Material => Get("material");
    public static Regex Diameter => Get("diameter");
    public static Regex Thread => Get("thread");
    public static Regex Roughness => Get("roughness");
    public static Regex AlarmCode => Get("alarm-code");
    public static Regex IdentifyingLabel => Get("identifying-label");
    public static Regex OperationLabel => Get("operation-label");
    public static Regex StepLabel => Get("step-label");
    public static Regex PartLabel => Get("part-label");
    public static Regex NameLabel => Get("name-label");
    public static Regex EntityNameLabel => Get("entity-name-label");
    public static Regex UnitsLabel => Get("units-label");
    public static Regex LabelWithUnit => Get("label-with-unit");
    public static Regex DefinitionHeading => Get("definition-heading");
    public static Regex PurposeHeading => Get("purpose-heading");
    public static Regex FrontMatterHeading => Get("front-matter-heading");
    public static Regex RevisionHistoryHeading => Get("revision-history-heading");
    public static Regex OrganizationName => Get("organization-name");

    /// <summary>Parses "name TAB flags TAB pattern" lines; a malformed line or a duplicate name fails naming its line.</summary>
    public static IReadOnlyDictionary<string, Regex> Load(string text)
    {
        var patterns = new Dictionary<string, Regex>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in text.Split('\n'))
        {
            number++;
            var trimmed = line.TrimEnd('\r');
            if (trimmed.Length == 0 || trimmed.StartsWith('#')) continue;
            var parts = trimmed.Split('\t', 3);
            if (parts.Length != 3 || parts[0].Length == 0 || parts[1] is not ("i" or "-"))
                throw new FormatException($"patterns.tsv line {number}: expected 'name<TAB>i|-<TAB>pattern'");
            if (patterns.ContainsKey(parts[0])) throw new FormatException($"patterns.tsv line {number}: '{parts[0]}' is defined twice");
            var options = RegexOptions.Compiled | RegexOptions.CultureInvariant | (parts[1] == "i" ? RegexOptions.IgnoreCase : RegexOptions.None);
            try { patterns[parts[0]] = new Regex(parts[2], options, TimeSpan.FromSeconds(1)); }
            catch (ArgumentException ex) { throw new FormatException($"patterns.tsv line {number} ('{parts[0]}'): {ex.Message}"); }
        }
        return patterns;
    }

    /// <summary>A data file embedded beside this class (patterns.tsv, question-words.txt, quantities.tsv).</summary>
    public static string ReadResource(string name)
    {
        var assembly = typeof(LanguagePatterns).Assembly;
        using var stream = assembly.GetManifestResourceStream($"RagAssistant.Core.Language.{name}")
                           ?? throw new FileNotFoundException($"embedded resource {name} is missing from {assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
