using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAIAdmin.Transport
{
    /// <summary>
    /// One per connection: how its requests go out once the server refused one with 429. Every request then waits until
    /// the cooldown ends; after it the waiters go oldest call first, one at a time when the server was answering fewer
    /// requests than were in flight, and each answer lets one more go (the window grows by one per answer), so the
    /// connection finds the server's pace again. Releasing every waiter in
    /// the same millisecond into a bucket that holds one token had most of them refused again, and the unlucky ones
    /// spent their retries. The cooldown is the server's hint; it grows (the handler's backoff) only when a request sent
    /// after the last cooldown is refused too, so one call's many retries never hold the whole connection back.
    /// Without refusals it admits at once. Thread-safe; nothing here sleeps on a thread.
    /// </summary>
    internal sealed class RateLimitGate
    {
        private const int Unlimited = int.MaxValue;

        /// <summary>Task.Delay takes at most about 24 days; a longer cooldown is waited out in steps.</summary>
        private static readonly TimeSpan LongestTimer = TimeSpan.FromDays(1);

        private readonly object _lock = new object();
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly List<Waiter> _waiters = new List<Waiter>();
        private long _lastTicket;
        private TimeSpan _cooldownUntil;
        private int _window = Unlimited;
        private int _inFlight;
        private int _round;
        private int _refusedRounds;
        private int _answersThisRound;
        private bool _wakePending;

        /// <summary>What is left of the cooldown.</summary>
        public TimeSpan Remaining
        {
            get
            {
                lock (_lock)
                {
                    return Left(_clock.Elapsed);
                }
            }
        }

        /// <summary>How many requests may be in flight now (<see cref="int.MaxValue"/> when nothing was refused).</summary>
        internal int Window
        {
            get
            {
                lock (_lock)
                {
                    return _window;
                }
            }
        }

        /// <summary>A call's place in line, kept through its retries: the oldest waiting call goes first.</summary>
        public long NewTicket() => Interlocked.Increment(ref _lastTicket);

        /// <summary>Admits at once when nothing is waiting, the cooldown is over and the window has room.</summary>
        public bool TryEnter(out Admission? admission)
        {
            lock (_lock)
            {
                admission = _waiters.Count == 0 && CanAdmit(_clock.Elapsed) ? AdmitLocked() : null;
                return admission != null;
            }
        }

        /// <summary>Waits for this call's turn; cancelling the token takes it out of the line.</summary>
        public Task<Admission> EnterAsync(long ticket, CancellationToken cancellationToken)
        {
            Waiter waiter;
            lock (_lock)
            {
                if (_waiters.Count == 0 && CanAdmit(_clock.Elapsed))
                {
                    return Task.FromResult(AdmitLocked());
                }

                waiter = new Waiter(ticket);
                int at = _waiters.FindIndex(w => w.Ticket > ticket);
                _waiters.Insert(at < 0 ? _waiters.Count : at, waiter);
                ScheduleWakeLocked(_clock.Elapsed);
            }

            if (cancellationToken.CanBeCanceled)
            {
                waiter.Registration = cancellationToken.Register(() => Cancel(waiter, cancellationToken));
            }

            return waiter.Completion.Task;
        }

        /// <summary>
        /// A 429 the call will retry after. A request sent after the last cooldown began starts a new one:
        /// <paramref name="waitAfterRound"/> of the rounds refused in a row (which takes the server's hint into account).
        /// One sent before it waits out that cooldown, or the hint when longer. False, and nothing changes, when the
        /// call cannot wait that long (<paramref name="callCanWait"/>): a hint it refuses must not block the connection.
        /// </summary>
        public bool TryRefuse(
            Admission admission, TimeSpan? hint, Func<int, TimeSpan> waitAfterRound, Func<TimeSpan, bool> callCanWait, out TimeSpan wait)
        {
            lock (_lock)
            {
                TimeSpan now = _clock.Elapsed;
                bool newRound = admission.Round == _round;
                if (newRound)
                {
                    wait = waitAfterRound(_refusedRounds + 1);
                }
                else
                {
                    TimeSpan left = Left(now);
                    wait = hint is { } asked && asked > left ? asked : left;
                }

                if (!callCanWait(wait))
                {
                    return false;
                }

                if (newRound)
                {
                    // A round that answered as many requests as were in flight before this refusal (a server with a
                    // bucket: it took a burst, then refused) resumes them all after the cooldown; one that answered
                    // fewer (the server takes one at a time) resumes with one.
                    _window = _answersThisRound >= _inFlight ? _inFlight : 1;
                    _answersThisRound = 0;
                    _round++;
                    _refusedRounds++;
                }

                // Saturating: with no time limit a hint can be as long as TimeSpan allows.
                TimeSpan until = wait < TimeSpan.MaxValue - now ? now + wait : TimeSpan.MaxValue;
                if (until > _cooldownUntil)
                {
                    _cooldownUntil = until;
                }

                return true;
            }
        }

        private void Answered(Admission admission)
        {
            lock (_lock)
            {
                // Only an answer to a request sent since the last cooldown says the server takes requests again.
                if (admission.Round == _round)
                {
                    _answersThisRound++;
                    _refusedRounds = 0;
                    if (_window != Unlimited)
                    {
                        _window++;
                    }
                }
            }
        }

        private void Release()
        {
            List<Waiter>? admitted;
            lock (_lock)
            {
                _inFlight--;
                admitted = PumpLocked();
            }

            Complete(admitted);
        }

        private void Wake()
        {
            List<Waiter>? admitted;
            lock (_lock)
            {
                _wakePending = false;
                admitted = PumpLocked();
            }

            Complete(admitted);
        }

        private void Cancel(Waiter waiter, CancellationToken cancellationToken)
        {
            List<Waiter>? admitted;
            lock (_lock)
            {
                if (!_waiters.Remove(waiter))
                {
                    return;
                }

                admitted = PumpLocked();
            }

            waiter.Completion.TrySetCanceled(cancellationToken);
            Complete(admitted);
        }

        private bool CanAdmit(TimeSpan now) => now >= _cooldownUntil && _inFlight < _window;

        private TimeSpan Left(TimeSpan now) => _cooldownUntil > now ? _cooldownUntil - now : TimeSpan.Zero;

        private Admission AdmitLocked()
        {
            _inFlight++;
            return new Admission(this, _round);
        }

        /// <summary>Takes the waiters that may go now out of the line; they are completed outside the lock.</summary>
        private List<Waiter>? PumpLocked()
        {
            List<Waiter>? admitted = null;
            // One reading of the clock for both: read twice, the cooldown could end between "not yet" and "no timer needed".
            TimeSpan now = _clock.Elapsed;
            while (_waiters.Count > 0 && CanAdmit(now))
            {
                Waiter next = _waiters[0];
                _waiters.RemoveAt(0);
                next.Admission = AdmitLocked();
                (admitted ??= new List<Waiter>()).Add(next);
            }

            ScheduleWakeLocked(now);
            return admitted;
        }

        /// <summary>Waiters held by the cooldown (not by the window, which answers open) need a timer to end it.</summary>
        private void ScheduleWakeLocked(TimeSpan now)
        {
            TimeSpan left = Left(now);
            if (_waiters.Count == 0 || _wakePending || left <= TimeSpan.Zero)
            {
                return;
            }

            _wakePending = true;
            // The cooldown only ever grows, so a wake that comes early finds it still running and schedules the next.
            // Whole milliseconds, rounded up: Task.Delay rounds down, and a delay of 0 would run Wake inside this lock.
            TimeSpan delay = left < LongestTimer ? TimeSpan.FromMilliseconds(Math.Ceiling(left.TotalMilliseconds)) : LongestTimer;
            Task.Delay(delay).ContinueWith(_ => Wake(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }

        private static void Complete(List<Waiter>? admitted)
        {
            if (admitted == null)
            {
                return;
            }

            foreach (Waiter waiter in admitted)
            {
                waiter.Registration.Dispose();
                if (!waiter.Completion.TrySetResult(waiter.Admission!))
                {
                    // Cancelled in the same moment: its place goes to the next waiter.
                    waiter.Admission!.Dispose();
                }
            }
        }

        private sealed class Waiter
        {
            public Waiter(long ticket) => Ticket = ticket;

            public long Ticket { get; }

            public TaskCompletionSource<Admission> Completion { get; } =
                new TaskCompletionSource<Admission>(TaskCreationOptions.RunContinuationsAsynchronously);

            public CancellationTokenRegistration Registration { get; set; }

            public Admission? Admission { get; set; }
        }

        /// <summary>One attempt let through the gate; disposing it (once the answer is read) frees its place in the window.</summary>
        internal sealed class Admission : IDisposable
        {
            private RateLimitGate? _gate;

            public Admission(RateLimitGate gate, int round)
            {
                _gate = gate;
                Round = round;
            }

            /// <summary>The cooldowns begun when it was admitted.</summary>
            public int Round { get; }

            /// <summary>The server answered with anything but 429.</summary>
            public void Answered() => _gate?.Answered(this);

            public void Dispose() => Interlocked.Exchange(ref _gate, null)?.Release();
        }
    }
}
