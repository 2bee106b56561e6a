using System;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAIAdmin.Transport
{
    /// <summary>
    /// One per connection: after a 429 every request of that connection waits until the cooldown ends,
    /// so parallel callers do not keep hammering a server that asked them to slow down.
    /// </summary>
    internal sealed class RateLimitGate
    {
        private long _cooldownUntilTicks;

        public DateTimeOffset CooldownUntil => new DateTimeOffset(Interlocked.Read(ref _cooldownUntilTicks), TimeSpan.Zero);

        public void Extend(TimeSpan delay)
        {
            long until = DateTimeOffset.UtcNow.Add(delay).UtcTicks;
            long current;
            do
            {
                current = Interlocked.Read(ref _cooldownUntilTicks);
                if (until <= current)
                {
                    return;
                }
            }
            while (Interlocked.CompareExchange(ref _cooldownUntilTicks, until, current) != current);
        }

        public TimeSpan Remaining
        {
            get
            {
                TimeSpan left = CooldownUntil - DateTimeOffset.UtcNow;
                return left > TimeSpan.Zero ? left : TimeSpan.Zero;
            }
        }

        public Task WaitAsync(CancellationToken cancellationToken)
        {
            TimeSpan left = Remaining;
            return left > TimeSpan.Zero ? Task.Delay(left, cancellationToken) : Task.CompletedTask;
        }
    }
}
