namespace RagAssistant.Testing;

/// <summary>A theory over ../shared/testdata/&lt;folder&gt;: skipped, saying where the data was looked for, when the folder is absent.</summary>
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute(string folder)
    {
        var path = Path.Combine(RepositoryPaths.SharedTestData, folder);
        if (!Directory.Exists(path)) Skip = $"shared test data not found at {path} (it lives beside the repository, see ../shared/testdata/README.md)";
    }
}
