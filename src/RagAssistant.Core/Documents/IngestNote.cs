namespace RagAssistant.Core.Documents;

/// <summary>
/// Something ingestion noticed about a file it stored: a code the UI words in its own language, the English
/// <see cref="Text"/> with the technical detail (CLI, API, log), and the figures a sentence needs.
/// </summary>
public sealed record IngestNote(IngestWarning Code, string Text)
{
    /// <summary>How many pages, rows, columns, sheets, chunks or passages it concerns; 0 when it is not counted.</summary>
    public int Count { get; init; }

    /// <summary>The pages it concerns (the first few), when it is about pages.</summary>
    public IReadOnlyList<int> Pages { get; init; } = [];

    /// <summary>Words from the file itself (a sheet's name, a type), shown as they are.</summary>
    public string? Name { get; init; }

    /// <summary>The entry of an archive it is about; null for a file ingested on its own.</summary>
    public string? File { get; init; }

    /// <summary>The text, with the archive entry in front: what the CLI, the API and the log show.</summary>
    public override string ToString() => File is null ? Text : $"{File}: {Text}";
}

/// <summary>What an <see cref="IngestNote"/> is about. Stored by name; a name no longer known reads back as <see cref="Other"/>.</summary>
public enum IngestWarning
{
    /// <summary>A note stored before notes had codes, or one with no code of its own: only its text is known.</summary>
    Other,
    /// <summary>The file's extension claims another type than its content.</summary>
    TypeMismatch,
    /// <summary>A damaged file read as well as it could be (a PDF without its header).</summary>
    Damaged,
    /// <summary>Pages with no text layer, waiting for OCR (<see cref="IngestNote.Count"/> of the document's pages).</summary>
    NeedsOcr,
    /// <summary>Pages OCR read with low confidence (<see cref="IngestNote.Pages"/>).</summary>
    OcrUnsure,
    /// <summary>Pages that could not be read (<see cref="IngestNote.Pages"/>, or <see cref="IngestNote.Count"/> in all).</summary>
    PagesUnreadable,
    /// <summary>Pages OCR could not read (over budget, too large, render failed).</summary>
    OcrFailed,
    /// <summary>Chunks longer than the embedding model's window, embedded truncated.</summary>
    EmbeddingTruncated,
    /// <summary>A sheet read only up to Rag:Ingestion:MaxSpreadsheetCells (<see cref="IngestNote.Name"/>).</summary>
    SheetTruncated,
    HiddenSheets,
    HiddenRows,
    HiddenColumns,
    /// <summary>Passages hidden in the file (white or tiny text, hidden runs) left out of the index.</summary>
    HiddenPassages,
    /// <summary>CSV rows with another number of fields than the header.</summary>
    RaggedRows,
}

public static class IngestWarnings
{
    public static IngestWarning Parse(string? name) =>
        Enum.TryParse<IngestWarning>(name, out var code) ? code : IngestWarning.Other;
}
