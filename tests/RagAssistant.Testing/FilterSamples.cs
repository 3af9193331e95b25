using RagAssistant.Core.Documents;
using RagAssistant.Core.Search;
using static RagAssistant.Testing.StoreSamples;

namespace RagAssistant.Testing;

/// <summary>
/// Five documents that differ each in one fact a <see cref="SearchFilter"/> reads (library, kind, identity, revision,
/// language), every one holding the word "torque", and the filters by name with the documents each lets through: the
/// cases every search path (keyword, loading, the in-memory and the database vector index) is checked against.
/// </summary>
public static class FilterSamples
{
    /// <summary>The five documents and the text of their one chunk.</summary>
    public static IReadOnlyList<(DocumentInfo Document, string Text)> Documents { get; } =
    [
        (Doc("plant.md", library: "plant", sha: "1"), "torque 45 N·m plant"),
        (Doc("lab.md", library: "lab", sha: "2"), "torque 45 N·m lab"),
        (Doc("std-a.md", "Q/JD 105", "A", sha: "3", kind: DocumentKind.Standard), "torque old standard"),
        (Doc("std-b.md", "q/jd  105", "B", sha: "4", kind: DocumentKind.Standard), "torque new standard"),
        (Doc("zh.md", sha: "5"), "torque 拧紧 扭矩"),
    ];

    /// <summary>The filters by name (see <see cref="Named"/>) and the documents each lets through, in ordinal order.</summary>
    public static IReadOnlyList<(string Filter, string[] Expected)> Cases { get; } =
    [
        ("library", ["lab.md"]),
        ("kind", ["std-a.md", "std-b.md"]),
        ("identity", ["std-a.md", "std-b.md"]),
        ("current", ["lab.md", "plant.md", "std-b.md", "zh.md"]),
        ("zh", ["zh.md"]),
        ("en", ["lab.md", "plant.md", "std-a.md", "std-b.md"]),
        ("kind+current", ["std-b.md"]),
    ];

    /// <summary><see cref="Cases"/> as a theory's member data (filter name, expected documents).</summary>
    public static Xunit.TheoryData<string, string[]> Theory
    {
        get
        {
            var data = new Xunit.TheoryData<string, string[]>();
            foreach (var (filter, expected) in Cases) data.Add(filter, expected);
            return data;
        }
    }

    /// <summary>
    /// The filter called <paramref name="name"/>. <paramref name="within"/>, when given, restricts a filter that names no
    /// library to those libraries, so documents a test adds beside the five (in another library) never pass it.
    /// </summary>
    public static SearchFilter Named(string name, IReadOnlyList<string>? within = null)
    {
        var filter = name switch
        {
            "library" => new SearchFilter(Libraries: ["lab"]),
            "kind" => new SearchFilter(Kinds: [DocumentKind.Standard]),
            "identity" => new SearchFilter(Identity: "Q/JD 105"),
            "current" => new SearchFilter(CurrentOnly: true),
            "zh" => new SearchFilter(Language: ChunkLanguage.Chinese),
            "en" => new SearchFilter(Language: ChunkLanguage.English),
            "kind+current" => new SearchFilter(Kinds: [DocumentKind.Standard], CurrentOnly: true),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
        return within is null || filter.Libraries is { Count: > 0 } ? filter : filter with { Libraries = within };
    }
}
