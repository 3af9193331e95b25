using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace RagAssistant.Web.Limits;

/// <summary>
/// Decides whether a question is answered now, after a short wait, or not at all — the one gate for /api/ask and the
/// Ask page alike. In order: the user's open answers (<see cref="LimitsOptions.StreamsPerUser"/>, 429), the user's
/// question rate (<see cref="UserRateLimits"/>, 429), then a free answer slot (<see cref="LimitsOptions.ConcurrentAnswers"/>),
/// waiting oldest-first in a queue of <see cref="LimitsOptions.AnswerQueue"/> and refused at once when that is full (503).
/// The open-answers check comes first so that a refused extra stream costs the user no question from the bucket.
/// The returned <see cref="Admission"/> holds the slot and the user's stream until it is disposed: when the answer
/// ends, fails, or its caller goes away (the request or circuit is cancelled).
/// </summary>
public sealed class AnswerAdmission : IDisposable
{
    private readonly LimitsOptions _options;
    private readonly UserRateLimits _rates;
    private readonly ConcurrencyLimiter? _slots;
    private readonly Dictionary<string, int> _open = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private int _answering;
    private int _waiting;

    public AnswerAdmission(IOptions<LimitsOptions> options, UserRateLimits rates)
    {
        _options = options.Value;
        _rates = rates;
        if (_options.ConcurrentAnswers > 0)
            _slots = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
            {
                PermitLimit = _options.ConcurrentAnswers,
                QueueLimit = _options.AnswerQueue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            });
    }

    /// <summary>Answers being computed now.</summary>
    public int Answering => Volatile.Read(ref _answering);

    /// <summary>Questions waiting for a free answer slot.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>
    /// Admits <paramref name="user"/>'s question, waiting in the queue when every slot is taken; the admission is refused
    /// (<see cref="Admission.Refusal"/>) when a bound says no. Cancelling <paramref name="ct"/> leaves the queue.
    /// </summary>
    public async ValueTask<Admission> AdmitAsync(string user, CancellationToken ct)
    {
        if (!TryOpen(user))
            return Admission.Refused(new LimitRefusal(LimitKind.OpenAnswers, $"{LimitsOptions.Section}:StreamsPerUser", _options.StreamsPerUser,
                TimeSpan.FromSeconds(_options.BusyRetrySeconds)));
        RateLimitLease? lease = null;
        try
        {
            if (_rates.TryAsk(user) is { } tooFast)
            {
                Close(user);
                return Admission.Refused(tooFast);
            }
            if (_slots is not null)
            {
                Interlocked.Increment(ref _waiting);
                try
                {
                    lease = await _slots.AcquireAsync(1, ct);
                }
                finally
                {
                    Interlocked.Decrement(ref _waiting);
                }
                if (!lease.IsAcquired)
                {
                    lease.Dispose();
                    Close(user);
                    return Admission.Refused(new LimitRefusal(LimitKind.Busy, $"{LimitsOptions.Section}:ConcurrentAnswers", _options.ConcurrentAnswers,
                        TimeSpan.FromSeconds(_options.BusyRetrySeconds), _options.AnswerQueue));
                }
            }
            Interlocked.Increment(ref _answering);
            return new Admission(() =>
            {
                Interlocked.Decrement(ref _answering);
                lease?.Dispose();
                Close(user);
            });
        }
        catch
        {
            // Cancelled while waiting: the stream was never answered.
            lease?.Dispose();
            Close(user);
            throw;
        }
    }

    private bool TryOpen(string user)
    {
        lock (_lock)
        {
            var open = _open.GetValueOrDefault(user);
            if (_options.StreamsPerUser > 0 && open >= _options.StreamsPerUser) return false;
            _open[user] = open + 1;
            return true;
        }
    }

    private void Close(string user)
    {
        lock (_lock)
        {
            // Users who have nothing open are forgotten, so the table holds only who is being answered now.
            if (_open.GetValueOrDefault(user) <= 1) _open.Remove(user);
            else _open[user]--;
        }
    }

    public void Dispose() => _slots?.Dispose();
}
