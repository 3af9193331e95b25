using RagAssistant.Core.Language;
using RagAssistant.Core.Search;

namespace RagAssistant.Generation.Extractive;

/// <summary>
/// Writes a chosen unit as a quote. Prose and field lines are quoted as they stand. A process-card or table row is
/// quoted with what identifies it — part number, operation, operation name, step (or the table's first column) — and
/// only the columns the question asks about ("JD-2105-0318 第60工序 精车Φ35k6轴颈 工步2: 主轴转速 950 r/min, 进给量 0.10 mm/r"),
/// not the whole row; when no column's header is asked for, the row's leading columns are shown (beside the cells the
/// question names by their content, which say which row it is). A row of at most
/// <see cref="AnswerOptions.WholeRowChars"/> is quoted whole, <see cref="AnswerOptions.LeadingColumns"/> are the leading
/// columns, and a row's quote is cut at <see cref="AnswerOptions.MaxRowQuoteChars"/>.
/// </summary>
public static partial class QuoteFormatter
{
    public static string Format(AnswerUnit unit, QuestionTerms question, IQueryAnalyzer analyzer, AnswerOptions options)
    {
        if (unit.Kind is UnitKind.Sentence or UnitKind.Field || unit.Fields.Count == 0) return unit.Text;

        var identifying = new List<(string Label, string Value)>();
        var rest = new List<(string Label, string Value)>();
        foreach (var field in unit.Fields)
        {
            if (LanguagePatterns.IdentifyingLabel.IsMatch(field.Label)) identifying.Add(field);
            else rest.Add(field);
        }
        if (identifying.Count == 0 && unit.Kind == UnitKind.TableRow && rest.Count > 0)
        {
            identifying.Add(rest[0]); // a table's first column names its row (alarm code, interval, position …)
            rest.RemoveAt(0);
        }
        // A cell holding just an identifier or revision the question names (the change record's 标记 B for "B 版改了什么", 规格 M8 for "M8 螺栓")
        // says which row this is, as a key does: it heads the quote, and the columns shown are those asked or the leading ones.
        foreach (var field in rest.Where(f => NamedByQuestion(question, f.Value, analyzer)).ToList())
        {
            identifying.Add(field);
            rest.Remove(field);
        }
        // The row's own name column says what its first column's code stands for ("SUP-005 Anhui Huashan Foundry"): it is
        // what "which supplier" asks, and it reads better than a bare code.
        var entityName = rest.FindIndex(f => LanguagePatterns.EntityNameLabel.IsMatch(f.Label.Trim()));
        if (entityName >= 0 && unit.Kind == UnitKind.TableRow)
        {
            identifying.Add(rest[entityName]);
            rest.RemoveAt(entityName);
        }

        // The columns the question names, and those stating the kind of value it asks for (每炉抽几件: 样本容量 5 件; 多久检查
        // 一次: 频率 每班) though the question does not name their header.
        var valueCells = ValueCells(question, rest);
        var named = rest.Where(f => Asks(question, f, analyzer)).ToList();
        var whole = unit.Kind == UnitKind.TableRow && unit.Text.Length <= options.WholeRowChars;
        // Without a column whose header the question names, the row's leading columns say what it is — beside the cells it
        // names only by what they hold (an item column's 电芯容量 Nominal Capacity), which say which row this is more often
        // than they answer; the value cells join either.
        var byHeader = named.Any(f => NamesHeader(question, f, analyzer));
        var basis = byHeader ? named : named.Concat(rest.Take(options.LeadingColumns)).ToList();
        var otherEntries = OtherEntryColumns(question, rest);
        var shown = whole ? rest : rest.Where(f => (basis.Contains(f) || valueCells.Contains(f)) && !otherEntries.Contains(f)).ToList();
        var head = string.Join(" ", identifying.Select(f => IdentifyingText(f, question.Language)).Distinct());
        // A table row under a group label ("REFERENCE (ACOM)") is named by it too: "Output Voltage" alone is ambiguous.
        if (unit.Kind == UnitKind.TableRow && unit.Section is { } group) head = head.Length == 0 ? group : $"{group} › {head}";
        // The cell that answers — the column whose header names what is asked (拧紧扭矩 for "扭矩多少", Corrective action for
        // "what should I do") — is marked, so the reader finds it in a wide row.
        var marked = AskedCells(question, shown, analyzer, valueCells);
        marked.ExceptWith(otherEntries);
        shown = WithinBudget(shown, marked, question, analyzer, options.MaxRowQuoteChars - head.Length);
        var body = string.Join(question.Language == "zh" ? "，" : "; ", shown.Select(f => marked.Contains(f) ? $"**{FieldText(f)}**" : FieldText(f)));
        var quote = head.Length == 0 ? body : body.Length == 0 ? head : head + ": " + body;
        return quote.Length <= options.MaxRowQuoteChars ? quote : quote[..options.MaxRowQuoteChars] + "…";
    }

    /// <summary>
    /// The shown cells, when together they run past the quote's length, cut down to those that say most of what the
    /// question asks: the marked cells first, then those holding the most of its words (by weight), kept in their order.
    /// A form's rows under one label ("Circumstances of the Theft" over four questions) all name the label the question
    /// names; cut at the length, the quote would stop before the one that holds the rest of it ("keys", "three months").
    /// </summary>
    private static List<(string Label, string Value)> WithinBudget(List<(string Label, string Value)> shown, IReadOnlySet<(string Label, string Value)> marked,
        QuestionTerms question, IQueryAnalyzer analyzer, int budget)
    {
        if (shown.Count < 2 || shown.Sum(f => FieldText(f).Length + 2) <= budget) return shown;
        var ranked = shown.Select((f, i) => (Field: f, Index: i, Marked: marked.Contains(f),
                Weight: new TextView(f.Label + " " + f.Value, analyzer) is var view ? question.Terms.Where(view.Contains).Sum(t => t.Weight) : 0))
            .OrderByDescending(x => x.Marked).ThenByDescending(x => x.Weight).ThenBy(x => x.Index);
        var kept = new List<(int Index, (string, string) Field)>();
        var length = 0;
        foreach (var x in ranked)
        {
            var cost = FieldText(x.Field).Length + 2;
            if (kept.Count > 0 && length + cost > budget) continue;
            kept.Add((x.Index, x.Field));
            length += cost;
        }
        return kept.OrderBy(k => k.Index).Select(k => k.Field).ToList();
    }

    /// <summary>
    /// The cells that say which row a table row is: its identifying columns (part, operation, step, name) or else its
    /// first column (the alarm code, the bolt size, the spec item).
    /// </summary>
    public static IReadOnlyList<string> KeyCells(AnswerUnit unit)
    {
        if (unit.Fields.Count == 0) return [];
        var identifying = unit.Fields.Where(f => LanguagePatterns.IdentifyingLabel.IsMatch(f.Label) || LanguagePatterns.EntityNameLabel.IsMatch(f.Label.Trim())).Select(f => f.Value).ToList();
        return identifying.Count > 0 ? identifying : [unit.Fields[0].Value];
    }

    /// <summary>
    /// The cells a value question asks for: those whose column header names an asked kind of value or its unit (扭矩 N·m
    /// for a torque); where no kind is named, those whose header holds one of the question's words while their value
    /// holds none (a value repeating the question's M8 or OP60 names the row, it does not answer). Only questions asking
    /// for a value, an interval, a date or a span have them.
    /// </summary>
    public static IReadOnlySet<(string Label, string Value)> AskedCells(QuestionTerms question, IReadOnlyList<(string Label, string Value)> fields, IQueryAnalyzer analyzer)
    {
        var cells = AskedCells(question, fields, analyzer, ValueCells(question, fields));
        cells.ExceptWith(OtherEntryColumns(question, fields));
        return cells;
    }

    /// <param name="valueCells">The fields' <see cref="ValueCells"/> (or a superset's), already found.</param>
    private static HashSet<(string Label, string Value)> AskedCells(QuestionTerms question, IReadOnlyList<(string Label, string Value)> fields, IQueryAnalyzer analyzer,
        HashSet<(string Label, string Value)> valueCells)
    {
        var intent = question.Intent;
        if (!(intent.AsksValue || intent.AsksFrequency || intent.AsksDate || intent.AsksDuration)) return [];
        var byKind = fields.Where(f => valueCells.Contains(f)
                                       || f.Label.Length > 0 && intent.AskedKinds.Any(q => q.Named.IsMatch(f.Label) || q.Unit.IsMatch(f.Label)))
            .ToHashSet();
        if (byKind.Count > 0) return byKind;
        var words = question.Terms.Where(t => !t.IsIdentifier && !t.IsExpansion && t.Weight >= 1).ToList();
        return fields.Where(f => f.Label.Length > 0 && f.Value.Length > 0
                                 && new TextView(f.Label, analyzer) is var label && words.Any(label.Contains)
                                 && new TextView(f.Value, analyzer) is var value && !question.Terms.Any(value.Contains))
            .ToHashSet();
    }

    /// <summary>
    /// Cells stating the kind of value the question asks for by its form rather than by a named column: an interval for
    /// "how often", a date for "when", a span for "how long", a number in the asked unit for "几件 / how many days", a value
    /// of the asked kind in its unit ("Set the sensor gap to 0.9 mm" for 间隙调到多少).
    /// </summary>
    private static HashSet<(string Label, string Value)> ValueCells(QuestionTerms question, IReadOnlyList<(string Label, string Value)> fields)
    {
        var intent = question.Intent;
        IReadOnlyList<QuantityKind> kinds = intent.AsksValue ? intent.AskedKinds : [];
        return fields.Where(f => f.Value.Length > 0 && (
                intent.StatesAskedForm(f.Label + " " + f.Value) == true
                || intent.StatesAskedUnit(f.Value)
                || kinds.Any(q => q.IsStatedIn(f.Value, []))))
            .ToHashSet();
    }

    /// <summary>
    /// The column found by its header path: of columns whose headers differ only in a number (拧紧扭矩 › 性能等级 8.8 |
    /// 10.9 | 12.9), where the question names the number of some (8.8 级), the others are other entries of the table, not
    /// what is asked.
    /// </summary>
    private static HashSet<(string Label, string Value)> OtherEntryColumns(QuestionTerms question, IReadOnlyList<(string Label, string Value)> fields)
    {
        var others = new HashSet<(string Label, string Value)>();
        var numbers = question.Intent.Numbers;
        if (numbers.Count == 0) return others;
        foreach (var columns in fields.Where(f => NumberTokens.In(f.Label).Any()).GroupBy(f => HeaderNumber().Replace(f.Label, "#")).Where(g => g.Count() > 1))
        {
            var asked = columns.Where(f => NumberTokens.In(f.Label).Any(numbers.Contains)).ToList();
            if (asked.Count > 0) others.UnionWith(columns.Except(asked));
        }
        return others;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\d+(?:[.,]\d+)*")]
    private static partial System.Text.RegularExpressions.Regex HeaderNumber();

    /// <summary>Whether a cell's whole value is an identifier (M8, JD-2105-0201) or a revision letter (B of "B 版") the question names.</summary>
    private static bool NamedByQuestion(QuestionTerms question, string value, IQueryAnalyzer analyzer)
    {
        var folded = analyzer.Fold(value).Replace(" ", "", StringComparison.Ordinal);
        return folded.Length > 0 && (question.Terms.Any(t => t.IsIdentifier && !t.IsExpansion && t.Term == folded)
                                     || question.RevisionLetters.Any(l => analyzer.Fold(l) == folded));
    }

    /// <summary>Whether a question term is in the column's header.</summary>
    private static bool NamesHeader(QuestionTerms question, (string Label, string Value) field, IQueryAnalyzer analyzer)
    {
        var label = new TextView(field.Label, analyzer);
        return question.Terms.Any(label.Contains);
    }

    /// <summary>A column is asked for when a question term is in its label or its value.</summary>
    private static bool Asks(QuestionTerms question, (string Label, string Value) field, IQueryAnalyzer analyzer)
    {
        if (NamesHeader(question, field, analyzer)) return true;
        var value = new TextView(field.Value, analyzer);
        // A translation of the question's word names the cell as the word would ("drill" the cell 钻头 Φ8.5): it weighs
        // less as a search term, not as a sign of what is asked.
        return question.Terms.Any(t => value.Contains(t) && (t.Weight >= 1 || t.IsExpansion));
    }

    private static string IdentifyingText((string Label, string Value) field, string language)
    {
        if (LanguagePatterns.OperationLabel.IsMatch(field.Label) && int.TryParse(field.Value, out var op))
            return language == "zh" ? $"第{op}工序" : $"OP{op}";
        if (LanguagePatterns.StepLabel.IsMatch(field.Label) && int.TryParse(field.Value, out var step))
            return language == "zh" ? $"工步{step}" : $"step {step}";
        if (LanguagePatterns.PartLabel.IsMatch(field.Label) || LanguagePatterns.NameLabel.IsMatch(field.Label) || LanguagePatterns.EntityNameLabel.IsMatch(field.Label.Trim())) return field.Value;
        return field.Label.Length == 0 ? field.Value : field.Label + " " + field.Value;
    }

    /// <summary>
    /// "主轴转速 r/min: 950" reads better as "主轴转速 950 r/min": a unit at the end of a label (one of quantities.tsv or a
    /// time unit, <see cref="QuantityKind.IsUnit"/>) moves behind the value.
    /// </summary>
    private static string FieldText((string Label, string Value) field)
    {
        var m = LanguagePatterns.LabelWithUnit.Match(field.Label);
        return m.Success && QuantityKind.IsUnit(m.Groups["unit"].Value)
            ? $"{m.Groups["name"].Value} {field.Value} {m.Groups["unit"].Value}"
            : $"{field.Label} {field.Value}".Trim();
    }
}
