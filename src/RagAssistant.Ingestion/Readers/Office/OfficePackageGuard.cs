using System.IO.Compression;
using RagAssistant.Core.Documents;

namespace RagAssistant.Ingestion.Readers.Office;

/// <summary>
/// Refuses an Office file before OpenXml extracts anything: too many ZIP entries, or entries declaring more
/// uncompressed bytes in total than <see cref="IngestionOptions.MaxOfficeUncompressedBytes"/> (a ZIP bomb), or a
/// container that is not a readable ZIP at all.
/// </summary>
public static class OfficePackageGuard
{
    public static void Check(byte[] bytes, IngestionOptions options)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            var entries = zip.Entries;
            if (entries.Count > options.MaxOfficeEntries)
                throw new IngestionException(IngestProblem.TooLarge,
                    $"refused: the Office file has {entries.Count} ZIP entries, over the limit of {options.MaxOfficeEntries} (Rag:Ingestion:MaxOfficeEntries); it may be a ZIP bomb");
            long total = 0;
            foreach (var entry in entries)
            {
                total += entry.Length;
                if (total > options.MaxOfficeUncompressedBytes)
                    throw new IngestionException(IngestProblem.TooLarge,
                        $"refused: the Office file expands to more than {options.MaxOfficeUncompressedBytes / (1024 * 1024)} MiB (Rag:Ingestion:MaxOfficeUncompressedBytes); it may be a ZIP bomb");
            }
        }
        catch (InvalidDataException ex)
        {
            throw new IngestionException(IngestProblem.Damaged, $"corrupt Office file (not a readable ZIP container): {ex.Message}", ex);
        }
    }
}
