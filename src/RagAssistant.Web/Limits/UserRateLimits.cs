using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace RagAssistant.Web.Limits;

/// <summary>
/// Per-user token buckets for questions and uploads, partitioned by the signed-in user's name — the same for a cookie
/// session and that user's API keys, so a second browser or key does not double the rate, and users behind one proxy
/// address do not share it. Each bucket holds the burst and refills at the per-minute rate.
/// </summary>
public sealed class UserRateLimits : IDisposable
{
    private readonly LimitsOptions _options;
    private readonly PartitionedRateLimiter<string>? _asks;
    private readonly PartitionedRateLimiter<string>? _uploads;

    public UserRateLimits(IOptions<LimitsOptions> options)
    {
        _options = options.Value;
        _asks = Create(_options.AsksPerMinute, _options.AskBurst);
        _uploads = Create(_options.UploadsPerMinute, _options.UploadBurst);
    }

    /// <summary>Takes one question from the user's bucket; the refusal when it is empty.</summary>
    public LimitRefusal? TryAsk(string user) =>
        Take(_asks, user, LimitKind.AskRate, $"{LimitsOptions.Section}:AsksPerMinute", _options.AsksPerMinute);

    /// <summary>Takes one upload from the user's bucket; the refusal when it is empty.</summary>
    public LimitRefusal? TryUpload(string user) =>
        Take(_uploads, user, LimitKind.UploadRate, $"{LimitsOptions.Section}:UploadsPerMinute", _options.UploadsPerMinute);

    private static LimitRefusal? Take(PartitionedRateLimiter<string>? limiter, string user, LimitKind kind, string setting, int perMinute)
    {
        if (limiter is null) return null;
        using var lease = limiter.AttemptAcquire(user);
        if (lease.IsAcquired) return null;
        var retry = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(60.0 / perMinute);
        return new LimitRefusal(kind, setting, perMinute, retry);
    }

    /// <summary>
    /// A token bucket per user, or null when the rate is 0 (off). The partitioned limiter refills its buckets from one
    /// timer every 100 ms, adding one period's tokens per tick at most, so the period is kept at a second or more: below
    /// 60 a minute one token per 60/rate seconds, above it rate/60 tokens (rounded up) every second.
    /// </summary>
    private static PartitionedRateLimiter<string>? Create(int perMinute, int burst)
    {
        if (perMinute == 0) return null;
        var (tokens, period) = perMinute <= 60
            ? (1, TimeSpan.FromSeconds(60.0 / perMinute))
            : ((perMinute + 59) / 60, TimeSpan.FromSeconds(1));
        return PartitionedRateLimiter.Create<string, string>(user => RateLimitPartition.GetTokenBucketLimiter(user, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = period,
            QueueLimit = 0, // a question over the rate is refused at once, never held
        }), StringComparer.Ordinal);
    }

    public void Dispose()
    {
        _asks?.Dispose();
        _uploads?.Dispose();
    }
}
