namespace RagAssistant.Core.Documents.Views;

/// <summary>
/// A PDF: the viewer renders the original itself (pdf.js) and highlights a cited chunk by its stored
/// <see cref="StoredChunk.Boxes"/> on <see cref="StoredChunk.Page"/>.
/// </summary>
/// <param name="Pages">Page count as the reader found it (null when the original could not be counted).</param>
public sealed record PdfView(int? Pages) : DocumentView;
