using System.Text;
using RagAssistant.Core.Documents;

namespace RagAssistant.Ingestion.Tests;

/// <summary>
/// A file that fails carries why as a code beside its English reason, so the web UI can say it in its language: the
/// code names the kind of trouble (empty, damaged, not text), whichever reader found it.
/// </summary>
public class ProblemCodeTests : IDisposable
{
    private readonly PipelineHarness _h = new();

    public void Dispose() => _h.Dispose();

    public static TheoryData<string, string, IngestProblem> BadFiles => new()
    {
        { "empty.md", "", IngestProblem.Empty },
        { "broken.pdf", "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >> garbage", IngestProblem.Damaged },
        { "broken.docx", "PK\u0003\u0004 not a real package", IngestProblem.Damaged },
        { "broken.xlsx", "PK\u0003\u0004 not a real package", IngestProblem.Damaged },
        { "empty.csv", "\n\n", IngestProblem.NoText },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task BadUpload_FailsWithItsProblemCode_AndTheReasonText(string name, string content, IngestProblem problem)
    {
        var result = Assert.Single(await _h.Pipeline.IngestUploadAsync(name, new MemoryStream(Encoding.Latin1.GetBytes(content)), new IngestRequest()));

        Assert.Equal(FileStatus.Failed, result.Status);
        Assert.Equal(problem, result.Problem);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
        Assert.Empty(await _h.Store.ListAsync());
    }

    [Fact]
    public async Task IngestedFile_HasNoProblem_AndItsNotesKeepTheirCodesInTheStore()
    {
        // Ten whole rows and one short one: still a CSV by its shape (90% of rows agree), with one ragged row.
        var csv = "op,machine,speed\n" + string.Concat(Enumerable.Range(1, 10).Select(i => $"{i * 10},lathe,{i * 100}\n")) + "110,mill\n";
        var result = Assert.Single(await _h.Pipeline.IngestUploadAsync("ragged.csv", new MemoryStream(Encoding.UTF8.GetBytes(csv)), new IngestRequest()));

        Assert.Equal(FileStatus.Ingested, result.Status);
        Assert.Null(result.Problem);
        var stored = await _h.Store.GetAsync(result.DocumentId!.Value);
        var note = Assert.Single(stored!.Warnings);
        Assert.Equal(IngestWarning.RaggedRows, note.Code);
        Assert.Equal(1, note.Count);
        Assert.Equal(IngestNotesJson.Write(result.Warnings), IngestNotesJson.Write(stored.Warnings));
    }
}
