// Temporary stand-in until the provider layer lands (same public API); replaced on merge.
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace RagAssistant.Generation.Llm;

public sealed class ChatModel(Kernel kernel, string provider, string model)
{
    public Kernel Kernel { get; } = kernel;
    public string Provider { get; } = provider;
    public string Model { get; } = model;

    public async IAsyncEnumerable<string> StreamAsync(ChatHistory history, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var chat = Kernel.GetRequiredService<IChatCompletionService>();
        await foreach (var part in chat.GetStreamingChatMessageContentsAsync(history, null, Kernel, ct))
            if (!string.IsNullOrEmpty(part.Content)) yield return part.Content;
    }

    public async Task<string> CompleteAsync(ChatHistory history, int maxOutputTokens, CancellationToken ct)
    {
        var chat = Kernel.GetRequiredService<IChatCompletionService>();
        var reply = await chat.GetChatMessageContentAsync(history, null, Kernel, ct);
        return reply.Content ?? "";
    }
}

public sealed class LlmException(string message, Exception? inner = null) : Exception(message, inner);

public sealed class ChatModelProvider
{
    public bool IsConfigured => false;
    public ChatModel? Get() => null;
    public string Describe() => "none";
}

public sealed class LlmOptions
{
    public const string Section = "Rag:Llm";
}
