using System.Text;
using System.Text.RegularExpressions;

namespace RagAssistant.Generation.Checking;

/// <summary>
/// A model's reply, released to the user only as far as it has been checked. Each delta is added to the reply; the reply
/// up to its last stable point goes through the same check as the final answer, and what that adds to the text already
/// released is released. A point is stable when no later text can change what comes before it: not inside something
/// that may still become a citation marker or a link ("[1", "[见视频](http://…", "&lt;http://…"), and not before
/// trailing whitespace or a trailing marker (a marker removed later takes the spaces before it along; one followed by
/// another keeps them). So no delta shows a marker the check removes or a link it rewrites, and the deltas add up to
/// the checked reply. Should the check of a longer reply ever change text already released, nothing more is released;
/// the final answer then replaces what was shown, as it does anyway (<see cref="Answering.AnswerService"/>).
/// </summary>
/// <param name="check">The check of the final answer, on text alone: the reply in, the text to show out.</param>
public sealed partial class CheckedStream(Func<string, string> check)
{
    /// <summary>No open construct reaches further back than this (see <see cref="Tail"/>).</summary>
    private const int LongestTail = 2600;

    private readonly StringBuilder _reply = new();
    private string _released = "";
    private bool _diverged;

    /// <summary>Everything the model has written so far, unchecked.</summary>
    public string Reply => _reply.ToString();

    /// <summary>Adds a delta of the reply; returns the checked text it releases (empty while the end is held back).</summary>
    public string Push(string delta)
    {
        _reply.Append(delta);
        var reply = _reply.ToString();
        var tail = Tail().Match(reply, Math.Max(0, reply.Length - LongestTail));
        return Release(tail.Success ? reply[..tail.Index] : reply);
    }

    /// <summary>The reply is complete: releases what was held back.</summary>
    public string Complete() => Release(_reply.ToString());

    private string Release(string stable)
    {
        if (_diverged) return "";
        var checkedText = check(stable);
        if (!checkedText.StartsWith(_released, StringComparison.Ordinal))
        {
            _diverged = true;
            return "";
        }
        var added = checkedText[_released.Length..];
        _released = checkedText;
        return added;
    }

    /// <summary>
    /// The end of a reply that later text may still change: whitespace and complete markers (<see cref="CitationChecker.MarkerPattern"/>),
    /// then perhaps one open construct — "[…", "[…]" or "[…](…" (a marker or a <see cref="MarkdownLinks"/> link in
    /// the making), "【…", "&lt;…" (an autolink) or a lone "!" (an image's start). The bounds reach at least as far as
    /// the constructs themselves: 200 characters of link text, 2,300 after "](", 2,100 after "&lt;".
    /// </summary>
    [GeneratedRegex(@"(?:\s*" + CitationChecker.MarkerPattern + @")*\s*(?:!?\[[^\[\]\n]{0,200}(?:\](?:\([^)\n]{0,2300})?)?|【[^【】\[\]\n]{0,200}|<[^<>\s]{0,2100}|!)?\z")]
    private static partial Regex Tail();
}
