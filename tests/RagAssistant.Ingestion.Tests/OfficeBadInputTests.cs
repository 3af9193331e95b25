using System.IO.Compression;
using System.Text;
using RagAssistant.Core.Documents;
using RagAssistant.Ingestion.Detection;
using RagAssistant.Ingestion.Readers;

namespace RagAssistant.Ingestion.Tests;

public class OfficeBadInputTests : IDisposable
{
    private readonly PipelineHarness _h = new();

    public void Dispose() => _h.Dispose();

    /// <summary>A .docx whose extra entry is <paramref name="zeros"/> bytes of zeros (a tiny file that expands a lot).</summary>
    private static byte[] Bomb(long zeros, int extraEntries = 0)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var w = new StreamWriter(zip.CreateEntry("word/document.xml").Open()))
                w.Write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>");
            using (var s = zip.CreateEntry("word/media/bomb.bin", CompressionLevel.Fastest).Open())
            {
                var block = new byte[1 << 20];
                for (long written = 0; written < zeros; written += block.Length) s.Write(block, 0, (int)Math.Min(block.Length, zeros - written));
            }
            for (var i = 0; i < extraEntries; i++) zip.CreateEntry($"x/{i}.xml");
        }
        return buffer.ToArray();
    }

    [Fact]
    public void ZipBomb_IsRefusedBeforeExtraction()
    {
        var bytes = Bomb(zeros: 64L << 20);
        Assert.True(bytes.Length < 1 << 20, "the bomb is small on disk");
        var reader = new DocxReader(OfficeTestFiles.Options(o => o.MaxOfficeUncompressedBytes = 16L << 20));
        var ex = Assert.Throws<IngestionException>(() => reader.Read(ReaderTestInput.For("bomb.docx", bytes), default));
        Assert.Contains("ZIP bomb", ex.Message);
        Assert.Contains("MaxOfficeUncompressedBytes", ex.Message);
        Assert.Equal(IngestProblem.TooLarge, ex.Problem);
    }

    [Fact]
    public async Task AbsurdEntryCount_IsRefusedWithTheReason()
    {
        var file = _h.Folder.WriteBytes("many.docx", Bomb(zeros: 0, extraEntries: 6000));
        var result = Assert.Single((await _h.IngestAsync(file)).Files);
        Assert.Equal(FileStatus.Failed, result.Status);
        Assert.Contains("ZIP entries", result.Error);
        Assert.Equal(IngestProblem.TooLarge, result.Problem);
    }

    [Fact]
    public void DefaultLimits_AreDocumented()
    {
        var options = new IngestionOptions();
        Assert.Equal(5_000, options.MaxOfficeEntries);
        Assert.Equal(512L << 20, options.MaxOfficeUncompressedBytes);
    }

    /// <summary>A minimal compound file: a 512-byte header and one directory sector naming the given streams.</summary>
    private static byte[] CompoundFile(params string[] streams)
    {
        var bytes = new byte[512 + 512];
        byte[] magic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        magic.CopyTo(bytes, 0);
        var names = streams.Prepend("Root Entry").ToArray();
        for (var i = 0; i < names.Length; i++)
        {
            var entry = 512 + i * 128;
            var name = Encoding.Unicode.GetBytes(names[i] + "\0");
            name.CopyTo(bytes, entry);
            bytes[entry + 64] = (byte)name.Length;
            bytes[entry + 66] = (byte)(i == 0 ? 5 : 2);
        }
        return bytes;
    }

    [Theory]
    [InlineData("EncryptedPackage", "password-protected Office file", IngestProblem.PasswordProtected)]
    [InlineData("WordDocument", "legacy binary format (Word 97-2003 .doc): save as .docx", IngestProblem.LegacyFormat)]
    [InlineData("Workbook", "legacy binary format (Excel 97-2003 .xls)", IngestProblem.LegacyFormat)]
    public async Task OleContainers_FailWithTheRightReason(string stream, string reason, IngestProblem problem)
    {
        var file = _h.Folder.WriteBytes("in/card.xlsx", CompoundFile("EncryptionInfo" == stream ? stream : stream, "\u0005SummaryInformation"));
        var result = Assert.Single((await _h.IngestAsync(file)).Files);
        Assert.Equal(FileStatus.Failed, result.Status);
        Assert.StartsWith(reason, result.Error);
        Assert.Equal(problem, result.Problem);
        Assert.True(File.Exists(file));

        // Found by walking a folder, a legacy file is skipped with the same reason; a protected one still fails.
        var walked = Assert.Single((await _h.IngestAsync(_h.Folder.File("in"))).Files);
        Assert.Equal(stream == "EncryptedPackage" ? FileStatus.Failed : FileStatus.Skipped, walked.Status);
        Assert.StartsWith(reason, walked.Error);
    }

    [Fact]
    public void OleContainer_ReadsStreamNames() =>
        Assert.Equal(OleContainer.Kind.Encrypted, OleContainer.Classify(CompoundFile("EncryptionInfo", "EncryptedPackage")));

    [Fact]
    public void TruncatedDocx_FailsAsCorrupt_NotWithACrash()
    {
        var bytes = File.ReadAllBytes(OfficeTestFiles.Corpus("WI-AS-022_减速器箱盖扭矩紧固_作业指导书.docx"));
        var cut = bytes[..(bytes.Length / 2)];
        var ex = Record.Exception(() => new DocxReader(OfficeTestFiles.Options()).Read(new ReaderInput("cut.docx", cut, new DetectedContent(ContentTypes.Docx)), default));
        Assert.IsType<IngestionException>(ex);
    }
}
