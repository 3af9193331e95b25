using System.Text.Json;

namespace RagAssistant.Web.Tests.Hosting;

/// <summary>One Server-Sent Event: its name and its data parsed as JSON.</summary>
public sealed record ServerSentEvent(string Name, JsonElement Data);

public static class ServerSentEvents
{
    /// <summary>Reads a whole text/event-stream body into its events, in order.</summary>
    public static async Task<IReadOnlyList<ServerSentEvent>> ReadAllAsync(HttpResponseMessage response)
    {
        var events = new List<ServerSentEvent>();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        string? name = null;
        var data = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.Length == 0)
            {
                if (name is not null) events.Add(new ServerSentEvent(name, JsonDocument.Parse(string.Join("\n", data)).RootElement.Clone()));
                name = null;
                data.Clear();
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal)) name = line["event: ".Length..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal)) data.Add(line["data: ".Length..]);
        }
        return events;
    }
}
