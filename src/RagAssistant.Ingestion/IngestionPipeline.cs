using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RagAssistant.Core.Access;
using RagAssistant.Core.Documents;
using RagAssistant.Core.Embeddings;
using RagAssistant.Core.Storage;
using RagAssistant.Ingestion.Chunking;
using RagAssistant.Ingestion.Classification;
using RagAssistant.Ingestion.Detection;
using RagAssistant.Ingestion.Readers;

namespace RagAssistant.Ingestion;

/// <summary>
/// Reader → chunker → store, one file at a time. Each file is isolated: its failure is reported with the reason
/// and the batch goes on; a file is stored in one transaction, so nothing already stored is lost. A file whose bytes
/// are unchanged since it was stored is not read again; a byte-identical copy under another name is skipped as a
/// duplicate; a changed file replaces its chunks. A document's chunks are embedded (in batches) before its
/// transaction and stored with their vectors, model id and dimension in that same transaction, so a crash never
/// leaves a document half embedded. The file's bytes (an archive entry's own bytes) go to the store with the document,
/// which keeps them as its original unless <c>Rag:Storage:KeepOriginals</c> is off.
/// </summary>
public sealed class IngestionPipeline(
    IDocumentStore store,
    ReaderRegistry readers,
    DocumentChunker chunker,
    IsolatedReader isolatedReader,
    IEmbeddingGenerator<string, Embedding<float>> embeddings,
    IOptions<IngestionOptions> options,
    ILogger<IngestionPipeline> logger)
{
    private static readonly ActivitySource Activities = new("RagAssistant.Ingestion");
    private readonly IngestionOptions _options = options.Value;

    /// <summary>Ingests files and folders given on a command line.</summary>
    public async Task<IngestReport> IngestPathsAsync(
        IEnumerable<string> paths, IngestRequest request, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var files = SourceFiles.Expand(paths);
        var results = new List<FileResult>();
        var tracker = new ProgressTracker(files.Count, progress);
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            tracker.Start(file.Source);
            results.AddRange(await IngestFileAsync(file, request, tracker, cancellationToken));
            tracker.Finish();
        }
        return new IngestReport(results);
    }

    /// <summary>
    /// Ingests one uploaded file; its name is checked first because it comes from outside. One result, or one per entry
    /// when the upload is a ZIP archive.
    /// </summary>
    public async Task<IReadOnlyList<FileResult>> IngestUploadAsync(string fileName, Stream content, IngestRequest request, CancellationToken cancellationToken = default)
    {
        var problem = SafeFileName.UploadProblem(fileName);
        if (problem is not null) return [Fail(SafeFileName.Printable(fileName), IngestProblem.UnsafeName, problem)];
        byte[] bytes;
        try
        {
            bytes = await ReadBoundedAsync(content, cancellationToken);
        }
        catch (IngestionException ex)
        {
            return [Fail(fileName, ex.Problem, ex.Message)];
        }
        return await IngestBytesAsync(request.Source ?? fileName, fileName, bytes, explicitlyNamed: true, request, ProgressTracker.None, cancellationToken);
    }

    private async Task<IReadOnlyList<FileResult>> IngestFileAsync(SourceFile file, IngestRequest request, ProgressTracker tracker, CancellationToken ct)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(file.FullPath);
            if (!info.Exists) return [Fail(file.Source, IngestProblem.NotFound, Directory.Exists(file.FullPath) ? "is a folder" : "no such file")];
            if (info.Length > _options.MaxFileBytes) return [Fail(file.Source, IngestProblem.TooLarge, TooLarge(info.Length))];
            bytes = await File.ReadAllBytesAsync(file.FullPath, ct);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [Fail(file.Source, IngestProblem.Unreadable, $"cannot read the file: {ex.Message}")];
        }
        return await IngestBytesAsync(file.Source, Path.GetFileName(file.FullPath), bytes, file.Explicit, request, tracker, ct);
    }

    private async Task<IReadOnlyList<FileResult>> IngestBytesAsync(
        string source, string fileName, byte[] bytes, bool explicitlyNamed, IngestRequest request, ProgressTracker tracker, CancellationToken ct,
        bool inArchive = false)
    {
        using var activity = Activities.StartActivity("ingest document");
        activity?.SetTag("rag.source", source);
        tracker.AddBytes(bytes.Length);
        try
        {
            var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
            var existing = await store.FindBySourceAsync(request.Library, source, ct);
            if (existing?.Sha256 == sha256 && !request.Force)
            {
                // Stored before originals were kept: the unchanged file still brings its original along, for the viewer.
                if (!existing.HasOriginal) await store.AttachOriginalAsync(existing.Id, bytes, ct);
                return [new FileResult(source, FileStatus.Unchanged, existing.Id, existing.Chunks)];
            }
            var duplicate = await store.FindByContentAsync(request.Library, sha256, ct);
            if (duplicate is not null && duplicate.Source != source)
                // The reason reaches uploaders through the job list: the document number identifies the duplicate
                // without its server path.
                return [Skip(source, IngestProblem.Duplicate, $"duplicate of {ShownSource.WithoutServerPath(duplicate.Source)} (document {duplicate.Id})", duplicate.Id)];

            var content = ContentTypeDetector.Detect(bytes, fileName);
            if (content.Type == ContentTypes.Zip)
                return inArchive ? [Skip(source, IngestProblem.NestedArchive, "nested archives are not opened")] : await IngestArchiveAsync(source, bytes, request, tracker, ct);

            var reader = readers.For(content.Type);
            if (reader is null)
            {
                var (problem, reason) = content.Reason is { } detected ? (IngestProblem.Unsupported, detected) : Unsupported(content.Type, bytes);
                // Found while walking a folder, a file of a type we do not read is skipped (with the reason); a password-protected
                // Office file is a document the user wants, so it fails even then.
                var wanted = explicitlyNamed || content.Type == ContentTypes.LegacyOffice && OleContainer.Classify(bytes) == OleContainer.Kind.Encrypted;
                return [wanted ? Fail(source, problem, reason) : Skip(source, problem, reason)];
            }

            request.OnStage?.Invoke(IngestStage.Parsing);
            var parsed = await isolatedReader.ReadAsync(reader, new ReaderInput(fileName, bytes, content)
            {
                Passwords = request.Passwords,
                OnOcrPage = (done, total) =>
                {
                    tracker.OcrPages(done, total);
                    request.OnOcrPage?.Invoke(done, total);
                },
            }, ct);
            var title = TitleRules.Choose(parsed.Title, fileName);
            var (kind, revision) = DocumentClassifier.Classify(parsed, title);
            IReadOnlyList<ChunkDraft> chunks = chunker.Chunk(parsed, ContextLabel(title, kind, revision));
            // Scanned pages are stored and marked, never dropped: the document shows up as needing OCR.
            var needsOcr = parsed.PageDetails.Count(p => p.Status == PageStatus.NeedsOcr);
            if (chunks.Count == 0 && needsOcr == 0) return [Fail(source, IngestProblem.NoText, NoTextReason(parsed))];

            var warnings = new List<IngestNote>();
            if (content.Warning is not null) warnings.Add(content.Warning);
            warnings.AddRange(parsed.Warnings);
            if (needsOcr > 0)
                warnings.Add(new IngestNote(IngestWarning.NeedsOcr, $"no text layer on {needsOcr} of {parsed.PageDetails.Count} pages (scanned or image-only): needs OCR")
                {
                    Count = needsOcr,
                });
            var unsure = parsed.PageDetails.Where(p => p.Status == PageStatus.OcrLowConfidence).Select(p => p.Number).ToList();
            if (unsure.Count > 0)
                warnings.Add(new IngestNote(IngestWarning.OcrUnsure,
                    $"OCR was unsure of {unsure.Count} page{(unsure.Count == 1 ? "" : "s")} ({PageList(unsure)}): check {(unsure.Count == 1 ? "it" : "them")} against the original")
                {
                    Count = unsure.Count,
                    Pages = unsure.Take(ListedPages).ToList(),
                });
            request.OnStage?.Invoke(IngestStage.Embedding);
            TestFaults.HangWhileEmbeddingIfRequested(source);
            chunks = await EmbedAsync(chunks, warnings, ct);
            request.OnStage?.Invoke(IngestStage.Saving);
            var stored = await store.SaveAsync(new DocumentInfo
            {
                Library = request.Library,
                Source = source,
                FileName = fileName,
                Title = title,
                Kind = kind,
                Revision = revision,
                Sha256 = sha256,
                Size = bytes.Length,
                Pages = parsed.Pages,
                ContentType = content.Type,
                Status = needsOcr > 0 ? DocumentStatus.NeedsOcr : DocumentStatus.Ready,
                Warnings = warnings,
                PageDetails = parsed.PageDetails,
                Content = bytes,
            }, chunks, ct);

            tracker.AddChunks(chunks.Count);
            var status = existing is null ? FileStatus.Ingested : FileStatus.Replaced;
            Log.FileIngested(logger, source, status, chunks.Count);
            return [new FileResult(source, status, stored.Id, chunks.Count) { Warnings = warnings }];
        }
        catch (IngestionException ex)
        {
            return [Fail(source, ex.Problem, ex.Message)];
        }
        catch (KnowledgeBaseException)
        {
            throw; // the store itself is unusable: the whole run fails, not just this file
        }
        catch (EmbeddingException)
        {
            throw; // the embedding model is unusable: every file would fail the same way
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            // A reader bug or a malformed file the reader did not anticipate: isolate it, keep the batch going.
            Log.FileCrashed(logger, ex, source);
            return [Fail(source, IngestProblem.Unexpected, $"unexpected error reading the file: {ex.GetType().Name}: {ex.Message}")];
        }
    }

    /// <summary>Embeds the chunks' indexed text as passages (the generator batches them) and attaches the vectors.</summary>
    private async Task<IReadOnlyList<ChunkDraft>> EmbedAsync(IReadOnlyList<ChunkDraft> chunks, List<IngestNote> warnings, CancellationToken ct)
    {
        GeneratedEmbeddings<Embedding<float>> generated;
        try
        {
            generated = await embeddings.GenerateAsync(chunks.Select(c => c.IndexedText), EmbeddingPurpose.ForIngestion(), ct);
        }
        catch (Exception ex) when (ex is not (EmbeddingException or OperationCanceledException))
        {
            throw new EmbeddingException($"embedding failed: {ex.Message}", ex);
        }
        if (generated.Count != chunks.Count) throw new InvalidOperationException($"the embedding generator returned {generated.Count} vectors for {chunks.Count} chunks");
        var modelId = embeddings.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId;
        var truncated = 0;
        var result = new ChunkDraft[chunks.Count];
        for (var i = 0; i < chunks.Count; i++)
        {
            var embedding = generated[i];
            if (embedding.AdditionalProperties?.TryGetValue(EmbeddingProperties.Truncated, out var t) == true && t is true) truncated++;
            var model = embedding.ModelId ?? modelId ?? throw new InvalidOperationException("the embedding generator names no model id");
            result[i] = chunks[i] with { Vector = new ChunkVector(model, embedding.Vector) };
        }
        if (truncated > 0)
            warnings.Add(new IngestNote(IngestWarning.EmbeddingTruncated, $"{truncated} chunk(s) were longer than the embedding model's window and were truncated for embedding")
            {
                Count = truncated,
            });
        return result;
    }

    /// <summary>Ingests the entries of a ZIP archive as documents named "archive.zip/entry/path".</summary>
    private async Task<IReadOnlyList<FileResult>> IngestArchiveAsync(string source, byte[] bytes, IngestRequest request, ProgressTracker tracker, CancellationToken ct)
    {
        var results = new List<FileResult>();
        using var archive = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var entries = archive.Entries.Where(e => !e.FullName.EndsWith('/')).ToList();
        if (entries.Count > _options.MaxArchiveEntries)
            return [Fail(source, IngestProblem.TooManyEntries, $"archive has {entries.Count} entries, over the limit of {_options.MaxArchiveEntries}")];

        foreach (var entry in entries)
        {
            ct.ThrowIfCancellationRequested();
            var entrySource = $"{source}/{SafeFileName.Printable(entry.FullName)}";
            var problem = SafeFileName.ArchiveEntryProblem(entry.FullName);
            if (problem is not null) { results.Add(Fail(entrySource, IngestProblem.UnsafeName, problem)); continue; }
            if (entry.FullName.Split('/').Any(s => s.StartsWith('.'))) continue;
            if (entry.Length > _options.MaxFileBytes) { results.Add(Fail(entrySource, IngestProblem.TooLarge, TooLarge(entry.Length))); continue; }

            byte[] entryBytes;
            try
            {
                await using var stream = entry.Open();
                entryBytes = await ReadBoundedAsync(stream, ct);
            }
            catch (Exception ex) when (ex is InvalidDataException or IngestionException or IOException)
            {
                results.Add(Fail(entrySource, (ex as IngestionException)?.Problem ?? IngestProblem.Damaged, $"cannot read archive entry: {ex.Message}"));
                continue;
            }
            results.AddRange(await IngestBytesAsync(entrySource, entry.Name, entryBytes, explicitlyNamed: false, request, tracker, ct, inArchive: true));
        }
        return results;
    }

    /// <summary>
    /// The document's name at the head of every chunk's context: the title, preceded by the identity (a standard's code,
    /// a card's part number, a document number) when the title does not already carry it — so that a question naming
    /// "Q/JD 105 4.2.3" finds the clause.
    /// </summary>
    public static string ContextLabel(string title, string kind, DocumentRevision revision) =>
        revision.Identity is { } identity && kind != DocumentKind.Other && !title.Contains(identity, StringComparison.OrdinalIgnoreCase)
            ? $"{identity} {title}"
            : title;

    private static string NoTextReason(ParsedDocument parsed) =>
        parsed.PageDetails.Count == 0
            ? "no text found in the document"
            : $"no extractable text: none of its {parsed.PageDetails.Count} page(s) has a text layer or an image";

    /// <summary>Reads a stream up to the size limit; a larger stream is refused without reading it all (ZIP bombs).</summary>
    private async Task<byte[]> ReadBoundedAsync(Stream stream, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > _options.MaxFileBytes) throw new IngestionException(IngestProblem.TooLarge, TooLarge(buffer.Length + read, atLeast: true));
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private string TooLarge(long size, bool atLeast = false) => _options.TooLargeReason(size, atLeast);

    private (IngestProblem, string) Unsupported(string type, byte[] bytes) => type switch
    {
        ContentTypes.LegacyOffice => OleContainer.Classify(bytes) switch
        {
            OleContainer.Kind.Encrypted => (IngestProblem.PasswordProtected, "password-protected Office file: remove the password (save it unencrypted) and add it again"),
            OleContainer.Kind.Word => (IngestProblem.LegacyFormat, "legacy binary format (Word 97-2003 .doc): save as .docx/.xlsx"),
            OleContainer.Kind.Excel => (IngestProblem.LegacyFormat, "legacy binary format (Excel 97-2003 .xls): save as .docx/.xlsx"),
            OleContainer.Kind.PowerPoint => (IngestProblem.LegacyFormat, "legacy binary format (PowerPoint 97-2003 .ppt): not supported"),
            _ => (IngestProblem.LegacyFormat, "legacy binary format (OLE compound file): save as .docx/.xlsx"),
        },
        ContentTypes.Binary => (IngestProblem.Unsupported, "unsupported type: binary file (executable, compressed data, or an image other than PNG, JPEG, BMP or TIFF), not a document"),
        _ => (IngestProblem.Unsupported, $"unsupported type: {type} (supported: {string.Join(", ", readers.SupportedTypes)})"),
    };

    /// <summary>Page numbers a note lists before "…".</summary>
    private const int ListedPages = 10;

    /// <summary>"3, 7, 12" — the first ten page numbers, then "…".</summary>
    private static string PageList(IReadOnlyList<int> pages) =>
        string.Join(", ", pages.Take(ListedPages)) + (pages.Count > ListedPages ? ", …" : "");

    private FileResult Fail(string source, IngestProblem problem, string reason)
    {
        Log.FileFailed(logger, source, reason);
        return new FileResult(source, FileStatus.Failed, Error: reason) { Problem = problem };
    }

    private FileResult Skip(string source, IngestProblem problem, string reason, long? documentId = null)
    {
        Log.FileSkipped(logger, source, reason);
        return new FileResult(source, FileStatus.Skipped, documentId, Error: reason) { Problem = problem };
    }

    /// <summary>Counts what has been done and reports it.</summary>
    private sealed class ProgressTracker(int total, IProgress<IngestProgress>? progress)
    {
        public static ProgressTracker None { get; } = new(0, null);
        private readonly Lock _lock = new();
        private int _done, _chunks, _ocrDone, _ocrTotal;
        private long _bytes;
        private string? _current;

        public void Start(string source) { lock (_lock) { _current = source; _ocrDone = _ocrTotal = 0; } Report(); }
        public void Finish() { lock (_lock) { _done++; _current = null; _ocrDone = _ocrTotal = 0; } Report(); }
        public void AddChunks(int count) { lock (_lock) _chunks += count; Report(); }
        public void AddBytes(long count) { lock (_lock) _bytes += count; }

        /// <summary>OCR pages of the current file; reported from the reader's worker threads.</summary>
        public void OcrPages(int done, int total) { lock (_lock) { _ocrDone = Math.Max(_ocrDone, done); _ocrTotal = total; } Report(); }

        private void Report()
        {
            if (progress is null) return;
            IngestProgress value;
            lock (_lock) value = new IngestProgress(_done, total, _chunks, _bytes, _current) { OcrPagesDone = _ocrDone, OcrPagesTotal = _ocrTotal };
            progress.Report(value);
        }
    }
}
