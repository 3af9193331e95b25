using System.Text.Json;

namespace RagAssistant.Cli.Tests;

/// <summary>Shorthands over <see cref="RagProcess"/> for the JSON commands, and readers for their output.</summary>
public static class Rag
{
    /// <summary>Runs rag with <c>--json</c>, asserts exit 0 and that stdout is exactly one JSON document, and returns it.</summary>
    public static async Task<JsonElement> JsonAsync(string workingDirectory, IReadOnlyDictionary<string, string>? env, params string[] args)
    {
        var result = await RagProcess.RunAsync([.. args, "--json"], workingDirectory, env);
        Assert.True(result.ExitCode == 0, $"rag {string.Join(' ', args)} failed: {result}");
        return ParseSingleDocument(result);
    }

    public static Task<JsonElement> IngestAsync(string workingDirectory, string db, params string[] paths) =>
        JsonAsync(workingDirectory, null, ["ingest", .. paths, "--db", db]);

    public static Task<JsonElement> ListAsync(string workingDirectory, string db, string? library = null) =>
        JsonAsync(workingDirectory, null, library is null ? ["docs", "list", "--db", db] : ["docs", "list", "--db", db, "--library", library]);

    public static Task<JsonElement> ShowAsync(string workingDirectory, string db, long id) =>
        JsonAsync(workingDirectory, null, "docs", "show", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", db);

    /// <summary>Parses stdout as exactly one JSON document (trailing text of any kind is an error).</summary>
    public static JsonElement ParseSingleDocument(RagResult result)
    {
        try
        {
            using var document = JsonDocument.Parse(result.Stdout);
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            Assert.Fail($"stdout is not exactly one JSON document ({ex.Message}): {result}");
            throw;
        }
    }

    /// <summary>The entry of an ingest report's "files" whose path is <paramref name="path"/>.</summary>
    public static JsonElement FileResult(JsonElement report, string path)
    {
        var matches = report.GetProperty("files").EnumerateArray().Where(f => f.GetProperty("path").GetString() == path).ToList();
        Assert.True(matches.Count == 1, $"expected one result for '{path}' in {report}");
        return matches[0];
    }

    public static string Status(this JsonElement fileResult) => fileResult.GetProperty("status").GetString()!;

    public static string Error(this JsonElement fileResult) => fileResult.GetProperty("error").GetString() ?? "";

    public static IReadOnlyList<JsonElement> Documents(JsonElement list) => list.GetProperty("documents").EnumerateArray().ToList();

    /// <summary>The document of a <c>docs list</c> whose source is <paramref name="source"/> (and library, when given).</summary>
    public static JsonElement Document(JsonElement list, string source, string? library = null)
    {
        var matches = Documents(list)
            .Where(d => d.GetProperty("source").GetString() == source && (library is null || d.GetProperty("library").GetString() == library))
            .ToList();
        Assert.True(matches.Count == 1, $"expected one document with source '{source}' in {list}");
        return matches[0];
    }

    public static bool HasDocument(JsonElement list, string source) =>
        Documents(list).Any(d => d.GetProperty("source").GetString() == source);

    public static long Id(this JsonElement element) => element.GetProperty("id").GetInt64();

    public static int Chunks(this JsonElement element) => element.GetProperty("chunks").GetInt32();

    /// <summary>The texts of a <c>docs show</c>'s chunks, in order.</summary>
    public static IReadOnlyList<string> ChunkTexts(JsonElement show) =>
        show.GetProperty("chunks").EnumerateArray().Select(c => c.GetProperty("text").GetString()!).ToList();

    public static string[] PropertyNames(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();

    /// <summary>A small Markdown document whose words are unique to <paramref name="topic"/> (so no two are duplicates).</summary>
    public static string Markdown(string topic) =>
        $"# {topic}\n\nThis document describes {topic} on the shop floor. Operators check {topic} before every shift.\n\n" +
        $"## Details\n\nThe {topic} procedure has three steps: inspect, record, release.\n";
}
