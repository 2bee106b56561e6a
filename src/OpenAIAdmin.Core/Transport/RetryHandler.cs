using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAIAdmin.Transport
{
    /// <summary>
    /// Outermost handler: per-attempt timeout, retries with server hints or capped jittered backoff,
    /// and the shared 429 cooldown. A POST is re-sent only when the server said it did not act.
    /// </summary>
    internal sealed class RetryHandler : DelegatingHandler
    {
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

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            byte[]? body = request.Content == null ? null : await request.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            bool idempotent = request.Method != HttpMethod.Post;
            int attempts = _options.MaxRetries + 1;
            string target = request.Method + " " + request.RequestUri?.AbsolutePath;

            for (int attempt = 1; ; attempt++)
            {
                await WaitForCooldown(target, cancellationToken).ConfigureAwait(false);
                using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                attemptTimeout.CancelAfter(_options.RequestTimeout);
                HttpRequestMessage message = attempt == 1 ? request : Clone(request, body);
                HttpResponseMessage response;
                try
                {
                    response = await base.SendAsync(message, attemptTimeout.Token).ConfigureAwait(false);
                    await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    var timeout = new TimeoutException(string.Format(
                        CultureInfo.InvariantCulture, "{0} got no complete response within {1:0.#} s.", target, _options.RequestTimeout.TotalSeconds));
                    if (attempt >= attempts || !idempotent)
                    {
                        throw timeout;
                    }

                    await Backoff(target, attempt, attempts, "a timeout", null, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                catch (Exception ex) when (IsTransportFailure(ex) && !cancellationToken.IsCancellationRequested)
                {
                    if (attempt >= attempts || !(idempotent || FailedBeforeSending(ex)))
                    {
                        throw;
                    }

                    await Backoff(target, attempt, attempts, "a network error (" + ex.GetBaseException().Message + ")", null, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (!ShouldRetry(response, idempotent) || attempt >= attempts)
                {
                    return response;
                }

                TimeSpan? hint = ServerDelay(response);
                if ((int)response.StatusCode == 429)
                {
                    _gate.Extend(hint ?? ComputeBackoff(attempt));
                }

                string reason = string.Format(CultureInfo.InvariantCulture, "HTTP {0} {1} (request id {2})",
                    (int)response.StatusCode, response.ReasonPhrase, RequestId(response));
                response.Dispose();
                await Backoff(target, attempt, attempts, reason, hint, cancellationToken).ConfigureAwait(false);
            }
        }

        private async Task WaitForCooldown(string target, CancellationToken cancellationToken)
        {
            TimeSpan left = _gate.Remaining;
            if (left > TimeSpan.Zero)
            {
                ClientEvents.Verbose(string.Format(CultureInfo.InvariantCulture,
                    "Waiting {0:0.###} s before {1}: the server asked this connection to slow down.", left.TotalSeconds, target));
                await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        private async Task Backoff(string target, int attempt, int attempts, string reason, TimeSpan? hint, CancellationToken cancellationToken)
        {
            TimeSpan delay = hint ?? ComputeBackoff(attempt);
            ClientEvents.Verbose(string.Format(CultureInfo.InvariantCulture,
                "Retrying {0} in {1:0.###} s after {2} (attempt {3} of {4}).", target, delay.TotalSeconds, reason, attempt + 1, attempts));
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }

        private static bool ShouldRetry(HttpResponseMessage response, bool idempotent)
        {
            if (response.IsSuccessStatusCode)
            {
                return false;
            }

            if (response.Headers.TryGetValues("x-should-retry", out var values))
            {
                string value = values.FirstOrDefault() ?? string.Empty;
                if (string.Equals(value, "true", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                if (string.Equals(value, "false", StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }

            // A 429 means the request was refused before any work; other statuses may follow a change the server made.
            return idempotent ? IsRetryableStatus(response.StatusCode) : (int)response.StatusCode == 429;
        }

        internal TimeSpan? ServerDelay(HttpResponseMessage response)
        {
            TimeSpan? delay = null;
            if (response.Headers.TryGetValues("retry-after-ms", out var ms)
                && double.TryParse(ms.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out double millis))
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

            if (delay is { } value && value >= TimeSpan.Zero && value <= _options.MaxServerRetryDelay)
            {
                return value;
            }

            return null;
        }

        internal TimeSpan ComputeBackoff(int attempt)
        {
            double baseMs = _options.InitialRetryDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
            double capped = Math.Min(baseMs, _options.MaxRetryDelay.TotalMilliseconds);
            double jitter;
            lock (_random)
            {
                jitter = 1 - (0.25 * _random.NextDouble());
            }

            return TimeSpan.FromMilliseconds(capped * jitter);
        }

        private static bool IsTransportFailure(Exception ex) => ex is HttpRequestException || ex is IOException || ex is SocketException;

        private static bool FailedBeforeSending(Exception ex)
        {
            for (Exception? e = ex; e != null; e = e.InnerException)
            {
                if (e is SocketException socket
                    && (socket.SocketErrorCode == SocketError.ConnectionRefused || socket.SocketErrorCode == SocketError.HostNotFound
                        || socket.SocketErrorCode == SocketError.NetworkUnreachable || socket.SocketErrorCode == SocketError.HostUnreachable))
                {
                    return true;
                }
            }

            return false;
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
    }
}
