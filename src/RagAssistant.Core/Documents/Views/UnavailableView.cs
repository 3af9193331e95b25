namespace RagAssistant.Core.Documents.Views;

/// <summary>A document that cannot be shown in place, with the reason in words for the user.</summary>
public sealed record UnavailableView(string Reason) : DocumentView
{
    /// <summary>The reason for a document stored before originals were kept (or with keeping them turned off).</summary>
    public const string NotKept = "the original file was not kept (ingested before originals were stored); re-ingest it to view it in place";
}
