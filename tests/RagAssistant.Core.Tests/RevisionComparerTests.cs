using RagAssistant.Core.Documents;

namespace RagAssistant.Core.Tests;

public class RevisionComparerTests
{
    [Theory]
    [InlineData("A", "B")]
    [InlineData("B", "C")]
    [InlineData("Z", "AA")]
    [InlineData("1", "2")]
    [InlineData("2", "10")]
    [InlineData("A/0", "A/1")]
    [InlineData("A/1", "B/0")]
    [InlineData("B/1", "B/2")]
    [InlineData("1.2", "1.10")]
    [InlineData(null, "A")]
    public void Marks_OrderOldestFirst(string? older, string? newer)
    {
        Assert.True(RevisionComparer.CompareMarks(older, newer) < 0, $"{older} should be older than {newer}");
        Assert.True(RevisionComparer.CompareMarks(newer, older) > 0);
    }

    [Fact]
    public void Marks_IgnoreCase()
    {
        Assert.Equal(0, RevisionComparer.CompareMarks("b", "B"));
    }

    [Fact]
    public void SameMark_LaterEffectiveDateIsNewer()
    {
        var older = new DocumentRevision("WI-1", "B", new DateOnly(2025, 1, 1));
        var newer = new DocumentRevision("WI-1", "B", new DateOnly(2026, 1, 1));
        Assert.True(RevisionComparer.Instance.Compare(older, newer) < 0);
    }

    [Fact]
    public void StandardsWithoutMarks_OrderByYear()
    {
        var y2021 = new DocumentRevision("Q/JD 105", Year: 2021);
        var y2026 = new DocumentRevision("Q/JD 105", Year: 2026);
        Assert.True(RevisionComparer.Instance.Compare(y2021, y2026) < 0);
    }

    [Fact]
    public void MarkOutranksDate()
    {
        var b = new DocumentRevision("X", "B", new DateOnly(2020, 1, 1));
        var a = new DocumentRevision("X", "A", new DateOnly(2026, 1, 1));
        Assert.True(RevisionComparer.Instance.Compare(a, b) < 0);
    }

    [Fact]
    public void Display_IsMarkElseYear()
    {
        Assert.Equal("B/1", new DocumentRevision("X", "B/1", Year: 2020).Display);
        Assert.Equal("2015", new DocumentRevision("GB/T 3077", Year: 2015).Display);
        Assert.Null(new DocumentRevision("X").Display);
    }
}
