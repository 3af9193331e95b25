using RagAssistant.Core.Documents;

namespace RagAssistant.Core.Jobs;

/// <summary>One file in the ingestion queue, as the library page and the API show it. Immutable: each change is a new snapshot.</summary>
public sealed record IngestJob(Guid Id, string FileName, string Library, long Bytes, DateTimeOffset QueuedAt)
{
    public IngestJobState State { get; init; } = IngestJobState.Queued;

    /// <summary>What the pipeline reported: ingested, replaced, unchanged, skipped or failed.</summary>
    public string? Outcome { get; init; }

    public long? DocumentId { get; init; }
    public int Chunks { get; init; }

    /// <summary>Why the file failed or was skipped, with its technical detail (English: the API, the log, the Status page).</summary>
    public string? Reason { get; init; }

    /// <summary>Why the file failed or was skipped, as a code the UI words in its language; null when it did not.</summary>
    public IngestProblem? Problem { get; init; }

    public IReadOnlyList<IngestNote> Warnings { get; init; } = [];
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Who queued the file (for the audit line written when it ends); null for the sample corpus.</summary>
    public string? User { get; init; }

    /// <summary>How many times a worker has started the job, counted before it starts: a file that crashes the app is not retried forever.</summary>
    public int Attempts { get; init; }

    /// <summary>While the job is in state ocr: pages of the document read by OCR so far, and pages to read.</summary>
    public int OcrPagesDone { get; init; }

    /// <inheritdoc cref="OcrPagesDone"/>
    public int OcrPagesTotal { get; init; }

    /// <summary>Taken by a worker: parsing, ocr, embedding or saving.</summary>
    public bool IsRunning => State is IngestJobState.Parsing or IngestJobState.Ocr or IngestJobState.Embedding or IngestJobState.Saving;

    public bool IsFinished => State is IngestJobState.Done or IngestJobState.Failed or IngestJobState.NeedsOcr
        or IngestJobState.Skipped or IngestJobState.Cancelled;
}

/// <summary>Where a queued file stands. The names in <see cref="IngestJobStates"/> are the API's.</summary>
/// <remarks>Stored by name, so the order is free; <see cref="Ocr"/> (scanned pages being read) sits between parsing and embedding.</remarks>
public enum IngestJobState { Queued, Parsing, Ocr, Embedding, Saving, Done, NeedsOcr, Skipped, Failed, Cancelled }

public static class IngestJobStates
{
    /// <summary>The lower-case name used by the HTTP API and the UI's test ids: queued, parsing, ocr, embedding, saving, done, needs_ocr, skipped, failed, cancelled.</summary>
    public static string Name(this IngestJobState state) => state switch
    {
        IngestJobState.NeedsOcr => "needs_ocr",
        _ => state.ToString().ToLowerInvariant(),
    };

    /// <summary>The state of an API name (as <see cref="Name"/> writes it); throws on a name it does not know.</summary>
    public static IngestJobState Parse(string name)
    {
        foreach (var state in Enum.GetValues<IngestJobState>())
            if (state.Name() == name) return state;
        throw new FormatException($"unknown ingestion job state '{name}'");
    }
}
