using System.Text;
using RagAssistant.Ingestion.Detection;
using RagAssistant.Ingestion.Readers;

namespace RagAssistant.Ingestion.Tests;

/// <summary>Builds reader input the way the pipeline does: bytes, then content detection.</summary>
internal static class ReaderTestInput
{
    public static ReaderInput For(string fileName, string text) => For(fileName, Encoding.UTF8.GetBytes(text));

    public static ReaderInput For(string fileName, byte[] bytes) => new(fileName, bytes, ContentTypeDetector.Detect(bytes, fileName));
}
