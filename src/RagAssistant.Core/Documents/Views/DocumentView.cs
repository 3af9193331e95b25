namespace RagAssistant.Core.Documents.Views;

/// <summary>
/// What the viewer shows of one stored document in place of its chunks: a <see cref="PdfView"/>, a
/// <see cref="SheetView"/>, a <see cref="BlocksView"/>, or an <see cref="UnavailableView"/> that says why not.
/// Built from the stored original by the same readers that indexed it, so what is shown is what was cited.
/// </summary>
public abstract record DocumentView
{
    /// <summary>The document as stored (title, file name, content type, whether its original can be downloaded).</summary>
    public required StoredDocument Document { get; init; }
}
