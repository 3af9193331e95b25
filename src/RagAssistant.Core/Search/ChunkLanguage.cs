using RagAssistant.Core.Text;

namespace RagAssistant.Core.Search;

/// <summary>The language of a chunk, as <see cref="SearchFilter.Language"/> filters it.</summary>
public static class ChunkLanguage
{
    public const string Chinese = "zh";
    public const string English = "en";

    /// <summary>The accepted filter values.</summary>
    public static IReadOnlyList<string> All { get; } = [Chinese, English];

    /// <summary>The chunk's language as <see cref="TextLanguage.OfPassage"/> reads it.</summary>
    public static string Of(string text) => TextLanguage.OfPassage(text);
}
