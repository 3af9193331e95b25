namespace RagAssistant.Testing;

/// <summary>A test that reads ../shared/testdata/&lt;folder&gt;: skipped, saying where the data was looked for, when the folder is absent.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(string folder)
    {
        var path = Path.Combine(RepositoryPaths.SharedTestData, folder);
        if (!Directory.Exists(path)) Skip = $"shared test data not found at {path} (it lives beside the repository, see ../shared/testdata/README.md)";
    }
}
