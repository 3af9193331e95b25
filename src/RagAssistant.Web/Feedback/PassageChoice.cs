namespace RagAssistant.Web.Feedback;

/// <summary>
/// A passage an administrator may mark as the one a 👎 answer should have cited: one of the answer's sources or a search
/// result. It names its document by file name and library, never by its path on the server.
/// </summary>
public sealed record PassageChoice(long ChunkId, long DocumentId, string Library, string Title, string FileName, string Locator, string Text);
