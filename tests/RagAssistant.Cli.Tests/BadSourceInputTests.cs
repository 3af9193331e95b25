using System.IO.Compression;
using System.Text;

namespace RagAssistant.Cli.Tests;

/// <summary>Bad sources: unsupported types (walked vs. named), missing paths, unsafe archive entry names (see <see cref="BadInputTestBase"/>).</summary>
public sealed class BadSourceInputTests : BadInputTestBase
{
    // A GIF image and a legacy Word (.doc, OLE compound file) document: neither has a reader.
    // A GIF: images other than PNG, JPEG and BMP have no reader (those three are read by OCR).
    private static readonly byte[] Gif = [.. "GIF89a"u8, 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 0x01, 0, 0x3B];
    private static readonly byte[] OleDoc = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];

    [Fact]
    public async Task Ingest_UnsupportedTypesFoundByWalkingFolder_AreSkipped()
    {
        Temp.WriteBytes("folder/image.gif", Gif);
        Temp.WriteBytes("folder/old.doc", OleDoc);
        Temp.WriteText("folder/zz-good.md", Rag.Markdown("hydraulic chuck"));

        var (report, _) = await IngestBatchAsync(["folder"]);

        foreach (var path in new[] { "folder/image.gif", "folder/old.doc" })
        {
            var bad = Rag.FileResult(report, path);
            Assert.Equal("skipped", bad.Status());
            // An image is an unsupported type; an old binary .doc says so more precisely ("legacy binary format: save as .docx").
            Assert.Matches("(?i)unsupported|legacy binary format", bad.Error());
        }
        Assert.Equal("ingested", Rag.FileResult(report, "folder/zz-good.md").Status());
    }

    [Fact]
    public async Task Ingest_UnsupportedTypesNamedExplicitly_Fail()
    {
        Temp.WriteBytes("image.gif", Gif);
        Temp.WriteBytes("old.doc", OleDoc);

        var (report, _) = await IngestBatchAsync(["image.gif", "old.doc"]);

        foreach (var path in new[] { "image.gif", "old.doc" })
        {
            var bad = Rag.FileResult(report, path);
            Assert.Equal("failed", bad.Status());
            // An image is an unsupported type; an old binary .doc says so more precisely ("legacy binary format: save as .docx").
            Assert.Matches("(?i)unsupported|legacy binary format", bad.Error());
        }
    }

    [Fact]
    public async Task Ingest_NonexistentPath_FailsAsNoSuchFile()
    {
        var bad = await IngestBatchWithAsync("missing.md");

        Assert.Equal("failed", bad.Status());
        Assert.Contains("no such file", bad.Error(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Ingest_ZipWithUnsafeEntryNames_IngestsGoodEntryAndFailsUnsafeOnes()
    {
        using (var zip = ZipFile.Open(Temp.File("archive.zip"), ZipArchiveMode.Create))
        {
            Write(zip, "ok.md", Rag.Markdown("torque wrench calibration"));
            Write(zip, "../evil.md", Rag.Markdown("path traversal"));
            Write(zip, "dir/a\u0001b.md", Rag.Markdown("control characters"));
        }

        var (report, list) = await IngestBatchAsync(["archive.zip"]);

        Assert.Equal("ingested", Rag.FileResult(report, "archive.zip/ok.md").Status());
        var entries = report.GetProperty("files").EnumerateArray().Where(f => f.GetProperty("path").GetString()!.StartsWith("archive.zip/", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, entries.Count);
        var traversal = Assert.Single(entries, f => f.GetProperty("path").GetString()!.Contains("evil", StringComparison.Ordinal));
        Assert.Equal("failed", traversal.Status());
        Assert.Contains("..", traversal.Error());
        var control = Assert.Single(entries, f => f.GetProperty("path").GetString()!.Contains("dir/a", StringComparison.Ordinal));
        Assert.Equal("failed", control.Status());
        Assert.Contains("control character", control.Error(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain('\u0001', control.GetProperty("path").GetString()!);

        Assert.True(Rag.HasDocument(list, "archive.zip/ok.md"));
        Assert.DoesNotContain(Rag.Documents(list), d => d.GetProperty("source").GetString()!.Contains("evil", StringComparison.Ordinal));
        Assert.DoesNotContain(Rag.Documents(list), d => d.GetProperty("source").GetString()!.Contains("dir/a", StringComparison.Ordinal));

        static void Write(ZipArchive zip, string name, string content)
        {
            using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
            writer.Write(content);
        }
    }
}
