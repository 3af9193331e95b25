using RagAssistant.Accounts;
using RagAssistant.Core.Documents;
using RagAssistant.Core.Storage;
using RagAssistant.Ingestion.Detection;

namespace RagAssistant.Web.Ingestion;

/// <summary>
/// Uploads, re-indexing and deletion on behalf of a user, for the library page and the HTTP API alike: the user must be allowed
/// to write the library, the bytes must be a document by their content (not their name), and every accepted file is
/// audited. A refused file still becomes a failed job with the reason, so the rest of the batch goes on.
/// </summary>
public sealed class DocumentWrites(IngestionQueue queue, ProtectedKnowledgeBase knowledgeBase, IDocumentStore store, AuditLog audit)
{
    /// <summary>Queues an uploaded file; <paramref name="library"/> is trimmed, blank means the default, and a name that cannot be a library is refused.</summary>
    public async Task<IngestJob> UploadAsync(AccessScope scope, string fileName, byte[] content, string? library, string? address = null)
    {
        library = Libraries.Normalize(library);
        if (Libraries.Problem(library) is { } problem)
            return queue.Refuse(fileName, library, content.LongLength, IngestProblem.BadLibrary, $"{fileName}: field 'library': {problem}", scope.User);
        if (!scope.MayWrite(library))
            return queue.Refuse(fileName, library, content.LongLength, IngestProblem.NoWriteAccess, $"{fileName}: {scope.User} may not upload to library '{library}'", scope.User);
        var detected = ContentTypeDetector.Detect(content, fileName);
        if (detected.Type == ContentTypes.Binary)
            return queue.Refuse(fileName, library, content.LongLength, IngestProblem.Unsupported,
                user: scope.User, reason: $"{fileName}: not a document by its content (executable, compressed data, or an image other than PNG, JPEG, BMP or TIFF){(detected.Reason is { } r ? $": {r}" : "")}");
        var job = await queue.EnqueueUploadAsync(fileName, content, library, scope.User);
        if (job.State != IngestJobState.Failed)
            await audit.WriteAsync(scope.User, AuditActions.Upload, fileName, $"accepted: library {library}, {content.LongLength} bytes, job {job.Id}", address);
        return job;
    }

    /// <summary>Deletes a document the user may write (audited); one they may not read is <see cref="WriteOutcome.NotFound"/>.</summary>
    public async Task<WriteOutcome> DeleteAsync(AccessScope scope, long documentId, string? address = null)
    {
        var document = await knowledgeBase.GetDocumentAsync(scope, documentId);
        var outcome = await knowledgeBase.DeleteDocumentAsync(scope, documentId);
        if (outcome == WriteOutcome.Done)
            await audit.WriteAsync(scope.User, AuditActions.Delete, $"{documentId} {document?.FileName}", $"library {document?.Library}", address);
        return outcome;
    }

    /// <summary>
    /// Corrects a document's title, identity, revision and kind for a user who may write its library (audited, old → new);
    /// the metadata must be free of <see cref="DocumentMetadata.Problems"/>. One they may not read is <see cref="WriteOutcome.NotFound"/>.
    /// </summary>
    public async Task<(WriteOutcome Outcome, StoredDocument? Document)> EditAsync(AccessScope scope, long documentId, DocumentMetadata metadata, string? address = null)
    {
        var before = await knowledgeBase.GetDocumentAsync(scope, documentId);
        var (outcome, after) = await knowledgeBase.UpdateDocumentAsync(scope, documentId, metadata);
        if (outcome == WriteOutcome.Done && before is not null && after is not null)
            await audit.WriteAsync(scope.User, AuditActions.DocumentEdited, $"{documentId} {after.FileName}",
                $"library {after.Library}; {Changes(before, after)}", address);
        return (outcome, after);
    }

    /// <summary>"title '目录 Contents' → '减速器规格书'; revision 'A' → 'B'": the fields that changed, or "no change".</summary>
    internal static string Changes(StoredDocument before, StoredDocument after)
    {
        var changes = new[]
        {
            ("title", before.Title, after.Title), ("identity", before.Identity, after.Identity),
            ("revision", before.Revision, after.Revision), ("kind", before.Kind, after.Kind),
        }.Where(c => c.Item2 != c.Item3).Select(c => $"{c.Item1} '{c.Item2}' → '{c.Item3}'").ToList();
        return changes.Count == 0 ? "no change" : string.Join("; ", changes);
    }

    /// <summary>Re-reads a stored document from its kept original; null when the user may not write its library.</summary>
    public async Task<IngestJob?> ReindexAsync(AccessScope scope, StoredDocument document, byte[] original, string? address = null)
    {
        if (!scope.MayWrite(document.Library)) return null;
        // Under the stored source, the key that replaces the document: the one the caller was shown may be only its
        // file name (ShownSource), which would add a second document instead.
        var stored = await store.GetAsync(document.Id);
        if (stored is null) return null;
        var job = await queue.EnqueueReindexAsync(stored.Source, stored.FileName, original, stored.Library, scope.User);
        await audit.WriteAsync(scope.User, AuditActions.Reindex, $"{document.Id} {document.FileName}", $"library {document.Library}", address);
        return job;
    }
}
