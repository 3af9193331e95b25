using Microsoft.Extensions.Options;
using RagAssistant.Testing;

namespace RagAssistant.Accounts.Tests;

/// <summary>Wrong passwords throttle one user from one address for a while, never the user everywhere.</summary>
public sealed class SignInThrottleTests
{
    private const int Limit = 3;
    private const int Minutes = 15;
    private readonly ManualTimeProvider _clock = new();
    private readonly SignInThrottle _throttle;

    public SignInThrottleTests() =>
        _throttle = new SignInThrottle(Options.Create(new AccountsOptions { MaxFailedSignIns = Limit, LockoutMinutes = Minutes }), _clock);

    [Fact]
    public void Failures_UpToTheLimit_ThrottleThatUserFromThatAddressOnly()
    {
        for (var i = 1; i < Limit; i++) Assert.False(_throttle.RecordFailure("admin", "10.0.0.1"));
        Assert.False(_throttle.IsThrottled("admin", "10.0.0.1"));

        Assert.True(_throttle.RecordFailure("admin", "10.0.0.1"));

        Assert.True(_throttle.IsThrottled("admin", "10.0.0.1"));
        Assert.True(_throttle.IsThrottled("ADMIN", "10.0.0.1")); // names in any casing, as Identity finds them
        Assert.False(_throttle.IsThrottled("admin", "10.0.0.2"));
        Assert.False(_throttle.IsThrottled("wang", "10.0.0.1"));
    }

    [Fact]
    public void Throttle_EndsLockoutMinutesAfterTheLastFailure()
    {
        for (var i = 0; i < Limit; i++) _throttle.RecordFailure("admin", "10.0.0.1");

        _clock.Advance(TimeSpan.FromMinutes(Minutes) - TimeSpan.FromSeconds(1));
        Assert.True(_throttle.IsThrottled("admin", "10.0.0.1"));
        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.False(_throttle.IsThrottled("admin", "10.0.0.1"));
        Assert.False(_throttle.RecordFailure("admin", "10.0.0.1")); // a fresh count
    }

    [Fact]
    public void FailuresFurtherApartThanTheWindow_NeverAddUp()
    {
        for (var i = 0; i < Limit * 3; i++)
        {
            Assert.False(_throttle.RecordFailure("admin", "10.0.0.1"));
            _clock.Advance(TimeSpan.FromMinutes(Minutes));
        }
    }

    [Fact]
    public void RightPassword_ForgetsTheFailures()
    {
        for (var i = 1; i < Limit; i++) _throttle.RecordFailure("admin", "10.0.0.1");

        _throttle.Reset("admin", "10.0.0.1");

        Assert.False(_throttle.RecordFailure("admin", "10.0.0.1"));
        Assert.False(_throttle.IsThrottled("admin", "10.0.0.1"));
    }
}
