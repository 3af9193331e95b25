namespace RagAssistant.Core.Search;

/// <summary>What a search may return. Empty lists mean no restriction.</summary>
/// <param name="Libraries">Libraries the caller may read (the access-control seam) or chose.</param>
/// <param name="Kinds">Document kinds (process_card, standard, …).</param>
/// <param name="Identity">One document identity (all its revisions).</param>
/// <param name="CurrentOnly">Leave out superseded revisions.</param>
/// <param name="Language">Only chunks of this language (<see cref="ChunkLanguage"/>: "zh" = text with a CJK character, "en" = without); null = any.</param>
public sealed record SearchFilter(
    IReadOnlyList<string>? Libraries = null,
    IReadOnlyList<string>? Kinds = null,
    string? Identity = null,
    bool CurrentOnly = false,
    string? Language = null)
{
    public static SearchFilter None { get; } = new();
}
