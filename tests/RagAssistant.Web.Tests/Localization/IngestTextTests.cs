using System.Text.RegularExpressions;
using RagAssistant.Core.Documents;
using RagAssistant.Web.Localization;

namespace RagAssistant.Web.Tests.Localization;

public partial class IngestTextTests
{
    public static TheoryData<string> Languages => new() { UiLanguages.Chinese, UiLanguages.English };

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryProblem_HasItsOwnSentence(string language)
    {
        var text = UiText.For(language).Ingest;
        var sentences = Enum.GetValues<IngestProblem>().Select(p => (p, text.Problems.GetValueOrDefault(p))).ToList();

        Assert.All(sentences, s => Assert.False(string.IsNullOrWhiteSpace(s.Item2), $"{s.p} has no sentence in {language}"));
        Assert.Equal(sentences.Count, sentences.Select(s => s.Item2).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryNoteCode_IsSaidAsASentence_NotItsEnglishText(string language)
    {
        var text = UiText.For(language).Ingest;
        foreach (var code in Enum.GetValues<IngestWarning>().Where(c => c != IngestWarning.Other))
        {
            var note = new IngestNote(code, "ENGLISH TEXT") { Count = 2, Pages = [3, 7], Name = "工序卡" };
            var sentence = text.Note(note);
            Assert.DoesNotContain("ENGLISH TEXT", sentence);
            Assert.DoesNotContain("{", sentence);
        }
    }

    [Fact]
    public void ChineseSentences_HoldNoEnglishWords()
    {
        var text = IngestText.Chinese;
        var sentences = text.Problems.Values.Concat(text.Notes.Values);
        // File types (.docx, UTF-8, OCR) are names and {count} a placeholder, not English words.
        Assert.All(sentences, s => Assert.DoesNotMatch(EnglishWord(), s.Replace("OCR", "").Replace("Office", "").Replace("UTF-8", "")));
    }

    [Fact]
    public void Note_FillsItsFigures_AndNamesTheArchiveEntry()
    {
        var note = new IngestNote(IngestWarning.PagesUnreadable, "page 4 could not be read: bad xref") { Pages = [4], Count = 1, File = "pack.zip/a.pdf" };

        Assert.Equal("pack.zip/a.pdf：第 4 页无法读取。", IngestText.Chinese.Note(note));
        Assert.Equal("共有 12 页无法读取。", IngestText.Chinese.Note(new IngestNote(IngestWarning.PagesUnreadable, "12 pages in all could not be read") { Count = 12 }));
        Assert.Equal("old words", IngestText.Chinese.Note(new IngestNote(IngestWarning.Other, "old words")));
    }

    [GeneratedRegex(@"(?<![.{])\b[A-Za-z]{3,}\b(?!})")]
    private static partial Regex EnglishWord();
}
