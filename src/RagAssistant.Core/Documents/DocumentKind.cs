namespace RagAssistant.Core.Documents;

/// <summary>The kinds of document the knowledge base distinguishes; the values are the JSON and database spelling.</summary>
public static class DocumentKind
{
    public const string ProcessCard = "process_card";
    public const string Standard = "standard";
    public const string WorkInstruction = "work_instruction";
    public const string Manual = "manual";
    public const string Other = "other";

    public static readonly IReadOnlyList<string> All = [ProcessCard, Standard, WorkInstruction, Manual, Other];
}
