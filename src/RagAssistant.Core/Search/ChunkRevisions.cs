using RagAssistant.Core.Language;

namespace RagAssistant.Core.Search;

/// <summary>
/// The lettered revisions a chunk is of, which a question naming a revision ("A 版", "Rev A") is compared with: its
/// document's revision when that is a letter (B, C.2); for a document without a revision of its own, those its text
/// states (版本: B on each row of an operation sheet). An edition year (Q/JD 105—2021) is no lettered revision.
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
}
