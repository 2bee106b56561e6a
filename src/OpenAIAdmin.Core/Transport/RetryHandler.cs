using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAIAdmin.Transport
{
    /// <summary>
    /// Outermost handler: per-attempt timeouts, retries with server hints and capped jittered backoff, the connection's
    /// <see cref="RateLimitGate"/> (429 cooldown and pacing after it), and one time budget for the whole call (<see cref="AdminClientOptions.OperationTimeout"/>).
    /// A POST is re-sent only when the server said it did not act or no connection was made.
    /// </summary>
    internal sealed class RetryHandler : DelegatingHandler
    {
        /// <summary>A retry starts only if at least this much of the budget (or the whole RequestTimeout, when shorter) is left for it.</summary>
        internal static readonly TimeSpan MinimumAttemptTime = TimeSpan.FromSeconds(1);

        private static readonly TimeSpan LongestDelay = TimeSpan.FromDays(1);

        private readonly AdminClientOptions _options;
        private readonly RateLimitGate _gate;
        private readonly Random _random = new Random();

        public RetryHandler(AdminClientOptions options, RateLimitGate gate)
        {
            _options = options;
            _gate = gate;
        }

        internal static bool IsRetryableStatus(HttpStatusCode status)
        {
            int code = (int)status;
            return code == 408 || code == 409 || code == 429 || code >= 500;
        }

        /// <summary>The shortest and longest computed backoff before retry number <paramref name="attempt"/> (1 = the first retry).</summary>
        internal static (TimeSpan Min, TimeSpan Max) BackoffRange(AdminClientOptions options, int attempt)
        {
            double baseMs = options.InitialRetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
            double capped = Math.Min(baseMs, options.MaxRetryDelay.TotalMilliseconds);
            return (TimeSpan.FromMilliseconds(capped * 0.75), TimeSpan.FromMilliseconds(capped));
        }

        /// <summary>The longest a call can take with these options (infinite only when neither limit bounds it).</summary>
        internal static TimeSpan WorstCaseDuration(AdminClientOptions options)
        {
            TimeSpan budget = Budget.Normalize(options.OperationTimeout);
            if (options.RequestTimeout <= TimeSpan.Zero || options.RequestTimeout == Timeout.InfiniteTimeSpan)
            {
                return budget;
            }

            // Without a budget, server hints could stretch the waits without limit; only the computed backoff is bounded.
            int retries = Math.Max(0, options.MaxRetries);
            TimeSpan byCount = TimeSpan.FromTicks(options.RequestTimeout.Ticks * (retries + 1));
            for (int retry = 1; retry <= retries; retry++)
            {
                byCount += BackoffRange(options, retry).Max;
            }

            return budget == Timeout.InfiniteTimeSpan || byCount < budget ? byCount : budget;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            CallState state = CallState.For(request);
            var budget = new Budget(_options);
            byte[]? body = request.Content == null ? null : await request.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            bool idempotent = request.Method != HttpMethod.Post;
            int retries = Math.Max(0, _options.MaxRetries);
            int attempts = retries + 1;
            string target = request.Method + " " + request.RequestUri?.AbsolutePath;
            long ticket = _gate.NewTicket();
            bool retryAnnounced = false;

            for (int attempt = 1; ; attempt++)
            {
                if (attempt > 1)
                {
                    await RequestThrottle.PaceRetryAsync(cancellationToken).ConfigureAwait(false);
                }

                RateLimitGate.Admission admission = await EnterGateAsync(ticket, target, budget, retryAnnounced, cancellationToken).ConfigureAwait(false);
                // Released however this attempt ends (the explicit releases come earlier, before any wait): a place
                // kept by an exception would narrow the connection's window for good.
                try
                {
                    retryAnnounced = false;
                    TimeSpan attemptLimit = budget.AttemptLimit(_options.RequestTimeout);
                    state.Attempts = attempt;
                    HttpRequestMessage message = attempt == 1 ? request : Clone(request, body);
                    HttpResponseMessage? response = null;
                    Exception? failure;
                    string reason;
                    try
                    {
                        using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                        if (attemptLimit != Timeout.InfiniteTimeSpan)
                        {
                            attemptTimeout.CancelAfter(attemptLimit);
                        }

                        response = await base.SendAsync(message, attemptTimeout.Token).ConfigureAwait(false);
                        await ResponseBuffer.LoadAsync(response, attemptTimeout.Token).ConfigureAwait(false);
                        state.Elapsed = budget.Elapsed;
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        admission.Dispose();
                        response?.Dispose();
                        state.Elapsed = budget.Elapsed;
                        reason = string.Format(CultureInfo.InvariantCulture, "no complete response within {0}", Seconds(attemptLimit));
                        state.MarkOutcomeUnknown(attempt, "attempt " + attempt + " timed out");
                        failure = new AttemptsTimedOutException(attemptLimit);
                        if (!idempotent)
                        {
                            throw failure;
                        }

                        if (!await RetryAfterFailure(target, attempt, attempts, reason, budget, cancellationToken).ConfigureAwait(false))
                        {
                            throw failure;
                        }

                        continue;
                    }
                    catch (Exception ex) when (TransportFailure.IsTransportFailure(ex) && !cancellationToken.IsCancellationRequested)
                    {
                        admission.Dispose();
                        response?.Dispose();
                        state.Elapsed = budget.Elapsed;
                        FailureStage stage = TransportFailure.StageOf(ex);
                        if (stage != FailureStage.Connect)
                        {
                            state.MarkOutcomeUnknown(attempt, stage == FailureStage.ReadingBody
                                ? "the connection was lost while attempt " + attempt + " read the response"
                                : "the connection was lost after attempt " + attempt + " was sent");
                        }

                        reason = string.Format(CultureInfo.InvariantCulture, "{0} ({1})",
                            stage == FailureStage.Connect ? "a failure to connect" : stage == FailureStage.ReadingBody ? "a connection lost while reading the response" : "a connection lost before the response",
                            _options.Credential.Scrub(ex.GetBaseException().Message));
                        failure = ex;
                        if ((!idempotent && stage != FailureStage.Connect) || TransportFailure.WhyNotRetried(ex) != null
                            || !await RetryAfterFailure(target, attempt, attempts, reason, budget, cancellationToken).ConfigureAwait(false))
                        {
                            ExceptionDispatchInfo.Capture(failure).Throw();
                        }

                        continue;
                    }

                    int status = (int)response.StatusCode;
                    if (status != 429)
                    {
                        admission.Answered();
                    }

                    if (!ShouldRetry(response, idempotent))
                    {
                        return response;
                    }

                    if (status >= 500)
                    {
                        state.MarkOutcomeUnknown(attempt, "attempt " + attempt + " failed with HTTP " + status);
                    }

                    reason = string.Format(CultureInfo.InvariantCulture, "HTTP {0} {1} (request id {2})", status, response.ReasonPhrase, RequestId(response));
                    if (attempt >= attempts)
                    {
                        state.StopReason = GaveUp(attempt, budget, "the retry limit is " + retries);
                        return response;
                    }

                    TimeSpan? hint = ServerDelay(response);
                    TimeSpan delay;
                    bool waits;
                    if (status == 429)
                    {
                        // The connection's other requests wait with this one, and this one waits in the gate's line.
                        waits = _gate.TryRefuse(admission, hint, round => RetryDelay(round, hint), budget.Fits, out delay);
                    }
                    else
                    {
                        delay = RetryDelay(attempt, hint);
                        waits = budget.Fits(delay);
                    }

                    admission.Dispose();
                    if (!waits)
                    {
                        state.StopReason = hint is { } asked && asked >= delay
                            ? string.Format(CultureInfo.InvariantCulture,
                                "The server asked to wait {0} before trying again, longer than this call can wait ({1}: {2} left of its {3} time limit, less {4} for an attempt), so it stopped at once instead of retrying.",
                                Seconds(asked), SecondsDown(budget.WaitLimit), SecondsDown(budget.Left), Seconds(budget.Total), Seconds(budget.MinimumAttempt))
                            : GaveUp(attempt, budget, string.Format(CultureInfo.InvariantCulture,
                                "the next retry, in {0}, would not fit in the {1} left of this call's {2} time limit", Seconds(delay), Seconds(budget.Left), Seconds(budget.Total)));
                        return response;
                    }

                    response.Dispose();
                    if (status == 429)
                    {
                        // The gate holds the next attempt until the cooldown ends and its turn comes.
                        Announce(target, attempt, attempts, reason, delay, budget);
                        retryAnnounced = true;
                        continue;
                    }

                    await Wait(target, attempt, attempts, reason, delay, budget, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    admission.Dispose();
                }
            }
        }

        /// <summary>Waits before the next attempt after a network failure or timeout; false when no retry is left or fits.</summary>
        private async Task<bool> RetryAfterFailure(
            string target, int attempt, int attempts, string reason, Budget budget, CancellationToken cancellationToken)
        {
            if (attempt >= attempts)
            {
                return false;
            }

            TimeSpan delay = RetryDelay(attempt, null);
            if (!budget.Fits(delay))
            {
                return false;
            }

            await Wait(target, attempt, attempts, reason, delay, budget, cancellationToken).ConfigureAwait(false);
            return true;
        }

        /// <summary>
        /// Waits for the gate to let this attempt go. A cooldown longer than the call can wait fails it at once; a turn
        /// that does not come while the call could still make an attempt (the connection's other calls go first) fails
        /// it then. Either way nothing was sent.
        /// </summary>
        private async Task<RateLimitGate.Admission> EnterGateAsync(long ticket, string target, Budget budget, bool retryAnnounced, CancellationToken cancellationToken)
        {
            if (_gate.TryEnter(out RateLimitGate.Admission? admitted))
            {
                return admitted!;
            }

            TimeSpan left = _gate.Remaining;
            if (!budget.Fits(left))
            {
                throw new CooldownExceedsBudgetException(string.Format(CultureInfo.InvariantCulture,
                    "the server rate-limited this connection, which must wait {0} more before sending, longer than the {1} left of this call's {2} time limit.",
                    Seconds(left), Seconds(budget.Left), Seconds(budget.Total)));
            }

            if (!retryAnnounced && left > TimeSpan.Zero)
            {
                ClientEvents.Verbose(string.Format(CultureInfo.InvariantCulture,
                    "Waiting {0:0.###} s before {1}: the server asked this connection to slow down.", left.TotalSeconds, target));
            }

            if (!budget.IsLimited)
            {
                return await _gate.EnterAsync(ticket, cancellationToken).ConfigureAwait(false);
            }

            using var turn = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            TimeSpan waitLimit = budget.WaitLimit;
            turn.CancelAfter(waitLimit);
            try
            {
                return await _gate.EnterAsync(ticket, turn.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new CooldownExceedsBudgetException(string.Format(CultureInfo.InvariantCulture,
                    "the server rate-limited this connection, and this request's turn behind the connection's other requests did not come in the {0} it could wait (this call's time limit is {1}, and an attempt needs {2}).",
                    SecondsDown(waitLimit), Seconds(budget.Total), Seconds(budget.MinimumAttempt)));
            }
        }

        private static void Announce(string target, int attempt, int attempts, string reason, TimeSpan delay, Budget budget) =>
            ClientEvents.Verbose(string.Format(CultureInfo.InvariantCulture,
                "Retrying {0} in {1:0.###} s after {2} (attempt {3} of {4}{5}).",
                target, delay.TotalSeconds, reason, attempt + 1, attempts,
                budget.IsLimited ? string.Format(CultureInfo.InvariantCulture, "; {0:0.#} s left of {1:0.#} s", budget.Left.TotalSeconds, budget.Total.TotalSeconds) : string.Empty));

        private static async Task Wait(string target, int attempt, int attempts, string reason, TimeSpan delay, Budget budget, CancellationToken cancellationToken)
        {
            Announce(target, attempt, attempts, reason, delay, budget);
            // In steps: Task.Delay takes about 24 days at most, and a call without a time limit takes any hint.
            for (TimeSpan left = delay; left > TimeSpan.Zero; left -= LongestDelay)
            {
                await Task.Delay(left < LongestDelay ? left : LongestDelay, cancellationToken).ConfigureAwait(false);
            }
        }

        private static string GaveUp(int attempt, Budget budget, string why) =>
            string.Format(CultureInfo.InvariantCulture, "Gave up after {0} {1} in {2:0.0} s: {3}.",
                attempt, attempt == 1 ? "attempt" : "attempts", budget.Elapsed.TotalSeconds, why);

        internal static string Seconds(TimeSpan value) =>
            value == Timeout.InfiniteTimeSpan ? "unlimited time" : value.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s";

        /// <summary>What is left, rounded down: 1.96 s left is "1.9 s", never more than there is.</summary>
        private static string SecondsDown(TimeSpan value) =>
            value == Timeout.InfiniteTimeSpan ? "unlimited time" : (Math.Floor(value.TotalSeconds * 10) / 10).ToString("0.#", CultureInfo.InvariantCulture) + " s";

        private static bool ShouldRetry(HttpResponseMessage response, bool idempotent)
        {
            if (response.IsSuccessStatusCode)
            {
                return false;
            }

            if (response.Headers.TryGetValues("x-should-retry", out var values))
            {
                string value = values.FirstOrDefault() ?? string.Empty;
                if (value.Equals("true", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                if (value.Equals("false", StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }

            // A 429 means the request was refused before any work; other statuses may follow a change the server made.
            return idempotent ? IsRetryableStatus(response.StatusCode) : (int)response.StatusCode == 429;
        }

        /// <summary>The server's wait hint: <c>retry-after-ms</c>, else <c>Retry-After</c> (seconds or an HTTP date); null when absent or unreadable.</summary>
        internal TimeSpan? ServerDelay(HttpResponseMessage response)
        {
            TimeSpan? delay = null;
            if (response.Headers.TryGetValues("retry-after-ms", out var ms)
                && double.TryParse(ms.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out double millis)
                && !double.IsNaN(millis) && !double.IsInfinity(millis) && millis < TimeSpan.MaxValue.TotalMilliseconds)
            {
                delay = TimeSpan.FromMilliseconds(millis);
            }
            else if (response.Headers.RetryAfter is { } retryAfter)
            {
                if (retryAfter.Delta is { } delta)
                {
                    delay = delta;
                }
                else if (retryAfter.Date is { } date)
                {
                    delay = date - DateTimeOffset.UtcNow;
                }
            }

            return delay is { } value && value >= TimeSpan.Zero ? value : (TimeSpan?)null;
        }

        /// <summary>
        /// The wait before retry number <paramref name="attempt"/>: the server's hint or the computed backoff, whichever is
        /// longer. A hint is the earliest the server accepts a retry; the growing backoff keeps a count-bounded loop from
        /// spending all its retries inside one rate-limit window when the server keeps answering "retry after 1 s".
        /// </summary>
        internal TimeSpan RetryDelay(int attempt, TimeSpan? hint)
        {
            TimeSpan backoff = ComputeBackoff(attempt);
            return hint is { } asked && asked > backoff ? asked : backoff;
        }

        internal TimeSpan ComputeBackoff(int attempt)
        {
            (TimeSpan _, TimeSpan max) = BackoffRange(_options, attempt);
            double jitter;
            lock (_random)
            {
                jitter = 1 - (0.25 * _random.NextDouble());
            }

            return TimeSpan.FromMilliseconds(max.TotalMilliseconds * jitter);
        }

        private static string RequestId(HttpResponseMessage response) =>
            response.Headers.TryGetValues("x-request-id", out var ids) ? ids.FirstOrDefault() ?? "-" : "-";

        private static HttpRequestMessage Clone(HttpRequestMessage original, byte[]? body)
        {
            var clone = new HttpRequestMessage(original.Method, original.RequestUri) { Version = original.Version };
            foreach (var header in original.Headers)
            {
                if (header.Key != "Authorization")
                {
                    clone.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            if (body != null)
            {
                clone.Content = new ByteArrayContent(body);
                foreach (var header in original.Content!.Headers)
                {
                    clone.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            return clone;
        }

        /// <summary>The time limit of one call: every attempt and every wait counts against it.</summary>
        private sealed class Budget
        {
            private readonly Stopwatch _clock = Stopwatch.StartNew();
            private readonly TimeSpan _minimumAttempt;

            public Budget(AdminClientOptions options)
            {
                Total = Normalize(options.OperationTimeout);
                TimeSpan request = options.RequestTimeout;
                _minimumAttempt = request > TimeSpan.Zero && request < MinimumAttemptTime ? request : MinimumAttemptTime;
            }

            public TimeSpan Total { get; }

            /// <summary>What a retry must have left of the budget, after its wait, to start.</summary>
            public TimeSpan MinimumAttempt => _minimumAttempt;

            public bool IsLimited => Total != Timeout.InfiniteTimeSpan;

            public TimeSpan Elapsed => _clock.Elapsed;

            public TimeSpan Left
            {
                get
                {
                    if (!IsLimited)
                    {
                        return Timeout.InfiniteTimeSpan;
                    }

                    TimeSpan left = Total - _clock.Elapsed;
                    return left > TimeSpan.Zero ? left : TimeSpan.Zero;
                }
            }

            public static TimeSpan Normalize(TimeSpan value) => value <= TimeSpan.Zero ? Timeout.InfiniteTimeSpan : value;

            /// <summary>A retry fits when, after waiting <paramref name="delay"/>, enough of the budget is left for an attempt.</summary>
            public bool Fits(TimeSpan delay) => !IsLimited || delay <= Total - _clock.Elapsed - _minimumAttempt;

            /// <summary>The longest wait that still <see cref="Fits"/> (zero when none does); only for a limited budget.</summary>
            public TimeSpan WaitLimit
            {
                get
                {
                    TimeSpan limit = Total - _clock.Elapsed - _minimumAttempt;
                    return limit > TimeSpan.Zero ? limit : TimeSpan.Zero;
                }
            }

            /// <summary>This attempt's time limit: RequestTimeout, or what is left of the budget when that is less.</summary>
            public TimeSpan AttemptLimit(TimeSpan requestTimeout)
            {
                TimeSpan perAttempt = Normalize(requestTimeout);
                if (!IsLimited)
                {
                    return perAttempt;
                }

                TimeSpan left = Left;
                TimeSpan limit = perAttempt == Timeout.InfiniteTimeSpan || left < perAttempt ? left : perAttempt;
                return limit > TimeSpan.Zero ? limit : TimeSpan.FromMilliseconds(1);
            }
        }
    }
}
