using Microsoft.Extensions.Options;

namespace RagAssistant.Accounts;

/// <summary>
/// Counts failed password checks per user name and client address (docs/decisions/0009): after
/// <see cref="AccountsOptions.MaxFailedSignIns"/> failures within <see cref="AccountsOptions.LockoutMinutes"/> that
/// address may not try that user again until the minutes have passed since its last failure — even with the right
/// password — while the user still signs in from anywhere else. So guessing from one address stays slow, and nobody
/// can lock an administrator out of the whole plant by typing wrong passwords. In memory: a restart forgets it, which
/// an attacker cannot cause, and the web app is the only process that checks passwords.
/// </summary>
public sealed class SignInThrottle(IOptions<AccountsOptions> options, TimeProvider clock)
{
    /// <summary>Beyond this many remembered pairs, the ones whose window has passed are swept (a bound on memory under a spray of names).</summary>
    private const int SweepAbove = 10_000;

    /// <summary>
    /// The "address" of the change-password page: there the session already names the user, so wrong current passwords
    /// are counted per user from every address together.
    /// </summary>
    public const string ChangePasswordPage = "change-password";

    private readonly Dictionary<(string User, string From), Failures> _failures = [];
    private readonly Lock _gate = new();

    /// <summary>
    /// True while <paramref name="from"/> (a client address, or <see cref="ChangePasswordPage"/>) may not try
    /// <paramref name="userName"/>'s password.
    /// </summary>
    public bool IsThrottled(string userName, string from)
    {
        lock (_gate)
            return _failures.TryGetValue(Key(userName, from), out var failures) && failures.Count >= Limit && !Expired(failures);
    }

    /// <summary>Counts a wrong password for <paramref name="userName"/> from <paramref name="from"/>; true when that address is now throttled.</summary>
    public bool RecordFailure(string userName, string from)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            if (_failures.Count > SweepAbove)
                foreach (var stale in _failures.Where(f => Expired(f.Value)).Select(f => f.Key).ToList()) _failures.Remove(stale);
            var key = Key(userName, from);
            var failures = _failures.TryGetValue(key, out var known) && !Expired(known) ? known : new Failures(0, now);
            _failures[key] = failures = new Failures(failures.Count + 1, now);
            return failures.Count >= Limit;
        }
    }

    /// <summary>Forgets the failures of <paramref name="userName"/> from <paramref name="from"/> (after the right password).</summary>
    public void Reset(string userName, string from)
    {
        lock (_gate) _failures.Remove(Key(userName, from));
    }

    private int Limit => options.Value.MaxFailedSignIns;

    // The window slides with each failure: failures further apart than the lockout minutes never add up, and a throttled
    // address waits the lockout minutes from its last failure (its refused attempts check no password, so count for nothing).
    private bool Expired(Failures failures) => clock.GetUtcNow() - failures.Last >= TimeSpan.FromMinutes(options.Value.LockoutMinutes);

    // User names as Identity looks them up (any casing), so Admin and admin share one count.
    private static (string, string) Key(string userName, string from) => (AccountsDbContext.NormalizeName(userName), from);

    private readonly record struct Failures(int Count, DateTimeOffset Last);
}
