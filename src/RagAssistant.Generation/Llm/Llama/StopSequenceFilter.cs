using System.Text;

namespace RagAssistant.Generation.Llm.Llama;

/// <summary>
/// Cuts generated text at the first stop sequence (the next "User:" turn of a plain transcript), which must not reach
/// the reader. Text that might be the start of a stop — trailing whitespace followed by a prefix of one ("\nUs") — is
/// held back until the next piece decides it; the stop and the whitespace before it are dropped. With
/// <c>trimStart</c> the answer's leading whitespace (after "Assistant:") is dropped too.
/// </summary>
internal sealed class StopSequenceFilter(IReadOnlyList<string> stops, bool trimStart)
{
    private readonly StringBuilder pending = new();
    private bool started = !trimStart;

    /// <summary>Whether a stop sequence was seen: the answer is complete, generation should end.</summary>
    public bool Stopped { get; private set; }

    /// <summary>Adds a generated piece; returns the text that is now certain to belong to the answer (maybe empty).</summary>
    public string Push(string piece)
    {
        if (Stopped) return "";
        pending.Append(piece);
        if (!started)
        {
            var text = pending.ToString().TrimStart();
            pending.Clear().Append(text);
            if (text.Length == 0) return "";
            started = true;
        }
        var current = pending.ToString();
        var cut = -1;
        foreach (var stop in stops)
        {
            var at = current.IndexOf(stop, StringComparison.Ordinal);
            if (at >= 0 && (cut < 0 || at < cut)) cut = at;
        }
        if (cut >= 0)
        {
            Stopped = true;
            pending.Clear();
            return current[..cut].TrimEnd();
        }
        var keep = HeldBack(current);
        pending.Remove(0, current.Length - keep);
        return current[..^keep];
    }

    /// <summary>The held-back rest once generation ended without a stop, trailing whitespace dropped.</summary>
    public string Flush()
    {
        var rest = Stopped ? "" : pending.ToString().TrimEnd();
        pending.Clear();
        return rest;
    }

    /// <summary>Length of the longest tail of <paramref name="text"/> that is whitespace plus a proper prefix of a stop.</summary>
    private int HeldBack(string text)
    {
        var best = 0;
        foreach (var stop in stops)
            for (var length = Math.Min(stop.Length - 1, text.Length); length > 0; length--)
                if (text.AsSpan(text.Length - length).SequenceEqual(stop.AsSpan(0, length)))
                {
                    best = Math.Max(best, length);
                    break;
                }
        var start = text.Length - best;
        while (start > 0 && char.IsWhiteSpace(text[start - 1])) start--;
        return text.Length - start;
    }
}
