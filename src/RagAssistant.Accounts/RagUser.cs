using Microsoft.AspNetCore.Identity;

namespace RagAssistant.Accounts;

/// <summary>A local account. Disabled accounts cannot sign in, their API keys stop working and their sessions end.</summary>
public sealed class RagUser : IdentityUser
{
    public bool Disabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
