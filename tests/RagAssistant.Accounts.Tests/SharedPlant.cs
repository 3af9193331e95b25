using RagAssistant.Core.Access;

namespace RagAssistant.Accounts.Tests;

/// <summary>One plant shared by a test class that only reads: <c>wang</c> (Reader of line-a) and <c>boss</c> (Admin).</summary>
public sealed class SharedPlant : IAsyncLifetime
{
    public PlantKnowledgeBase Kb { get; private set; } = null!;
    public AccessScope ReaderOfLineA { get; private set; } = null!;
    public AccessScope Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Kb = await PlantKnowledgeBase.CreateAsync();
        ReaderOfLineA = await Kb.AddUserAsync("wang", Roles.Reader, (PlantKnowledgeBase.LineA, GrantAccess.Read));
        Admin = await Kb.AddUserAsync("boss", Roles.Admin);
    }

    public async Task DisposeAsync() => await Kb.DisposeAsync();
}
