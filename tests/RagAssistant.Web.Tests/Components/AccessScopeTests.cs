using RagAssistant.Core.Search;
using RagAssistant.Web.Access;

namespace RagAssistant.Web.Tests.Components;

public sealed class AccessScopeTests
{
    private static readonly AccessScope LineA = new("reader", ["line-a", "standards"], CanUpload: false, CanDelete: false);
    private static readonly AccessScope Everything = new("local", null, true, true);

    [Fact]
    public void UnrestrictedScope_LeavesTheFilterAsItIs()
    {
        var filter = new SearchFilter(Libraries: ["x"], CurrentOnly: true);
        Assert.Same(filter, Everything.Restrict(filter));
        Assert.True(Everything.MayRead("anything"));
    }

    [Fact]
    public void RestrictedScope_WithoutAChoice_SearchesOnlyItsLibraries()
    {
        Assert.Equal(["line-a", "standards"], LineA.Restrict(null).Libraries);
        Assert.False(LineA.MayRead("line-b"));
    }

    [Fact]
    public void RestrictedScope_KeepsOnlyTheChosenLibrariesItMayRead()
    {
        Assert.Equal(["standards"], LineA.Restrict(new SearchFilter(Libraries: ["standards", "line-b"])).Libraries);
    }

    [Fact]
    public void RestrictedScope_ChoosingOnlyForbiddenLibraries_FindsNothingRatherThanEverything()
    {
        var libraries = LineA.Restrict(new SearchFilter(Libraries: ["line-b"])).Libraries;
        Assert.NotNull(libraries);
        Assert.NotEmpty(libraries); // an empty list would mean "no restriction" to the search layer
        Assert.DoesNotContain("line-b", libraries);
        Assert.All(libraries, l => Assert.False(LineA.MayRead(l)));
    }
}
