using RagAssistant.Ingestion.Ocr;

namespace RagAssistant.Ingestion.Tests.Ocr;

/// <summary>One engine on the real models (copied to models/ppocr/ by the build) for all OCR tests of a class.</summary>
public sealed class OcrEngineFixture : IDisposable
{
    public PpOcrEngine Engine { get; } = new(OcrModelFiles.In(OcrModelFiles.DefaultFolder));

    public void Dispose() => Engine.Dispose();
}
