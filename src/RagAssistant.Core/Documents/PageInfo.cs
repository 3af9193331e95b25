namespace RagAssistant.Core.Documents;

/// <summary>What a reader found on one page of a paged document.</summary>
/// <param name="Number">1-based page number.</param>
/// <param name="Status">One of <see cref="PageStatus"/>.</param>
/// <param name="Characters">Characters of extracted text on the page (after normalisation).</param>
/// <param name="Error">Why the page could not be read, for <see cref="PageStatus.Failed"/>.</param>
public sealed record PageInfo(int Number, string Status, int Characters, string? Error = null);
