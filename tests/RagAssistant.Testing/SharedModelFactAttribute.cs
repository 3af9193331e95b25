namespace RagAssistant.Testing;

/// <summary>
/// A test that reads a model file from ../shared/models beside the repository: skipped, saying where the file was
/// looked for, when it is absent.
/// </summary>
public sealed class SharedModelFactAttribute : FactAttribute
{
    public SharedModelFactAttribute(string relativePath)
    {
        var path = PathOf(relativePath);
        if (!File.Exists(path)) Skip = $"model file not found at {path} (it lives beside the repository in ../shared/models)";
    }

    /// <summary>The full path of <paramref name="relativePath"/> under ../shared/models.</summary>
    public static string PathOf(string relativePath) =>
        Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "models", relativePath));
}
