namespace RagAssistant.Generation;

/// <summary>Placeholder so the project builds; replaced by the generation options.</summary>
internal static class Placeholder;
