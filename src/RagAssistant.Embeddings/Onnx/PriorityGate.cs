namespace RagAssistant.Embeddings.Onnx;

/// <summary>
/// One holder at a time (an ONNX session's shared buffers), with foreground callers first: when the gate is released,
/// a waiting foreground caller (a question) gets it before any background caller (a document's next batch), and a
/// background caller does not take the gate while a foreground one waits. Background work enters once per batch, so a
/// question waits at most for the batch that is running, never for the rest of a document.
/// </summary>
internal sealed class PriorityGate
{
    private readonly object _lock = new(); // a Monitor, not a Lock: waiters are woken with Monitor.Wait/PulseAll
    private bool _held;
    private int _foregroundWaiting;

    public void Enter(bool foreground, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (foreground) _foregroundWaiting++;
            try
            {
                while (_held || !foreground && _foregroundWaiting > 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Monitor.Wait(_lock, 100); // a short slice keeps cancellation responsive
                }
                _held = true;
            }
            finally
            {
                if (foreground) _foregroundWaiting--;
            }
        }
    }

    public void Exit()
    {
        lock (_lock)
        {
            _held = false;
            Monitor.PulseAll(_lock);
        }
    }
}
