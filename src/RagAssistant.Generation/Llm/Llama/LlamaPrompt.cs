using System.Text;
using LLama;
using Microsoft.SemanticKernel.ChatCompletion;

namespace RagAssistant.Generation.Llm.Llama;

/// <summary>
/// The text a local model is given for a chat: the model's own chat template when the GGUF file carries one
/// (<c>tokenizer.chat_template</c>: Qwen, Llama 3, Mistral …, whose end-of-turn token stops generation), else a plain
/// transcript — "System: …", "User: …", "Assistant: …" lines ending in "Assistant:" — whose <see cref="Stops"/> end
/// the answer at the next "User:" turn. A history that ends with an assistant message is continued: that message is
/// left open, so the model writes on from its last word (prefill).
/// </summary>
internal sealed record LlamaPrompt(string Text, IReadOnlyList<string> Stops, bool Continues)
{
    public const string ChatTemplateKey = "tokenizer.chat_template";

    private static readonly string[] TranscriptStops = ["User:", "System:"];

    public static LlamaPrompt Build(ChatHistory history, LLamaWeights weights)
    {
        var messages = history.Where(m => m.Role == AuthorRole.System || m.Role == AuthorRole.User || m.Role == AuthorRole.Assistant).ToList();
        var continues = messages.Count > 0 && messages[^1].Role == AuthorRole.Assistant;
        var open = continues ? messages[^1].Content ?? "" : null;
        var closed = continues ? messages[..^1] : messages;

        if (weights.Metadata.ContainsKey(ChatTemplateKey))
        {
            var template = new LLamaTemplate(weights) { AddAssistant = true };
            foreach (var m in closed) template.Add(m.Role.Label, m.Content ?? "");
            var text = Encoding.UTF8.GetString(template.Apply()) + open;
            return new LlamaPrompt(text, [], continues);
        }

        var transcript = new StringBuilder();
        foreach (var m in closed) transcript.Append(Label(m.Role)).Append(": ").Append(m.Content).Append('\n');
        transcript.Append("Assistant:");
        if (continues) transcript.Append(' ').Append(open);
        return new LlamaPrompt(transcript.ToString(), TranscriptStops, continues);
    }

    private static string Label(AuthorRole role) =>
        role == AuthorRole.System ? "System" : role == AuthorRole.User ? "User" : "Assistant";
}
