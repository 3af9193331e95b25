namespace RagAssistant.Core.Storage;

/// <summary>Library (collection) names.</summary>
public static class Libraries
{
    /// <summary>The library documents go to when none is named.</summary>
    public const string Default = "default";
}
