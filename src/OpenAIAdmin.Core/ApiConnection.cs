using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OpenAIAdmin.Transport;

namespace OpenAIAdmin
{
    /// <summary>Sends one API operation and turns the answer into a model or an <see cref="OpenAIAdminException"/>.</summary>
    internal sealed class ApiConnection : IDisposable
    {
        internal const string AdminKeyHelp =
            "The Administration API needs an admin key (sk-admin-...). An organization owner creates one at "
            + "https://platform.openai.com/settings/organization/admin-keys; project keys (sk-proj-...) do not work here.";

        internal const string PermissionHelp =
            "The admin key was accepted but is not allowed to do this (the API's message says what is missing). "
            + "Organization owners manage admin keys and what they may do at "
            + "https://platform.openai.com/settings/organization/admin-keys: ask one for a key with this permission.";

        private readonly HttpPipelineLease _pipeline;

        public ApiConnection(AdminClientOptions options)
        {
            Options = options;
            Gate = new RateLimitGate();
            _pipeline = HttpPipeline.Create(options, Gate);
        }

        public AdminClientOptions Options { get; }

        internal RateLimitGate Gate { get; }

        public Task<T> GetAsync<T>(string path, Query? query, CancellationToken cancellationToken) =>
            SendAsync<T>(HttpMethod.Get, path, query, null, cancellationToken);

        public Task<T> PostAsync<T>(string path, object? body, CancellationToken cancellationToken) =>
            SendAsync<T>(HttpMethod.Post, path, null, body, cancellationToken);

        /// <summary>
        /// Deletes. A 404 on a retry, after an attempt whose outcome was unknown (connection lost after sending, timeout,
        /// 5xx), means that attempt deleted it: the delete is reported as done (every delete answer has <c>deleted</c>).
        /// </summary>
        public Task<T> DeleteAsync<T>(string path, CancellationToken cancellationToken) =>
            SendAsync<T>(HttpMethod.Delete, path, null, null, cancellationToken, notFoundAfterUnknownMeansDeleted: true);

        public Task<T> SendAsync<T>(HttpMethod method, string path, Query? query, object? body, CancellationToken cancellationToken) =>
            SendAsync<T>(method, path, query, body, cancellationToken, notFoundAfterUnknownMeansDeleted: false);

        private async Task<T> SendAsync<T>(
            HttpMethod method, string path, Query? query, object? body, CancellationToken cancellationToken, bool notFoundAfterUnknownMeansDeleted)
        {
            string operation = method + " /" + path;
            using var request = new HttpRequestMessage(method, path + (query?.ToString() ?? string.Empty));
            if (body != null)
            {
                string json = JsonSerializer.Serialize(body, body.GetType(), Json.Options);
                request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            }

            CallState state = CallState.For(request);
            Task metadata = JsonMetadata<T>.Prepared;
            HttpResponseMessage response;
            try
            {
                // A crawl (the access report) bounds and paces its calls; each call holds its slot through its retries.
                using (await RequestThrottle.EnterAsync(cancellationToken).ConfigureAwait(false))
                using (HttpClient client = _pipeline.NewClient())
                {
                    response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (AttemptsTimedOutException ex)
            {
                throw new OpenAIAdminException(AdminErrorKind.ApiTimeout, TimeoutMessage(operation, method, state, ex), ex) { Operation = operation };
            }
            catch (CooldownExceedsBudgetException ex)
            {
                throw new OpenAIAdminException(AdminErrorKind.ApiRateLimited, operation + " was not sent: " + ex.Message, ex) { Operation = operation };
            }
            catch (Exception ex) when (TransportFailure.IsTransportFailure(ex))
            {
                throw ConnectionFailure(operation, method, state, ex);
            }

            using (response)
            {
                string? requestId = response.Headers.TryGetValues("x-request-id", out var ids) ? ids.FirstOrDefault() : null;
                // The body as the handlers buffered it (UTF-8 bytes): JSON is read from them, with no string of the whole body.
                ArraySegment<byte> content = ResponseBuffer.TryGetBody(response.Content, out ArraySegment<byte> buffered)
                    ? buffered
                    : new ArraySegment<byte>(response.Content == null ? Array.Empty<byte>() : await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false));
                if (!response.IsSuccessStatusCode)
                {
                    if (notFoundAfterUnknownMeansDeleted && response.StatusCode == HttpStatusCode.NotFound && state.UnknownOutcome != null)
                    {
                        ClientEvents.Verbose(string.Format(
                            System.Globalization.CultureInfo.InvariantCulture,
                            "{0}: attempt {1} found nothing to delete (HTTP 404, request id {2}) after {3}, so that earlier attempt deleted it; the delete is reported as done.",
                            operation, state.Attempts, requestId ?? "-", state.UnknownOutcome));
                        return JsonSerializer.Deserialize<T>("{\"deleted\":true}", Json.Options)!;
                    }

                    if ((int)response.StatusCode >= 300 && (int)response.StatusCode < 400 && response.Headers.Location != null)
                    {
                        throw Redirected(operation, path, response, requestId);
                    }

                    string text = Encoding.UTF8.GetString(content.Array!, content.Offset, content.Count);
                    OpenAIAdminApiException error = CreateApiException(response.StatusCode, response.ReasonPhrase, text, requestId, operation);
                    if (state.StopReason != null)
                    {
                        error = WithNote(error, state.StopReason);
                    }

                    // A server error answers after the server began the work: a POST may have made its change (and is
                    // not sent again for that reason), as after a timeout or a connection lost mid-answer.
                    throw method == HttpMethod.Post && (int)response.StatusCode >= 500 ? WithNote(error, MayHaveApplied.TrimStart()) : error;
                }

                try
                {
                    await metadata.ConfigureAwait(false);
                    T? result = JsonSerializer.Deserialize<T>(content.AsSpan(), Json.Options);
                    if (result is Paging.IAnsweredWithRequestId answered)
                    {
                        answered.RequestId = requestId;
                    }

                    return result ?? throw new JsonException("The response body was empty or null.");
                }
                catch (JsonException ex)
                {
                    throw new OpenAIAdminException(
                        AdminErrorKind.ApiResponseInvalid,
                        $"{operation} returned a response that is not the expected JSON ({ex.Message}) (request id {requestId ?? "-"}).",
                        ex)
                    { Operation = operation, RequestId = requestId };
                }
            }
        }

        private const string MayHaveApplied = " The server may have applied the change: check before running it again.";

        private string TimeoutMessage(string operation, HttpMethod method, CallState state, AttemptsTimedOutException ex)
        {
            var culture = System.Globalization.CultureInfo.InvariantCulture;
            string limits = Options.OperationTimeout > TimeSpan.Zero
                ? string.Format(culture, "each attempt may take up to {0}, the whole call up to {1}",
                    RetryHandler.Seconds(Options.RequestTimeout > TimeSpan.Zero ? Options.RequestTimeout : System.Threading.Timeout.InfiniteTimeSpan),
                    RetryHandler.Seconds(Options.OperationTimeout))
                : string.Format(culture, "each attempt may take up to {0}", RetryHandler.Seconds(ex.LastAttemptLimit));
            return string.Format(
                culture,
                "{0} got no complete response: gave up after waiting {1:0.0} s in all over {2} {3} ({4}).{5}",
                operation,
                state.Elapsed.TotalSeconds,
                state.Attempts,
                state.Attempts == 1 ? "attempt" : "attempts",
                limits,
                method == HttpMethod.Post ? MayHaveApplied : string.Empty);
        }

        private OpenAIAdminException ConnectionFailure(string operation, HttpMethod method, CallState state, Exception ex)
        {
            var culture = System.Globalization.CultureInfo.InvariantCulture;
            string server = Options.NormalizedBaseUri.GetLeftPart(UriPartial.Authority);
            string detail = Options.Credential.Scrub(ex.GetBaseException().Message);
            string attempts = state.Attempts > 1
                ? string.Format(culture, " Gave up after {0} attempts in {1:0.0} s.", state.Attempts, state.Elapsed.TotalSeconds)
                : string.Empty;
            switch (TransportFailure.StageOf(ex))
            {
                case FailureStage.Connect:
                    // Nothing was sent, so nothing can have changed: no warning about a possibly applied change.
                    return new OpenAIAdminException(
                        AdminErrorKind.ApiUnreachable,
                        string.Format(culture, "{0} failed: could not reach {1} ({2}).{3}{4}", operation, server, detail, attempts,
                            TransportFailure.WhyNotRetried(ex) is string why ? " " + why : string.Empty),
                        ex)
                    { Operation = operation };

                case FailureStage.ReadingBody:
                    var body = (ResponseBodyException)ex;
                    return new OpenAIAdminException(
                        AdminErrorKind.ApiConnectionLost,
                        string.Format(culture, "{0} failed: the connection to {1} was lost while reading the response (HTTP {2}, request id {3}) ({4}).{5}{6}",
                            operation, server, (int)body.StatusCode, body.RequestId ?? "-", detail, attempts, method == HttpMethod.Post ? MayHaveApplied : string.Empty),
                        ex)
                    { Operation = operation, RequestId = body.RequestId };

                default:
                    return new OpenAIAdminException(
                        AdminErrorKind.ApiConnectionLost,
                        string.Format(culture, "{0} failed: the connection to {1} was lost before a response arrived ({2}).{3}{4}",
                            operation, server, detail, attempts, method == HttpMethod.Post ? MayHaveApplied : string.Empty),
                        ex)
                    { Operation = operation };
            }
        }

        /// <summary>
        /// A redirect is reported, not followed (the primary handler does not follow them): the admin key would not go
        /// with it. The message names where the server points, without its query, and the base address to connect to
        /// when the target ends with the path that was asked for.
        /// </summary>
        private OpenAIAdminApiException Redirected(string operation, string path, HttpResponseMessage response, string? requestId)
        {
            Uri target = response.Headers.Location!;
            if (!target.IsAbsoluteUri)
            {
                target = new Uri(response.RequestMessage?.RequestUri ?? new Uri(Options.NormalizedBaseUri, path), target);
            }

            string shown = Options.Credential.Scrub(target.GetLeftPart(UriPartial.Path));
            string asked = "/" + path.Split('?')[0];
            string? movedTo = target.AbsolutePath.EndsWith(asked, StringComparison.Ordinal) && target.AbsolutePath.Length > asked.Length
                ? target.GetLeftPart(UriPartial.Authority) + target.AbsolutePath.Substring(0, target.AbsolutePath.Length - asked.Length)
                : null;
            string advice = movedTo == null
                ? "Connect to the address the API has moved to (Connect-OAIAdmin -BaseUri, or OPENAI_BASE_URL)."
                : new Uri(movedTo + "/") == Options.NormalizedBaseUri
                    ? "It points back at the address this connection uses: something in between (a proxy or gateway) answers instead of the API."
                    : "Connect to " + Options.Credential.Scrub(movedTo) + " (Connect-OAIAdmin -BaseUri, or OPENAI_BASE_URL).";
            var status = response.StatusCode;
            string message = string.Format(
                System.Globalization.CultureInfo.InvariantCulture,
                "{0} was not followed: the server answered HTTP {1} ({2}, request id {3}) with a redirect to {4}. The module does not follow "
                + "redirects: the admin key is not sent on to another address. {5}",
                operation, (int)status, response.ReasonPhrase ?? status.ToString(), requestId ?? "-", shown, advice);
            return new OpenAIAdminApiException(AdminErrorKind.ApiRedirected, status, message)
            {
                Operation = operation,
                RequestId = requestId,
            };
        }

        /// <summary>The same API error with a sentence added on why retrying stopped.</summary>
        private static OpenAIAdminApiException WithNote(OpenAIAdminApiException error, string note) =>
            new OpenAIAdminApiException(error.Kind, error.StatusCode, error.Message + " " + note)
            {
                Operation = error.Operation,
                RequestId = error.RequestId,
                ApiMessage = error.ApiMessage,
                ErrorType = error.ErrorType,
                ErrorCode = error.ErrorCode,
                Param = error.Param,
            };

        internal OpenAIAdminApiException CreateApiException(HttpStatusCode status, string? reason, string body, string? requestId, string operation)
        {
            ApiErrorBody? error = null;
            try
            {
                error = JsonSerializer.Deserialize<ApiErrorEnvelope>(body, Json.Options)?.Error;
            }
            catch (JsonException)
            {
                // Proxies and gateways answer with HTML or problem+json; the status still says what happened.
            }

            AdminErrorKind kind = OpenAIAdminApiException.KindFor(status);
            if (kind == AdminErrorKind.ApiNotFound && (error == null || IsUnknownPath(error)))
            {
                // The API answers a path it does not have with "Invalid URL (GET /organization/users)", and anything else
                // (a web server, a gateway) with a 404 without the API's error object: either way the address is not the
                // API's, an OPENAI_BASE_URL without /v1. Reported as ApiNotFound, it read as "that object is gone", and a
                // cleanup with -ErrorAction SilentlyContinue reported success having done nothing.
                kind = AdminErrorKind.ApiEndpointNotFound;
            }

            string apiMessage = Options.Credential.Scrub(error?.Message ?? reason ?? "No error message.");
            var message = new StringBuilder();
            message.Append(apiMessage.TrimEnd());
            message.Append(" (HTTP ").Append((int)status);
            if (requestId != null)
            {
                message.Append(", request id ").Append(requestId);
            }

            message.Append(')');
            if (kind == AdminErrorKind.InvalidAdminKey || (kind == AdminErrorKind.ApiPermissionDenied && Options.Credential.IsProjectKey))
            {
                message.Append(' ').Append(AdminKeyHelp);
            }
            else if (kind == AdminErrorKind.ApiPermissionDenied)
            {
                message.Append(' ').Append(PermissionHelp);
            }
            else if (status == HttpStatusCode.ProxyAuthenticationRequired)
            {
                // A forward proxy answered an http request itself: as its refusal to open a tunnel, nothing reached the API.
                kind = AdminErrorKind.ApiUnreachable;
                message.Append(" A proxy between this computer and the API asked for credentials it was not given or did not accept: ").Append(TransportFailure.ProxyCredentialsHelp);
            }
            else if (kind == AdminErrorKind.ApiEndpointNotFound)
            {
                message.Append(" from ").Append(Options.Credential.Scrub(Options.NormalizedBaseUri.ToString()))
                    .Append(": the path is not one the API has, so that address is probably not the API's. The OpenAI Administration API's address ends with /v1 ")
                    .Append("(Connect-OAIAdmin -BaseUri, or OPENAI_BASE_URL).");
            }

            return new OpenAIAdminApiException(kind, status, message.ToString())
            {
                Operation = operation,
                RequestId = requestId,
                ApiMessage = apiMessage,
                // A server may echo what it was sent in any field, a key pasted as an id too.
                ErrorType = error?.Type == null ? null : Options.Credential.Scrub(error.Type),
                ErrorCode = error?.Code == null ? null : Options.Credential.Scrub(error.Code),
                Param = error?.Param == null ? null : Options.Credential.Scrub(error.Param),
            };
        }

        private static bool IsUnknownPath(ApiErrorBody error) =>
            (error.Message?.StartsWith("Invalid URL (", StringComparison.Ordinal) ?? false) || error.Code == "unknown_url";

        public void Dispose() => _pipeline.Dispose();

        private sealed class ApiErrorEnvelope
        {
            public ApiErrorBody? Error { get; set; }
        }

        private sealed class ApiErrorBody
        {
            public string? Message { get; set; }

            public string? Type { get; set; }

            public string? Param { get; set; }

            public string? Code { get; set; }
        }
    }
}
