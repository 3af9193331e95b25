using RagAssistant.Core.Language;

namespace RagAssistant.Core.Search;

/// <summary>
/// What a question asks for, read once by the query analyzer (with <see cref="LanguagePatterns"/>) and carried on its
/// <see cref="AnalyzedQuery"/> to fusion, evidence re-ordering and the answerer, which no longer read the question again.
/// </summary>
public sealed record QuestionIntent
{
    public static QuestionIntent None { get; } = new();

    /// <summary>A value (多少, 几, how many, what torque …): a passage without a number of its own answers it less.</summary>
    public bool AsksValue { get; init; }

    /// <summary>How often (多久…一次, 频次, 周期, how often): the answer states an interval or frequency.</summary>
    public bool AsksFrequency { get; init; }

    /// <summary>A date (哪天, 什么时候, 日期, since when): the answer states one.</summary>
    public bool AsksDate { get; init; }

    /// <summary>A year (哪一年, what year): the answer states one, alone or in a date.</summary>
    public bool AsksYear { get; init; }

    /// <summary>How long (多久之内, 多长时间, how long), when not how often: the answer states a time span.</summary>
    public bool AsksDuration { get; init; }

    /// <summary>What a word means or how it is said in the other language (什么是…, …是什么意思, what does … mean).</summary>
    public bool AsksDefinition { get; init; }

    /// <summary>What a document is for or what it applies to (目的, 适用范围, scope).</summary>
    public bool AsksPurpose { get; init; }

    /// <summary>Who wrote or drew up a document (who wrote, the authors, 起草人): the byline or sign-off answers it.</summary>
    public bool AsksAuthor { get; init; }

    /// <summary>Which company (哪家公司, which supplier, who manufactures it): a unit naming a company by its legal form answers it.</summary>
    public bool AsksCompany { get; init; }

    /// <summary>The question asks which standard a thing is done by (按什么标准检测, which standard): the answer names one (GB/T 9450).</summary>
    public bool AsksStandard { get; init; }

    /// <summary>On which page something stands (第几页, which page): each quote shows its page.</summary>
    public bool AsksPage { get; init; }

    /// <summary>In which section or chapter something stands (哪一节, which section): each quote shows its section.</summary>
    public bool AsksSection { get; init; }

    /// <summary>What changed, what a value used to be, or whether it still holds (改了什么, 原来, 还是 … 吗, what changed).</summary>
    public bool AsksWhatChanged { get; init; }

    /// <summary>It asks what changed or names a revision or the revision history: superseded text is not demoted.</summary>
    public bool AsksAboutRevisions { get; init; }

    /// <summary>The kinds of measured value asked for (<see cref="QuantityKind"/>: torque, speed …), not those the question itself gives a value of.</summary>
    public IReadOnlyList<QuantityKind> AskedKinds { get; init; } = [];

    /// <summary>The names of <see cref="AskedKinds"/> ("torque", "speed").</summary>
    public IReadOnlyList<string> Quantities => AskedKinds.Select(k => k.Name).ToList();

    /// <summary>The units a count question asks in (每炉抽几件 → 件, how many days → days): a number in that unit answers it.</summary>
    public IReadOnlyList<string> AskedUnits { get; init; } = [];

    /// <summary>Unit symbols the question wants its answer in (多少 mm/year → "mm/year", "in V/µs" → "v/µs"), as written, lower case.</summary>
    public IReadOnlyList<string> AnswerUnits { get; init; } = [];

    /// <summary>Chemical formulas the question names (H2, CO2, SF6), as written (<see cref="ChemicalFormula"/>).</summary>
    public IReadOnlyList<string> Formulas { get; init; } = [];

    /// <summary>Names the question capitalizes inside its sentence (Ford Mustang → "Ford", "Mustang"), as written, framing words left out.</summary>
    public IReadOnlyList<string> ProperNames { get; init; } = [];

    /// <summary>Symbols the question quotes (含有“R”的三角形 → "R"), as written: a source that answers writes each as a symbol of its own.</summary>
    public IReadOnlyList<string> QuotedSymbols { get; init; } = [];

    /// <summary>Titles the question quotes ('Is the Critical Reynolds Number Universal?', 《公司章程》), as written: they may name the document asked about.</summary>
    public IReadOnlyList<string> QuotedTitles { get; init; } = [];

    /// <summary>Whether a text states a number in one of <see cref="AskedUnits"/>, in any of its spellings (<see cref="CountUnits"/>: "5 件", "18 pcs", "30 days").</summary>
    public bool StatesAskedUnit(string text) => AskedUnits.Count > 0 && (_askedUnit ??= AskedUnitPattern(AskedUnits)).IsMatch(text);

    private System.Text.RegularExpressions.Regex? _askedUnit;

    /// <summary>A number followed by any spelling of the units (a Latin spelling as a whole word).</summary>
    private static System.Text.RegularExpressions.Regex AskedUnitPattern(IReadOnlyList<string> units) => new(
        @"\d\s*(?:" + string.Join("|", units.SelectMany(CountUnits.SpellingsOf).Distinct()
            .Select(u => System.Text.RegularExpressions.Regex.Escape(u) + (u.All(char.IsAsciiLetter) ? @"\b" : ""))) + ")",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>
    /// The form the answer must take for a question asking who wrote a document, which company, how often, when or how
    /// long or in which year — a byline, a company, an interval, a date, a year or a span, the first of these the question asks —, with the
    /// pattern that finds it and what a unit without it lacks; null for a question asking none of them.
    /// </summary>
    public AskedForm? Form =>
        AsksAuthor ? AskedForm.Byline
        : AsksCompany ? AskedForm.Company
        : AsksStandard ? AskedForm.Standard
        : AsksFrequency ? AskedForm.Interval
        : AsksDate ? AskedForm.Date
        : AsksYear ? AskedForm.Year
        : AsksDuration ? AskedForm.Span
        : null;

    /// <summary>Whether a text states the <see cref="Form"/> asked for; null for a question asking none.</summary>
    public bool? StatesAskedForm(string text) => Form?.States.IsMatch(text);

    /// <summary>
    /// The question asks what is required, allowed or set (允许多少, 规定, 最高转速, the maximum, must) or how often something
    /// is done (多久换一次: a schedule), and neither about records (记录, the log) nor about a day it names: a specification
    /// answers it, not a log's entry.
    /// </summary>
    public bool AsksRequirement { get; init; }

    /// <summary>Letters of the revisions the question names ("A 版工艺卡", "版本 B", "Rev A").</summary>
    public IReadOnlyList<string> RevisionLetters { get; init; } = [];

    /// <summary>Years named as an edition ("2026 版", "the 2026 edition"): matched against document facts, not passages.</summary>
    public IReadOnlyList<string> Editions { get; init; } = [];

    /// <summary>Every number of the question as written (folded): a passage repeating only these states no value of its own.</summary>
    public IReadOnlyList<string> Numbers { get; init; } = [];

    /// <summary>
    /// Numbers of three or more digits or with decimals (alarm 2002, 1.8 MPa), outside identifiers and editions: evidence
    /// must contain them.
    /// </summary>
    public IReadOnlyList<string> AnchorNumbers { get; init; } = [];

    /// <summary>Operation numbers the question names (compact, as the index stores them: op40).</summary>
    public IReadOnlySet<string> Operations { get; init; } = new HashSet<string>();

    /// <summary>Numbers the question writes with 万 or 亿, by the number as written (7500 → 75000000): a text stating the plain number states it too.</summary>
    public IReadOnlyDictionary<string, string> ScaledNumbers { get; init; } = new Dictionary<string, string>();

    /// <summary>Materials the question names (compact: 42crmo).</summary>
    public IReadOnlySet<string> Materials { get; init; } = new HashSet<string>();

    /// <param name="text">The question as asked.</param>
    /// <param name="folded">The question folded like the index.</param>
    /// <param name="identifiers">Its identifier terms.</param>
    public static QuestionIntent Of(string text, string folded, IReadOnlyList<string> identifiers, IReadOnlySet<string> operations, IReadOnlySet<string> materials)
    {
        var frequency = LanguagePatterns.AsksFrequency.IsMatch(text);
        var whatChanged = LanguagePatterns.AsksWhatChanged.IsMatch(folded);
        var editions = LanguagePatterns.EditionYear.Matches(text)
            .Select(m => m.Groups["y"].Success ? m.Groups["y"].Value : m.Groups["z"].Value).Distinct().ToList();
        // The digits of a formula the question names (H2SO4) are part of its name, no numbers of their own.
        var formulas = ChemicalFormula.In(text);
        var numbers = NumberTokens.In(formulas.Aggregate(folded, (f, formula) => f.Replace(formula.ToLowerInvariant(), " ", StringComparison.Ordinal))).Distinct().ToList();
        var identifierText = string.Join(" ", identifiers);
        return new QuestionIntent
        {
            AsksValue = LanguagePatterns.AsksValue.IsMatch(text),
            AsksFrequency = frequency,
            AsksDate = LanguagePatterns.AsksDate.IsMatch(text),
            AsksYear = LanguagePatterns.AsksYear.IsMatch(text),
            AsksDuration = !frequency && LanguagePatterns.AsksDuration.IsMatch(text),
            AsksDefinition = LanguagePatterns.AsksDefinition.IsMatch(text),
            AsksPurpose = LanguagePatterns.AsksPurpose.IsMatch(text),
            AsksAuthor = LanguagePatterns.AsksAuthor.IsMatch(text),
            AsksCompany = LanguagePatterns.AsksCompany.IsMatch(text),
            AsksStandard = LanguagePatterns.AsksStandard.IsMatch(text),
            AsksPage = LanguagePatterns.AsksPage.IsMatch(text),
            AsksSection = LanguagePatterns.AsksSection.IsMatch(text),
            AsksWhatChanged = whatChanged,
            AsksRequirement = (LanguagePatterns.AsksRequirement.IsMatch(text) || frequency) && !LanguagePatterns.AsksRecord.IsMatch(text)
                              && !LanguagePatterns.StatesDate.IsMatch(text) && !LanguagePatterns.AsksDate.IsMatch(text),
            AsksAboutRevisions = whatChanged || LanguagePatterns.MentionsRevision.IsMatch(folded),
            AskedKinds = QuantityKind.AskedIn(text),
            AnswerUnits = LanguagePatterns.AnswerUnit.Matches(text).Select(m => m.Groups["u"].Value.ToLowerInvariant()).Distinct().ToList(),
            Formulas = formulas,
            ProperNames = LanguagePatterns.ProperName.Matches(text).Select(m => m.Groups["n"].Value)
                .Where(n => !QuestionWords.IsFunctionWord(n.ToLowerInvariant())).Distinct().ToList(),
            QuotedSymbols = LanguagePatterns.QuotedSymbol.Matches(text).Select(m => m.Groups["s"].Value).Distinct().ToList(),
            QuotedTitles = LanguagePatterns.QuotedTitle.Matches(text).Select(m => m.Groups["t"].Value).Distinct().ToList(),
            AskedUnits = LanguagePatterns.AskedUnit.Matches(text).Select(m => m.Groups["u"].Value.ToLowerInvariant()).Distinct().ToList(),
            RevisionLetters = LanguagePatterns.RevisionLetter.Matches(text).Select(m => m.Groups["l"].Value).Distinct().ToList(),
            Editions = editions,
            Numbers = numbers,
            ScaledNumbers = NumberTokens.Scaled(text),
            AnchorNumbers = numbers.Where(n => (n.Contains('.') || n.Length >= 3) && !identifierText.Contains(n, StringComparison.Ordinal) && !editions.Contains(n)).ToList(),
            Operations = operations,
            Materials = materials,
        };
    }

    /// <summary>Whether a document's revision ("A", "B/1", "C.2") is one the question names by its letter.</summary>
    public bool NamesRevision(string? revision) =>
        revision is { Length: > 0 } && RevisionLetters.Any(l => revision.StartsWith(l, StringComparison.Ordinal)
                                                                && (revision.Length == 1 || !char.IsAsciiLetterOrDigit(revision[1])));

    /// <summary>Whether a document's revision is an edition year the question names ("the 2021 edition": Q/JD 105—2021).</summary>
    public bool NamesEdition(string? revision) => revision is { Length: > 0 } && Editions.Contains(revision);
}

/// <summary>A form an answer must take (<see cref="QuestionIntent.Form"/>): what a unit without it lacks, and the pattern stating it.</summary>
public sealed record AskedForm(string Lacking, System.Text.RegularExpressions.Regex States)
{
    public static AskedForm Byline { get; } = new("names no author", LanguagePatterns.StatesByline);
    public static AskedForm Company { get; } = new("names no company", LanguagePatterns.StatesCompany);
    public static AskedForm Standard { get; } = new("names no standard", LanguagePatterns.StandardNumber);
    public static AskedForm Interval { get; } = new("states no interval", LanguagePatterns.StatesFrequency);
    public static AskedForm Date { get; } = new("states no date", LanguagePatterns.StatesDate);
    public static AskedForm Year { get; } = new("states no year", LanguagePatterns.StatesYear);
    public static AskedForm Span { get; } = new("states no time span", LanguagePatterns.StatesDuration);
}
