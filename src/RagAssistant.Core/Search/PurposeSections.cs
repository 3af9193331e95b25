using System.Text.RegularExpressions;

namespace RagAssistant.Core.Search;

/// <summary>
/// The purpose and scope sections that open work instructions and standards ("1 目的: 规范 JD-2105 支架总成的螺栓紧固作业…",
/// "1 Scope"). Such a section names the part, the operation and the document's subject — many of a question's words — but
/// holds none of its rules or values, so it answers only a question about the purpose or scope itself.
/// </summary>
public static partial class PurposeSections
{
    /// <summary>A chunk whose own (last) heading is a purpose or scope heading.</summary>
    public static bool IsPurposeSource(RetrievedChunk chunk)
    {
        var heading = chunk.Context.Split('>').LastOrDefault() ?? "";
        return PurposeHeading().IsMatch(heading.Trim());
    }

    /// <summary>The question asks what a document is for or what it applies to (目的, 适用范围, what … apply to, scope).</summary>
    public static bool AsksForPurpose(string question) => PurposeQuestion().IsMatch(question);

    [GeneratedRegex(@"^(\d+(\.\d+)*\.?\s*)?(目的|范围|适用范围|目的和范围|目的与范围|用途|purpose|scope|objective|purpose and scope|field of application)$", RegexOptions.IgnoreCase)]
    private static partial Regex PurposeHeading();

    [GeneratedRegex(@"目的|范围|适用于|适用|用途|\bpurpose\b|\bscope\b|\bappl(y|ies) to\b|\bobjective\b", RegexOptions.IgnoreCase)]
    private static partial Regex PurposeQuestion();
}
