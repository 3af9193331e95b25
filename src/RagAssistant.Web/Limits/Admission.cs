namespace RagAssistant.Web.Limits;

/// <summary>
/// An admitted question's hold on its answer slot and its user's stream, released once on <see cref="Dispose"/>; or,
/// when <see cref="Refusal"/> is set, why it was not admitted (then it holds nothing).
/// </summary>
public sealed class Admission : IDisposable
{
    private Action? _release;

    internal Admission(Action release) => _release = release;

    private Admission(LimitRefusal refusal) => Refusal = refusal;

    public LimitRefusal? Refusal { get; }

    internal static Admission Refused(LimitRefusal refusal) => new(refusal);

    public void Dispose() => Interlocked.Exchange(ref _release, null)?.Invoke();
}
