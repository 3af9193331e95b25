using RagAssistant.Core.Documents;

namespace RagAssistant.Ingestion.Readers;

/// <summary>
/// The warning of a document whose hidden text was left out (CSS-hidden HTML, Word's hidden formatting): text no reader
/// of the document sees is no part of it, and is where instructions aimed at the model would hide.
/// </summary>
internal static class HiddenPassages
{
    public static IReadOnlyList<IngestNote> Warning(int count) => count switch
    {
        0 => [],
        1 => [new IngestNote(IngestWarning.HiddenPassages, "1 hidden passage not indexed (text the document does not show)") { Count = 1 }],
        _ => [new IngestNote(IngestWarning.HiddenPassages, $"{count} hidden passages not indexed (text the document does not show)") { Count = count }],
    };
}
