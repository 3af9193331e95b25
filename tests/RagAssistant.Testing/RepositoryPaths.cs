namespace RagAssistant.Testing;

/// <summary>Paths of the repository and of the shared third-party test data beside it.</summary>
public static class RepositoryPaths
{
    /// <summary>The repository root: the nearest folder above the test binaries that holds RagAssistant.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string Corpus => Path.Combine(Root, "corpus", "docs");

    /// <summary>../shared/testdata beside the repository; may be absent (tests then skip with a message).</summary>
    public static string SharedTestData => Path.GetFullPath(Path.Combine(Root, "..", "shared", "testdata"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "RagAssistant.sln"))) return dir.FullName;
        throw new InvalidOperationException($"RagAssistant.sln not found above {AppContext.BaseDirectory}");
    }
}
