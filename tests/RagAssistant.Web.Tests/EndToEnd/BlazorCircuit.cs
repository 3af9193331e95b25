using System.Text;
using Microsoft.Playwright;

namespace RagAssistant.Web.Tests.EndToEnd;

/// <summary>
/// Knows when a page's Blazor Server circuit is live. The app prerenders, so buttons are visible before their
/// handlers exist; a click or a keystroke before the circuit's first render batch would be lost. The first
/// <c>JS.RenderBatch</c> message on the circuit's WebSocket after a full page load marks the page interactive.
/// </summary>
public sealed class BlazorCircuit
{
    private static readonly byte[] RenderBatch = Encoding.ASCII.GetBytes("JS.RenderBatch");
    private TaskCompletionSource _interactive = NewSource();

    public BlazorCircuit(IPage page)
    {
        page.WebSocket += (_, socket) =>
        {
            if (!socket.Url.Contains("/_blazor", StringComparison.Ordinal)) return;
            var source = _interactive;
            socket.FrameReceived += (_, frame) =>
            {
                var isBatch = frame.Binary is { } bytes ? bytes.AsSpan().IndexOf(RenderBatch) >= 0 : frame.Text?.Contains("JS.RenderBatch") == true;
                if (isBatch) source.TrySetResult();
            };
        };
    }

    /// <summary>Call before a full page load (goto, a link that reloads the page).</summary>
    public void Reset() => _interactive = NewSource();

    public async Task WaitAsync(TimeSpan? timeout = null)
    {
        try
        {
            await _interactive.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException("the page's Blazor circuit sent no render batch: the page never became interactive");
        }
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
