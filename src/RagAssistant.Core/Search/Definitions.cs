using System.Text.RegularExpressions;

namespace RagAssistant.Core.Search;

/// <summary>
/// Glossaries and terms-and-definitions sections, and questions asking what a word means. A definition names many of a
/// question's words (often in two languages) but seldom holds the plant's value or rule the question asks for; where its
/// example repeats one, the document it comes from is the one to find and quote. Retrieval and the extractive answerer
/// both rank definitions lower unless the question asks for a meaning or a translation.
/// </summary>
public static partial class Definitions
{
    /// <summary>A chunk of a glossary or a terms-and-definitions section, told by its document title or headings.</summary>
    public static bool IsDefinitionSource(RetrievedChunk chunk) => DefinitionHeading().IsMatch(chunk.Title) || DefinitionHeading().IsMatch(chunk.Context);

    /// <summary>The question asks what a word means or how it is said in the other language (什么是…, …是什么意思, what does … mean).</summary>
    public static bool AsksForDefinition(string question) => DefinitionQuestion().IsMatch(question);

    [GeneratedRegex(@"术语|词汇表|名词解释|glossary|terminology|terms and definitions|\bdefinitions\b", RegexOptions.IgnoreCase)]
    private static partial Regex DefinitionHeading();

    [GeneratedRegex(@"什么是|何谓|是什么意思|什么意思|指什么|含义|定义|英文|英语|中文怎么说|怎么说|怎么翻译|是什么[？?\s]*$|\bmean(s|ing)?\b|\bdefin(e|ed|ition)\b|\bin (english|chinese)\b|\bterm for\b|^\s*what (is|are) (a |an |the )?[\w-]+( [\w-]+)?\s*\??\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex DefinitionQuestion();
}
