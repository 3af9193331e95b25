using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RagAssistant.Core.Documents;
using RagAssistant.Core.Documents.Views;
using RagAssistant.Core.Storage;
using RagAssistant.Ingestion.Detection;
using RagAssistant.Ingestion.Readers;

namespace RagAssistant.Ingestion.Viewing;

/// <summary>
/// Builds the in-place view of a stored document from its stored original, through the same detection, readers and
/// isolation (<see cref="IsolatedReader"/>) as ingestion, so what is shown is what was indexed and cited:
/// PDF → <see cref="PdfView"/> (the viewer renders the original); xlsx and CSV → <see cref="SheetView"/>; DOCX,
/// Markdown, text and HTML → <see cref="BlocksView"/>. A document without a stored original, with a damaged one
/// (its SHA-256 is not the document's) or one the readers now refuse gets an <see cref="UnavailableView"/> with the
/// reason — never an exception.
/// </summary>
public sealed class DocumentViewBuilder(
    IDocumentStore store,
    ReaderRegistry readers,
    IsolatedReader isolatedReader,
    IOptions<IngestionOptions> options,
    ILogger<DocumentViewBuilder> logger)
{
    /// <summary>The view of a document; null when there is no such document.</summary>
    public async Task<DocumentView?> BuildAsync(long documentId, CancellationToken cancellationToken = default)
    {
        var document = await store.GetAsync(documentId, cancellationToken);
        if (document is null) return null;
        var bytes = await store.OpenOriginalAsync(documentId, cancellationToken);
        if (bytes is null) return Unavailable(document, UnavailableView.NotKept);
        if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(bytes)), document.Sha256, StringComparison.OrdinalIgnoreCase))
            return Unavailable(document, "the stored original file is damaged (its checksum does not match the ingested file); re-ingest it to view it in place");

        try
        {
            return await BuildAsync(document, bytes, cancellationToken);
        }
        catch (IngestionException ex)
        {
            return Unavailable(document, $"the original file could not be read: {ex.Message}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A reader bug or a file it did not anticipate: the viewer shows the reason, as ingestion would.
            return Unavailable(document, $"the original file could not be read: {ex.GetType().Name}: {ex.Message}");
        }
    }

    private async Task<DocumentView> BuildAsync(StoredDocument document, byte[] bytes, CancellationToken ct)
    {
        var content = ContentTypeDetector.Detect(bytes, document.FileName);
        var input = new ReaderInput(document.FileName, bytes, content);
        switch (content.Type)
        {
            case ContentTypes.Pdf:
                return new PdfView(document.Pages) { Document = document };
            case ContentTypes.Xlsx:
                var ingestion = options.Value;
                return new SheetView(await isolatedReader.RunAsync((i, t) => XlsxSheets.Read(i, ingestion, t), input, ct)) { Document = document };
            case ContentTypes.Csv:
                return new SheetView([CsvSheet(document, await ReadAsync(content.Type, input, ct))]) { Document = document };
            case ContentTypes.Docx or ContentTypes.Markdown or ContentTypes.Text or ContentTypes.Html:
                var parsed = await ReadAsync(content.Type, input, ct);
                var title = IngestionPipeline.ContextLabel(document.Title, document.Kind, new DocumentRevision(document.Identity));
                return new BlocksView(BlockItems.From(parsed, title)) { Document = document };
            default:
                return Unavailable(document, $"{content.Type} files have no in-place view; download the original to open it");
        }
    }

    private async Task<ParsedDocument> ReadAsync(string type, ReaderInput input, CancellationToken ct)
    {
        var reader = readers.For(type) ?? throw new IngestionException(IngestProblem.Unsupported, $"no reader for {type} files");
        return await isolatedReader.ReadAsync(reader, input, ct);
    }

    /// <summary>
    /// A CSV file as one sheet named after the file: its header as row 1, each record under the number its "row N"
    /// locator gives (blank records are skipped by the reader, so numbers can jump), columns A, B, ….
    /// </summary>
    private static SheetTable CsvSheet(StoredDocument document, ParsedDocument parsed)
    {
        var table = parsed.Blocks.OfType<TableBlock>().First();
        var rows = new List<SheetRow> { new(1, table.Header) };
        foreach (var row in table.Rows.Take(SheetView.MaxRows - 1))
            rows.Add(new SheetRow(SheetLocator.TryParse(row.Locator, out _, out var n, out _) ? n : rows[^1].Number + 1, row.Cells));
        var columns = Enumerable.Range(1, table.Header.Count).Select(Readers.Office.CellReference.ColumnName).ToList();
        return new SheetTable(Path.GetFileNameWithoutExtension(document.FileName), columns, rows, Truncated: table.Rows.Count > SheetView.MaxRows - 1);
    }

    private UnavailableView Unavailable(StoredDocument document, string reason)
    {
        Log.ViewUnavailable(logger, document.Id, reason);
        return new UnavailableView(reason) { Document = document };
    }
}
