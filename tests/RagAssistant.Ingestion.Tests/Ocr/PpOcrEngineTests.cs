using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using RagAssistant.Ingestion.Benchmarks;
using RagAssistant.Ingestion.Ocr;
using SkiaSharp;
using Xunit.Abstractions;

namespace RagAssistant.Ingestion.Tests.Ocr;

/// <summary>The PP-OCRv4 Chinese models on our ONNX Runtime, on text drawn with a known font (real models, real pixels).</summary>
public sealed class PpOcrEngineTests(OcrEngineFixture fixture, ITestOutputHelper output) : IClassFixture<OcrEngineFixture>
{
    private static readonly string[] Lines =
    [
        "主轴轴承更换：先断电，再拆下防护罩。",
        "型号 CNC-850 扭矩 45 N·m",
        "Replace the spindle bearing after 8000 operating hours.",
        "检验记录 第3页 共12页 日期 2024-05-17",
    ];

    [Fact]
    public void Read_RenderedChineseAndEnglishLines_CharacterErrorRateAtMostTwoPercent()
    {
        var (bitmap, _) = RenderedText.Draw(Lines);
        using (bitmap)
        {
            fixture.Engine.Read(bitmap); // warm-up: the first run allocates the sessions' buffers
            var clock = Stopwatch.StartNew();
            var page = fixture.Engine.Read(bitmap);
            clock.Stop();

            output.WriteLine($"{bitmap.Width}×{bitmap.Height} px read in {clock.ElapsedMilliseconds} ms (warm)");
            foreach (var line in page.Lines) output.WriteLine($"{line.Confidence:F3} {line.Bounds} {line.Text}");
            Assert.Equal(Lines.Length, page.Lines.Count);
            for (var i = 0; i < Lines.Length; i++)
            {
                var cer = CharacterErrorRate.Of(page.Lines[i].Text, Lines[i]);
                output.WriteLine($"line {i + 1}: CER {cer:P1}");
                Assert.True(cer <= 0.02, $"line {i + 1}: read \"{page.Lines[i].Text}\" for \"{Lines[i]}\" (CER {cer:P1})");
            }
        }
    }

    [Fact]
    public void Read_ReturnsBoxesInImagePixelsAroundEachDrawnLine()
    {
        var (bitmap, baselines) = RenderedText.Draw(Lines);
        using (bitmap)
        {
            var page = fixture.Engine.Read(bitmap);

            Assert.Equal((bitmap.Width, bitmap.Height), (page.Width, page.Height));
            for (var i = 0; i < Lines.Length; i++)
            {
                var box = page.Lines[i].Bounds;
                // The glyphs sit between the baseline and about one font size above it; the box holds their middle
                // and starts near the left margin the text was drawn at.
                var middle = baselines[i] - RenderedText.FontSize * 0.4f;
                Assert.InRange(middle, box.Top, box.Bottom);
                Assert.InRange(box.Height, RenderedText.FontSize * 0.6f, RenderedText.FontSize * 2f);
                Assert.InRange(box.Left, RenderedText.Margin - 20, RenderedText.Margin + 20);
                Assert.InRange(page.Lines[i].Confidence, 0.8, 1.0);
            }
        }
    }

    [Fact]
    public void Read_EncodedPng_SameAsBitmap()
    {
        var (bitmap, _) = RenderedText.Draw([Lines[0]]);
        using (bitmap)
        {
            var page = fixture.Engine.Read(RenderedText.Png(bitmap));
            Assert.Equal(Lines[0], Assert.Single(page.Lines).Text);
        }
    }

    [Fact]
    public void Read_UpsideDownLine_IsTurnedBackByTheDirectionClassifier()
    {
        var (upright, _) = RenderedText.Draw([Lines[0]], width: 900);
        using (upright)
        using (var rotated = new SKBitmap(upright.Width, upright.Height, upright.ColorType, upright.AlphaType))
        {
            using (var canvas = new SKCanvas(rotated))
            {
                canvas.RotateDegrees(180, upright.Width / 2f, upright.Height / 2f);
                canvas.DrawBitmap(upright, 0, 0);
            }
            var page = fixture.Engine.Read(rotated);
            var line = Assert.Single(page.Lines);
            output.WriteLine($"{line.Confidence:F3} {line.Text}");
            Assert.True(CharacterErrorRate.Of(line.Text, Lines[0]) <= 0.02, line.Text);
        }
    }

    [Fact]
    public void Read_ContentsLineWithDotLeader_ReadsItsDotsBetweenEntryAndPage()
    {
        // A contents line as a typeset table of contents draws it: the entry, a leader of periods, the page number.
        const int Dots = 40;
        var (bitmap, _) = RenderedText.Draw(["3.2 Spindle lubrication " + new string('.', Dots) + " 17"], width: 1400);
        using (bitmap)
        {
            var page = fixture.Engine.Read(bitmap);
            foreach (var line in page.Lines) output.WriteLine($"{line.Confidence:F3} {line.Bounds} {line.Text}");

            var text = string.Concat(page.Lines.OrderBy(l => l.Bounds.Left).Select(l => l.Text)).Replace(" ", "", StringComparison.Ordinal);
            Assert.StartsWith("3.2Spindlelubrication", text, StringComparison.Ordinal);
            Assert.EndsWith("17", text, StringComparison.Ordinal);
            Assert.InRange(text.Count(c => c == '.'), 1 + Dots - 3, 1 + Dots + 3); // "3.2" holds one
        }
    }

    [Fact]
    public void Read_BlankImage_NoLines()
    {
        using var blank = new SKBitmap(800, 600);
        blank.Erase(SKColors.White);
        Assert.Empty(fixture.Engine.Read(blank).Lines);
    }

    [Fact]
    public void Read_NotAnImage_SaysSo()
    {
        var ex = Assert.Throws<IngestionException>(() => fixture.Engine.Read("not an image at all"u8.ToArray()));
        Assert.Contains("image", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Engine_RunsOnTheOneOnnxRuntimeOfTheGpuPackage()
    {
        var (bitmap, _) = RenderedText.Draw([Lines[1]]);
        using (bitmap) fixture.Engine.Read(bitmap);

        // Exactly one libonnxruntime.so mapped into this process, the one beside the test binaries (the GPU package's),
        // and it reports the version the GPU package names. A second runtime (RapidOcrNet's CPU package) would show as a
        // second path or as a version mismatch.
        var mapped = File.ReadLines("/proc/self/maps")
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length >= 6 && Path.GetFileName(f[^1]).StartsWith("libonnxruntime.so", StringComparison.Ordinal))
            .Select(f => f[^1]).Distinct().ToList();
        output.WriteLine(string.Join('\n', mapped));
        var library = Assert.Single(mapped);
        Assert.StartsWith(AppContext.BaseDirectory, library, StringComparison.Ordinal);
        Assert.Equal("1.31.0", OrtEnv.Instance().GetVersionString());
        Assert.False(File.Exists(Path.Combine(AppContext.BaseDirectory, "models", "v5", "latin_PP-OCRv5_rec_mobile_infer.onnx")),
            "RapidOcrNet's bundled Latin models were copied: its package's build targets ran");
    }
}
