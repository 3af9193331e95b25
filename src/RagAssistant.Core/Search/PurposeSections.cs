using RagAssistant.Core.Language;

namespace RagAssistant.Core.Search;

/// <summary>
/// The sections that frame a document rather than state its rules and values: the purpose and scope sections that open
/// work instructions and standards ("1 目的: 规范 JD-2105 支架总成的螺栓紧固作业…", "1 Scope"), and its front matter
/// (contents, foreword, introduction). They name the part, the operation and the document's subject — many of a
/// question's words — but hold none of its rules or values, so they answer only a question about the purpose or scope.
/// </summary>
public static class PurposeSections
{
    /// <summary>A chunk whose own (last) heading is a purpose or scope heading.</summary>
    public static bool IsPurposeSource(RetrievedChunk chunk) => LanguagePatterns.PurposeHeading.IsMatch(OwnHeading(chunk));

    /// <summary>A chunk whose own heading is a contents page, a foreword or an introduction.</summary>
    public static bool IsFrontMatter(RetrievedChunk chunk) => LanguagePatterns.FrontMatterHeading.IsMatch(OwnHeading(chunk));

    /// <summary>A chunk whose own heading is a revision history (修订记录 Revision history, 更改记录).</summary>
    public static bool IsRevisionHistory(RetrievedChunk chunk) => LanguagePatterns.RevisionHistoryHeading.IsMatch(OwnHeading(chunk));

    /// <summary>The question asks what a document is for or what it applies to (目的, 适用范围, what … apply to, scope).</summary>
    public static bool AsksForPurpose(string question) => LanguagePatterns.AsksPurpose.IsMatch(question);

    private static string OwnHeading(RetrievedChunk chunk) => (chunk.Context.Split('>').LastOrDefault() ?? "").Trim();
}
