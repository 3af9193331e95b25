using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using RagAssistant.Core.Documents;
using RagAssistant.Core.Storage;
using RagAssistant.Core.Text;

namespace RagAssistant.Storage.Sqlite;

/// <summary>
/// Checks a knowledge-base file and, when asked, rebuilds what is derived from its data. Safe while the web app runs:
/// the checks read (the FTS5 self-check briefly takes the write lock), a repair is one write transaction.
/// </summary>
/// <remarks>
/// The checks, in order:
/// <list type="bullet">
/// <item><b>integrity</b>: <c>PRAGMA integrity_check</c> — pages, b-trees, indexes, NOT NULL and CHECK constraints.</item>
/// <item><b>foreign_key</b>: <c>PRAGMA foreign_key_check</c> — chunks, pages and originals of missing documents, turns of missing conversations, the account tables' keys.</item>
/// <item><b>write_generation</b>: its one row exists (in-memory copies of the index reload when it changes; without it every search fails).</item>
/// <item><b>vector</b>: a vector is set iff its model and dimension are; it is a BLOB of 4 × dimension bytes (float32);
/// every value is finite; all vectors of one model have that model's dimension (the one most of its vectors have).</item>
/// <item><b>fts</b>: FTS5's own <c>integrity-check</c> of the index structure, then every chunk has a row in the
/// contentless <c>chunks_fts</c> (whose rowid is the chunk id) and no row is left without its chunk. A contentless table
/// keeps no text, so a row indexed from the wrong text cannot be seen; <c>--repair</c> rebuilds all rows from the chunks.
/// The index was built with this program's segmentation (<see cref="ITextSegmenter.Signature"/>: its dictionaries and
/// character folding; unknown for a knowledge base written before it was recorded): another one cuts the same text into
/// other terms, and a question's words would miss the stored ones.</item>
/// <item><b>revision</b>: each document's identity key is the one its identity gives, and within each identity exactly the
/// newest revisions are current (the rule <see cref="SqliteDocumentStore"/> applies when saving).</item>
/// <item><b>original</b>: each stored original file still has the SHA-256 its document records.</item>
/// </list>
/// A repair rebuilds derived data only: the keyword index (from the chunks' text, segmented as at ingestion), the write
/// generation row, identity keys and superseded marks, and it clears malformed vectors so <c>rag reembed</c> embeds those
/// chunks again. Damaged pages, broken keys and damaged originals are the data itself: restore a backup.
/// </remarks>
public sealed class KnowledgeBaseCheck(SqliteDatabase database, ITextSegmenter segmenter)
{
    /// <summary>Problems listed per check; beyond it one line counts the rest (a repair still mends them all).</summary>
    public const int MaxListed = 50;

    /// <summary>Rows whose vector columns disagree with each other (also the repair's WHERE clause).</summary>
    internal const string MalformedVector = """
        (vector IS NULL) <> (model IS NULL) OR (vector IS NULL) <> (dimension IS NULL)
        OR (vector IS NOT NULL AND (typeof(vector) <> 'blob' OR dimension <= 0 OR length(vector) <> 4 * dimension))
        """;

    public CheckReport Run(bool repair = false, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(database.DatabasePath))
            throw new KnowledgeBaseException($"database file {database.DatabasePath} does not exist");
        using var connection = database.Open();
        try
        {
            var found = Inspect(connection, cancellationToken);
            if (!repair || !found.Problems.Any(p => p.Repairable))
                return Report(connection, found.Problems, [], []);
            var repairs = KnowledgeBaseRepair.Run(connection, segmenter, found, cancellationToken);
            var after = Inspect(connection, cancellationToken);
            var mended = found.Problems.Where(p => !after.Problems.Contains(p)).ToList();
            return Report(connection, after.Problems, mended, repairs);
        }
        catch (SqliteException ex)
        {
            throw database.Translate(ex);
        }
    }

    private CheckReport Report(SqliteConnection connection, IReadOnlyList<CheckProblem> problems, IReadOnlyList<CheckProblem> mended, IReadOnlyList<string> repairs)
    {
        long Count(string sql) => Guarded(() => KnowledgeBaseFile.Count(connection, sql));
        return new CheckReport(database.DatabasePath, Count("SELECT count(*) FROM documents"), Count("SELECT count(*) FROM chunks"),
            Count("SELECT count(*) FROM chunks WHERE vector IS NOT NULL"), problems, mended, repairs);
    }

    private static long Guarded(Func<long> count)
    {
        try
        {
            return count();
        }
        catch (SqliteException)
        {
            return -1; // unreadable: the integrity problems say why
        }
    }

    /// <summary>What one pass found, with what a repair needs beyond the (capped) list.</summary>
    internal sealed class Inspection
    {
        public List<CheckProblem> Problems { get; } = [];
        public HashSet<long> BadVectors { get; } = [];
        public bool FtsBroken { get; set; }
        public bool RevisionsStale { get; set; }
        public bool GenerationMissing { get; set; }

        /// <summary>Adds a problem unless <see cref="MaxListed"/> of its check are listed; then counts it into one summary line.</summary>
        public void Add(CheckProblem problem)
        {
            var listed = Problems.Count(p => p.Check == problem.Check && p.Id is not null);
            if (problem.Id is null || listed < MaxListed) { Problems.Add(problem); return; }
            var summary = Problems.FindIndex(p => p.Check == problem.Check && p.Id is null && p.Message.StartsWith("… and ", StringComparison.Ordinal));
            var more = summary < 0 ? 1 : int.Parse(Problems[summary].Message.Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture) + 1;
            var line = problem with { Id = null, Message = $"… and {more} more {problem.Check} problems in {problem.Table}" };
            if (summary < 0) Problems.Add(line); else Problems[summary] = line;
        }
    }

    private Inspection Inspect(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var found = new Inspection();
        Step(found, () => CheckIntegrity(connection, found));
        Step(found, () => CheckForeignKeys(connection, found));
        Step(found, () => CheckWriteGeneration(connection, found));
        cancellationToken.ThrowIfCancellationRequested();
        Step(found, () => CheckVectors(connection, found));
        cancellationToken.ThrowIfCancellationRequested();
        Step(found, () => CheckFts(connection, found));
        Step(found, () => CheckSegmentation(connection, found));
        Step(found, () => CheckRevisions(connection, found));
        cancellationToken.ThrowIfCancellationRequested();
        Step(found, () => CheckOriginals(connection, found));
        return found;
    }

    /// <summary>A check that cannot read its rows (a damaged page) becomes an integrity problem; the others still run.</summary>
    private static void Step(Inspection found, Action check)
    {
        try
        {
            check();
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 11 or 26) // SQLITE_CORRUPT, SQLITE_NOTADB
        {
            found.Add(new CheckProblem(CheckNames.Integrity, null, null, $"reading failed: {ex.Message}", false));
        }
    }

    private static void CheckIntegrity(SqliteConnection connection, Inspection found)
    {
        foreach (var line in KnowledgeBaseFile.Texts(connection, "PRAGMA integrity_check(100)").Where(l => l != "ok"))
            found.Add(new CheckProblem(CheckNames.Integrity, null, null, line, false));
    }

    private static void CheckForeignKeys(SqliteConnection connection, Inspection found)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA foreign_key_check";
        using var r = command.ExecuteReader();
        while (r.Read())
        {
            var (table, parent) = (r.GetString(0), r.GetString(2));
            long? id = r.IsDBNull(1) ? null : r.GetInt64(1);
            var row = id is null ? "a row" : $"row {id}";
            found.Add(new CheckProblem(CheckNames.ForeignKey, table, id, $"{table} {row} refers to a row of {parent} that does not exist", false));
        }
    }

    private static void CheckWriteGeneration(SqliteConnection connection, Inspection found)
    {
        if (KnowledgeBaseFile.Count(connection, "SELECT count(*) FROM write_generation WHERE id = 1") == 1) return;
        found.GenerationMissing = true;
        found.Add(new CheckProblem(CheckNames.WriteGeneration, "write_generation", null,
            "the write generation row is missing: searches fail and in-memory indexes cannot tell when to reload", true));
    }

    private static void CheckVectors(SqliteConnection connection, Inspection found)
    {
        void Bad(long id, string message)
        {
            found.BadVectors.Add(id);
            found.Add(new CheckProblem(CheckNames.Vector, "chunks", id, $"chunk {id}: {message}", true));
        }

        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT id, vector IS NOT NULL, model, dimension, typeof(vector), length(vector) FROM chunks WHERE {MalformedVector} ORDER BY id";
            using var r = command.ExecuteReader();
            while (r.Read())
            {
                var (id, hasVector, model, dimension) = (r.GetInt64(0), r.GetBoolean(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? (long?)null : r.GetInt64(3));
                if (hasVector && model is null) Bad(id, "has a vector but no model");
                else if (hasVector && dimension is null) Bad(id, $"has a vector of model {model} but no dimension");
                else if (!hasVector) Bad(id, model is null ? $"has dimension {dimension} but no vector" : $"names model {model} but has no vector");
                else if (r.GetString(4) != "blob") Bad(id, $"vector is stored as {r.GetString(4)}, not a BLOB");
                else Bad(id, $"vector of {r.GetInt64(5)} bytes, but dimension {dimension} needs {4 * dimension} (4 bytes a value)");
            }
        }

        // One dimension per model: the one most of its vectors have.
        var byModel = new Dictionary<string, List<(long Dimension, long Count)>>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT model, dimension, count(*) FROM chunks WHERE vector IS NOT NULL AND NOT ({MalformedVector}) GROUP BY model, dimension";
            using var r = command.ExecuteReader();
            while (r.Read())
                (byModel.TryGetValue(r.GetString(0), out var list) ? list : byModel[r.GetString(0)] = []).Add((r.GetInt64(1), r.GetInt64(2)));
        }
        foreach (var (model, dimensions) in byModel.Where(m => m.Value.Count > 1))
        {
            var usual = dimensions.MaxBy(d => d.Count).Dimension;
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT id, dimension FROM chunks WHERE model = $model AND dimension <> $usual AND vector IS NOT NULL ORDER BY id";
            command.Parameters.AddWithValue("$model", model);
            command.Parameters.AddWithValue("$usual", usual);
            using var r = command.ExecuteReader();
            while (r.Read()) Bad(r.GetInt64(0), $"vector has {r.GetInt64(1)} dimensions, but model {model} makes {usual}");
        }

        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT id, vector FROM chunks WHERE vector IS NOT NULL AND NOT ({MalformedVector}) ORDER BY id";
            using var r = command.ExecuteReader();
            while (r.Read())
                if (!VectorBlob.FromBytes((byte[])r.GetValue(1)).All(float.IsFinite)) Bad(r.GetInt64(0), "vector holds a NaN or infinite value");
        }
    }

    private static void CheckFts(SqliteConnection connection, Inspection found)
    {
        void Bad(long? id, string message)
        {
            found.FtsBroken = true;
            found.Add(new CheckProblem(CheckNames.Fts, "chunks_fts", id, message, true));
        }

        try
        {
            KnowledgeBaseFile.Execute(connection, "INSERT INTO chunks_fts (chunks_fts) VALUES ('integrity-check')");
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 11 or 267) // SQLITE_CORRUPT, SQLITE_CORRUPT_VTAB
        {
            Bad(null, $"the keyword index's structure is damaged: {ex.Message}");
        }
        foreach (var id in KnowledgeBaseFile.Texts(connection, "SELECT id FROM chunks WHERE id NOT IN (SELECT rowid FROM chunks_fts) ORDER BY id"))
            Bad(long.Parse(id, System.Globalization.CultureInfo.InvariantCulture), $"chunk {id} has no row in the keyword index: keyword search cannot find it");
        foreach (var id in KnowledgeBaseFile.Texts(connection, "SELECT rowid FROM chunks_fts WHERE rowid NOT IN (SELECT id FROM chunks) ORDER BY rowid"))
            Bad(long.Parse(id, System.Globalization.CultureInfo.InvariantCulture), $"keyword index row {id} has no chunk {id}: searches may return a chunk that does not exist");
    }

    private void CheckSegmentation(SqliteConnection connection, Inspection found)
    {
        if (KnowledgeBaseFile.Count(connection, "SELECT EXISTS (SELECT 1 FROM chunks)") == 0) return;
        var recorded = KnowledgeBaseFile.Scalar(connection, "SELECT segmentation FROM keyword_index WHERE id = 1") as string;
        if (recorded == segmenter.Signature) return;
        found.FtsBroken = true;
        found.Add(new CheckProblem(CheckNames.Fts, "keyword_index", null, recorded is null
            ? "the keyword index was built before its segmentation was recorded: words this program's dictionaries or folding cut otherwise (a new dictionary word, traditional characters) may not be found"
            : $"the keyword index was built with another segmentation ({recorded}, this program's is {segmenter.Signature}: its dictionaries or folding changed): some words may not be found", true));
    }

    private static void CheckRevisions(SqliteConnection connection, Inspection found)
    {
        var groups = new Dictionary<(long Library, string Kind, string Key), List<(long Id, DocumentRevision Revision, bool Superseded)>>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT id, library_id, kind, identity, identity_key, revision, effective_date, revision_year, superseded FROM documents ORDER BY id";
            using var r = command.ExecuteReader();
            while (r.Read())
            {
                var id = r.GetInt64(0);
                var identity = r.IsDBNull(3) ? null : r.GetString(3);
                var stored = r.IsDBNull(4) ? null : r.GetString(4);
                var key = SqliteDocumentStore.IdentityKey(identity);
                if (stored != key)
                {
                    found.RevisionsStale = true;
                    found.Add(new CheckProblem(CheckNames.Revision, "documents", id,
                        $"document {id}: identity key '{stored}' should be '{key}' (identity '{identity}'): its revisions are not grouped", true));
                }
                if (key is null) continue;
                var group = (r.GetInt64(1), r.GetString(2), key);
                (groups.TryGetValue(group, out var list) ? list : groups[group] = []).Add((id, SqliteDocumentStore.ReadRevision(r, 3, 5, 6, 7), r.GetInt64(8) != 0));
            }
        }
        foreach (var ((_, kind, key), revisions) in groups)
        {
            var marks = SqliteDocumentStore.SupersededMarks(revisions.Select(d => (d.Id, d.Revision)).ToList());
            foreach (var (id, revision, superseded) in revisions.Where(d => marks[d.Id] != d.Superseded))
            {
                found.RevisionsStale = true;
                var should = marks[id] ? "superseded by a newer revision" : "current (no newer revision exists)";
                found.Add(new CheckProblem(CheckNames.Revision, "documents", id,
                    $"document {id} ({kind} {key}, revision {revision.Display ?? "none"}) is marked {(superseded ? "superseded" : "current")} but is {should}", true));
            }
        }
    }

    private static void CheckOriginals(SqliteConnection connection, Inspection found)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT f.document_id, d.sha256, d.source, f.content FROM document_files f JOIN documents d ON d.id = f.document_id ORDER BY f.document_id";
        using var r = command.ExecuteReader();
        while (r.Read())
        {
            using var content = r.GetStream(3);
            if (Convert.ToHexStringLower(SHA256.HashData(content)) == r.GetString(1)) continue;
            var id = r.GetInt64(0);
            found.Add(new CheckProblem(CheckNames.Original, "document_files", id,
                $"the stored original of document {id} ({r.GetString(2)}) does not match its SHA-256: ingest the file again or restore a backup", false));
        }
    }
}
