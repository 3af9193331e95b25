using RagAssistant.Core.Language;

namespace RagAssistant.Core.Search;

/// <summary>
/// The lettered revisions a chunk is of, which a question naming a revision ("A 版", "Rev A") is compared with: its
/// document's revision when that is a letter (B, C.2); for a document without a revision of its own, those its text
/// states (版本: B on each row of an operation sheet). An edition year (Q/JD 105—2021) is no lettered revision: editions
/// are compared with the editions a question names (<see cref="OfAnotherEditionThanNamed"/>).
/// </summary>
public static class ChunkRevisions
{
    public static IReadOnlyList<string> Of(RetrievedChunk chunk) =>
        chunk.Revision is { Length: > 0 } revision
            ? char.IsAsciiLetter(revision[0]) ? [revision] : []
            : LanguagePatterns.RevisionLetter.Matches(chunk.Text).Select(m => m.Groups["l"].Value).Distinct().ToList();

    /// <summary>Whether the chunk is of lettered revisions, none of them one the question names.</summary>
    public static bool OfAnotherThanNamed(QuestionIntent intent, RetrievedChunk chunk) =>
        intent.RevisionLetters.Count > 0 && Of(chunk) is { Count: > 0 } revisions && !revisions.Any(intent.NamesRevision);

    /// <summary>
    /// Whether the chunk's document is an edition (its revision a year: Q/JD 105—2026) other than every edition the question
    /// names ("the 2021 edition"). A question asking what changed since an edition is answered by the newer one (its
    /// foreword lists the changes), so it names no edition to keep to.
    /// </summary>
    public static bool OfAnotherEditionThanNamed(QuestionIntent intent, RetrievedChunk chunk) =>
        intent.Editions.Count > 0 && !intent.AsksWhatChanged && IsEdition(chunk.Revision) && !intent.NamesEdition(chunk.Revision);

    /// <summary>Whether a document's revision is an edition year (a standard's Q/JD 105—2021).</summary>
    public static bool IsEdition(string? revision) =>
        revision is { Length: 4 } && revision.All(char.IsAsciiDigit) && revision[..2] is "19" or "20";
}
