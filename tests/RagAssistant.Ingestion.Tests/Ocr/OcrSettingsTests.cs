using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RagAssistant.Ingestion.Ocr;

namespace RagAssistant.Ingestion.Tests.Ocr;

/// <summary>Rag:Ocr settings that choose how pages are read, and their validation at start.</summary>
public sealed class OcrSettingsTests
{
    [Fact]
    public void CudaRequestedWithoutAUsableGpu_ReadsOnTheCpu_AndSaysWhy()
    {
        var log = new ListLogger();
        using var ocr = new PageOcr(new OcrOptions { Device = "cuda" }, log);
        var (bitmap, _) = RenderedText.Draw(["型号 CNC-850 扭矩 45 N·m"]);
        using (bitmap) Assert.Contains("CNC-850", ocr.Read(bitmap, CancellationToken.None).Text);
        // Without a GPU the reason is logged; a machine with one logs cuda:0.
        Assert.Contains(log.Lines, l => l.StartsWith("OCR runs on cpu (CUDA is not usable for OCR", StringComparison.Ordinal)
                                        || l.StartsWith("OCR runs on cuda:0", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Rag:Ocr:Device", "gpu", "Rag:Ocr:Device must be auto, cpu or cuda")]
    [InlineData("Rag:Ocr:Dpi", "20", "Dpi")]
    [InlineData("Rag:Ocr:MinConfidence", "1.5", "MinConfidence")]
    public void InvalidSetting_IsRefused_NamingIt(string key, string value, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        using var services = new ServiceCollection().AddRagIngestion(configuration).BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<OcrOptions>>().Value);
        Assert.Contains(expected, error.Message);
    }

    private sealed class ListLogger : ILogger
    {
        public List<string> Lines { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Lines) Lines.Add(formatter(state, exception));
        }
    }
}
