using RagAssistant.Core.Search;

namespace RagAssistant.Core.Tests;

public sealed class PurposeSectionsTests
{
    private static RetrievedChunk Chunk(string context) => new()
    {
        ChunkId = 1, DocumentId = 1, Library = "default", Source = "/docs/wi.txt", Title = "作业指导书", Kind = "text", Text = "规范螺栓紧固作业。",
        Locator = "1", Context = context,
    };

    [Theory]
    [InlineData("作业指导书_扭矩紧固_WI-AS-021 > 1 目的", true)]
    [InlineData("热处理通用技术条件 > 1 范围", true)]
    [InlineData("CK6150 Operating Procedure > 1 Scope", true)]
    [InlineData("Maintenance Manual > 1.1 Purpose", true)]
    [InlineData("作业指导书_扭矩紧固_WI-AS-021 > 4 作业步骤", false)]
    [InlineData("热处理通用技术条件 > 4 技术要求 > 4.1 调质", false)]
    public void PurposeAndScopeHeadings_AreTold(string context, bool expected) =>
        Assert.Equal(expected, PurposeSections.IsPurposeSource(Chunk(context)));

    [Theory]
    [InlineData("这份作业指导书的目的是什么？", true)]
    [InlineData("Q/JD 105 适用于哪些零件？", true)]
    [InlineData("What does this procedure apply to?", true)]
    [InlineData("M10 螺栓的拧紧顺序是什么？", false)]
    public void QuestionsAboutPurposeOrScope_AreTold(string question, bool expected) =>
        Assert.Equal(expected, PurposeSections.AsksForPurpose(question));
}
