namespace RagAssistant.Generation.Extractive;

/// <summary>What a quotable unit is: a sentence of prose, a row of a table, a process-card row, or one header field line.</summary>
public enum UnitKind
{
    Sentence,
    TableRow,
    Record,
    Field,
}

/// <summary>
/// The smallest piece of a chunk an answer quotes. <see cref="Fields"/> holds (label, value) pairs for table rows and
/// records (the table's header gives the labels), so a quote can show only the asked columns.
/// </summary>
/// <param name="Text">The unit as it stands in the document (what a citation shows as supporting text).</param>
public sealed record AnswerUnit(UnitKind Kind, string Text, IReadOnlyList<(string Label, string Value)> Fields)
{
    /// <summary>The unit's text with its labels, as matched against a question.</summary>
    public string MatchText => Fields.Count == 0 ? Text : string.Join(" ", Fields.Select(f => f.Label + " " + f.Value));

    /// <summary>
    /// The label of the group the unit stands under inside its chunk, when there is one: a table row whose only filled
    /// cell is its first ("REFERENCE (ACOM)" over "Output Voltage | 4.7 5.0 5.3 | V") or a short line that labels the
    /// lines after it ("核心小组" over "质量：王磊"). A heading the chunker did not lift into the chunk's context.
    /// </summary>
    public string? Section { get; init; }

    /// <summary>For a sentence, the line (paragraph) of the chunk it was cut from and its place in that line: which sentence follows which.</summary>
    public SentencePlace? Place { get; init; }
}

/// <summary>Where a sentence stands: the chunk's line (a paragraph) it was cut from, and which piece of that line it is (0 first).</summary>
public readonly record struct SentencePlace(int Line, int Piece);
