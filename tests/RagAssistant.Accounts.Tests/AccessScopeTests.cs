using RagAssistant.Core.Access;
using RagAssistant.Core.Search;

namespace RagAssistant.Accounts.Tests;

public sealed class AccessScopeTests
{
    private static readonly AccessScope LineA = new("reader", ["line-a", "standards"], []);

    [Fact]
    public void UnrestrictedScope_LeavesTheFilterAsItIs()
    {
        var filter = new SearchFilter(Libraries: ["x"], CurrentOnly: true);
        Assert.Same(filter, AccessScope.LocalOperator.Restrict(filter));
        Assert.True(AccessScope.LocalOperator.MayRead("anything"));
        Assert.True(AccessScope.LocalOperator.MayWrite("anything"));
    }

    [Fact]
    public void RestrictedScope_WithoutAChoice_SearchesOnlyItsLibraries()
    {
        Assert.Equal(["line-a", "standards"], LineA.Restrict(null).Libraries);
        Assert.False(LineA.MayRead("line-b"));
        Assert.False(LineA.MayWrite("line-a"));
        Assert.False(LineA.CanUpload);
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

    [Fact]
    public void NobodyScope_ReadsAndWritesNothing()
    {
        var nobody = AccessScope.Nobody("ghost");
        Assert.False(nobody.MayRead("default"));
        Assert.False(nobody.CanUpload);
        Assert.NotEmpty(nobody.Restrict(null).Libraries!);
    }
}
