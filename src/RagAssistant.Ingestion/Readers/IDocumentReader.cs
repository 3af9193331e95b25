using RagAssistant.Core.Documents;
using RagAssistant.Ingestion.Detection;

namespace RagAssistant.Ingestion.Readers;

/// <summary>Turns one file of the content types it declares into a <see cref="ParsedDocument"/>.</summary>
public interface IDocumentReader
{
    IReadOnlyCollection<string> ContentTypes { get; }

    /// <summary>Reads the file; throws <see cref="IngestionException"/> with the reason when it cannot.</summary>
    ParsedDocument Read(ReaderInput input, CancellationToken cancellationToken);
}

/// <summary>What a reader gets: the file name, its bytes, what detection found, and passwords to try for encrypted files.</summary>
public sealed record ReaderInput(string FileName, byte[] Bytes, DetectedContent Content)
{
    public IReadOnlyList<string> Passwords { get; init; } = [];

    /// <summary>Time budget and memory ceiling of this document; readers of large formats check it between pages.</summary>
    public ReadGuard Guard { get; init; } = ReadGuard.None;

    /// <summary>Told (pages done, pages to read) as the pages of the document that need OCR are read; called from several threads.</summary>
    public Action<int, int>? OnOcrPage { get; init; }

    /// <summary>The decoded text of a text file.</summary>
    public string Text => Content.Text ?? throw new InvalidOperationException($"{FileName} was not decoded as text");
}
