namespace RagAssistant.Cli.Tests;

/// <summary>Bad file content: empty, misleading extension, binary, invalid UTF-8, over the size limit (see <see cref="BadInputTestBase"/>).</summary>
public sealed class BadInputTests : BadInputTestBase
{
    [Fact]
    public async Task Ingest_EmptyFile_FailsAsEmptyAndBatchGoesOn()
    {
        Temp.WriteBytes("empty.md", []);

        var bad = await IngestBatchWithAsync("empty.md");

        Assert.Equal("failed", bad.Status());
        Assert.Contains("empty", bad.Error(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("notes.csv", "# Shift handover notes\n\nThe night shift replaced the coolant filter on CK6150-02 and logged it.\n\n## Open items\n\nCheck the chuck pressure at 6 bar before the first part.\n", "csv", "markdown")]
    [InlineData("page.txt", "<!DOCTYPE html>\n<html><head><title>Furnace checklist</title></head><body><h1>Furnace checklist</h1><p>Record the carbon potential every hour and sign the furnace log.</p></body></html>\n", "txt", "html")]
    public async Task Ingest_MisleadingExtension_IngestsByDetectedTypeWithWarningNamingBoth(string fileName, string content, string extension, string detected)
    {
        Temp.WriteText(fileName, content);

        var bad = await IngestBatchWithAsync(fileName);

        Assert.Equal("ingested", bad.Status());
        var warnings = bad.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList();
        Assert.Contains(warnings, w => w.Contains(extension, StringComparison.OrdinalIgnoreCase) && w.Contains(detected, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Ingest_BinaryFilePosingAsText_FailsAsBinary()
    {
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);
        for (var i = 0; i < bytes.Length; i += 7) bytes[i] = 0;
        Temp.WriteBytes("data.txt", bytes);

        var bad = await IngestBatchWithAsync("data.txt");

        Assert.Equal("failed", bad.Status());
        Assert.Contains("binary", bad.Error(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Ingest_InvalidUtf8_FailsNamingUtf8()
    {
        var piece = new byte[] { (byte)'a', (byte)'b', (byte)'c', (byte)' ', 0xC3, 0x28, (byte)' ', (byte)'d', (byte)'e', (byte)'f', (byte)'\n' };
        Temp.WriteBytes("bad.txt", Enumerable.Repeat(piece, 50).SelectMany(p => p).ToArray());

        var bad = await IngestBatchWithAsync("bad.txt");

        Assert.Equal("failed", bad.Status());
        Assert.Contains("UTF-8", bad.Error(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Ingest_FileOverSizeLimit_FailsNamingTheLimit()
    {
        var line = "Spindle bearing temperature was checked and recorded in the maintenance log.\n";
        Temp.WriteText("big.md", ("# Big\n\n" + string.Concat(Enumerable.Repeat(line, 5000 / line.Length + 1)))[..5000]);
        Assert.Equal(5000, new FileInfo(Temp.File("big.md")).Length);
        var env = new Dictionary<string, string> { ["Rag__Ingestion__MaxFileBytes"] = "1000" };

        var bad = await IngestBatchWithAsync("big.md", env);

        Assert.Equal("failed", bad.Status());
        Assert.Contains("limit", bad.Error(), StringComparison.OrdinalIgnoreCase);
    }
}
