using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RagAssistant.Core.Answers;

namespace RagAssistant.Web.Tests.EndToEnd;

/// <summary>Reads what the page shows back from the app's own conversation store (the conversation id is in the URL).</summary>
internal static class AnswerLookup
{
    public static async Task<string> ConversationIdAsync(IPage page)
    {
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/c/[^/]+$"));
        return page.Url[(page.Url.LastIndexOf("/c/", StringComparison.Ordinal) + 3)..];
    }

    public static async Task<Conversation> ConversationAsync(IServiceProvider services, IPage page)
    {
        var id = await ConversationIdAsync(page);
        using var scope = services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IConversationStore>();
        return await store.GetAsync(id) ?? throw new InvalidOperationException($"conversation {id} is not in the store");
    }
}
