using System;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAIAdmin.Transport
{
    /// <summary>
    /// Client-side pacing to a budget of N requests a minute: a token bucket that starts full with one second's worth
    /// (<see cref="Burst"/> = N / 60, at least 1) and refills at (N - Burst + 1) a minute, so that no 60-second span
    /// holds more than N starts while the first second's worth starts at once, as a server's own bucket of one
    /// second's worth would admit them. Implemented as a scheduling GCRA: each start books the next theoretical one
    /// <see cref="Interval"/> later and may run up to Burst - 1 intervals ahead of it. With a budget under 120 a minute
    /// the burst is 1 and the starts are evenly spread, <c>60 s / N</c> apart. Thread-safe; the clock and the delay
    /// are injectable so tests need not wait.
    /// </summary>
    public sealed class RequestPacer
    {
        private readonly object _gate = new object();
        private readonly Func<TimeSpan> _clock;
        private readonly Func<TimeSpan, CancellationToken, Task> _delay;
        private readonly TimeSpan _ahead;
        private TimeSpan _theoretical;
        private bool _started;

        public RequestPacer(int requestsPerMinute, Func<TimeSpan>? clock = null, Func<TimeSpan, CancellationToken, Task>? delay = null)
        {
            if (requestsPerMinute < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(requestsPerMinute), "The budget is at least one request per minute.");
            }

            Burst = Math.Max(1, requestsPerMinute / 60);
            // Rounded up, so that the bound holds to the tick.
            long slots = requestsPerMinute - Burst + 1;
            Interval = TimeSpan.FromTicks((TimeSpan.FromMinutes(1).Ticks + slots - 1) / slots);
            _ahead = TimeSpan.FromTicks(Interval.Ticks * (Burst - 1));
            if (clock == null)
            {
                var watch = System.Diagnostics.Stopwatch.StartNew();
                clock = () => watch.Elapsed;
            }

            _clock = clock;
            _delay = delay ?? Task.Delay;
        }

        /// <summary>How many requests may start at once after a quiet spell (one second's worth of the budget).</summary>
        public int Burst { get; }

        /// <summary>The time in which the bucket gains one start.</summary>
        public TimeSpan Interval { get; }

        /// <summary>Waits until the next request may start and books that start.</summary>
        public Task WaitAsync(CancellationToken cancellationToken)
        {
            TimeSpan wait;
            lock (_gate)
            {
                TimeSpan now = _clock();
                TimeSpan theoretical = !_started || _theoretical < now ? now : _theoretical;
                TimeSpan earliest = theoretical - _ahead;
                TimeSpan start = earliest > now ? earliest : now;
                _started = true;
                _theoretical = theoretical + Interval;
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

        /// <summary>
        /// A retry is a request to the server too: under a pacer it books its start as the first attempt did (the call
        /// keeps its concurrency slot through its retries). Otherwise the budget counted calls, and a call refused
        /// twice put three requests into the minute.
        /// </summary>
        public static Task PaceRetryAsync(CancellationToken cancellationToken) =>
            CurrentThrottle.Value?._pacer?.WaitAsync(cancellationToken) ?? Task.CompletedTask;

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
