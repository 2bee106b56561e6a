using System;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAIAdmin.Transport
{
    /// <summary>
    /// Client-side pacing: request starts at least <c>60 s / requestsPerMinute</c> apart (an interval pacer: no burst,
    /// so a budget of N per minute is never exceeded in any minute). Thread-safe; the clock and the delay are injectable
    /// so tests need not wait.
    /// </summary>
    public sealed class RequestPacer
    {
        private readonly object _gate = new object();
        private readonly Func<TimeSpan> _clock;
        private readonly Func<TimeSpan, CancellationToken, Task> _delay;
        private TimeSpan _next;
        private bool _started;

        public RequestPacer(int requestsPerMinute, Func<TimeSpan>? clock = null, Func<TimeSpan, CancellationToken, Task>? delay = null)
        {
            if (requestsPerMinute < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(requestsPerMinute), "The budget is at least one request per minute.");
            }

            Interval = TimeSpan.FromTicks(TimeSpan.FromMinutes(1).Ticks / requestsPerMinute);
            if (clock == null)
            {
                var watch = System.Diagnostics.Stopwatch.StartNew();
                clock = () => watch.Elapsed;
            }

            _clock = clock;
            _delay = delay ?? Task.Delay;
        }

        /// <summary>The least time between two request starts.</summary>
        public TimeSpan Interval { get; }

        /// <summary>Waits until the next request may start and books that start.</summary>
        public Task WaitAsync(CancellationToken cancellationToken)
        {
            TimeSpan wait;
            lock (_gate)
            {
                TimeSpan now = _clock();
                TimeSpan start = !_started || _next < now ? now : _next;
                _started = true;
                _next = start + Interval;
                wait = start - now;
            }

            return wait > TimeSpan.Zero ? _delay(wait, cancellationToken) : Task.CompletedTask;
        }
    }

    /// <summary>
    /// Bounds the calls of one logical operation (a crawl): at most <c>maxConcurrency</c> calls in flight and, with a
    /// pacer, starts spread to a budget. It flows with async code (AsyncLocal), like <see cref="ClientEvents"/>, so
    /// it applies only to the calls made under <see cref="Use"/> while the connection's HttpClient, retry handler and
    /// 429 cooldown stay shared with every other caller.
    /// </summary>
    internal sealed class RequestThrottle
    {
        private static readonly AsyncLocal<RequestThrottle?> CurrentThrottle = new AsyncLocal<RequestThrottle?>();
        private static readonly IDisposable Nothing = new Release(null);

        private readonly SemaphoreSlim _slots;
        private readonly RequestPacer? _pacer;

        public RequestThrottle(int maxConcurrency, RequestPacer? pacer)
        {
            _slots = new SemaphoreSlim(maxConcurrency, maxConcurrency);
            _pacer = pacer;
        }

        public static IDisposable Use(RequestThrottle throttle)
        {
            RequestThrottle? previous = CurrentThrottle.Value;
            CurrentThrottle.Value = throttle;
            return new Restore(previous);
        }

        public static async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
        {
            RequestThrottle? throttle = CurrentThrottle.Value;
            if (throttle == null)
            {
                return Nothing;
            }

            await throttle._slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (throttle._pacer != null)
                {
                    await throttle._pacer.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            catch
            {
                throttle._slots.Release();
                throw;
            }

            return new Release(throttle._slots);
        }

        private sealed class Release : IDisposable
        {
            private SemaphoreSlim? _slots;

            public Release(SemaphoreSlim? slots) => _slots = slots;

            public void Dispose() => Interlocked.Exchange(ref _slots, null)?.Release();
        }

        private sealed class Restore : IDisposable
        {
            private readonly RequestThrottle? _previous;

            public Restore(RequestThrottle? previous) => _previous = previous;

            public void Dispose() => CurrentThrottle.Value = _previous;
        }
    }
}
