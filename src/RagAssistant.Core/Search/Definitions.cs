using RagAssistant.Core.Language;

namespace RagAssistant.Core.Search;

/// <summary>
/// Glossaries and terms-and-definitions sections, and questions asking what a word means. A definition names many of a
/// question's words (often in two languages) but seldom holds the plant's value or rule the question asks for; where its
/// example repeats one, the document it comes from is the one to find and quote.
/// </summary>
public static class Definitions
{
    /// <summary>A chunk of a glossary or a terms-and-definitions section, told by its document title or headings.</summary>
    public static bool IsDefinitionSource(RetrievedChunk chunk) =>
        LanguagePatterns.DefinitionHeading.IsMatch(chunk.Title) || LanguagePatterns.DefinitionHeading.IsMatch(chunk.Context);

    /// <summary>The question asks what a word means or how it is said in the other language (什么是…, …是什么意思, what does … mean).</summary>
    public static bool AsksForDefinition(string question) => LanguagePatterns.AsksDefinition.IsMatch(question);
}
