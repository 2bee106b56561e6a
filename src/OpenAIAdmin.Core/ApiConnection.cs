using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
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

        public Task<T> DeleteAsync<T>(string path, CancellationToken cancellationToken) =>
            SendAsync<T>(HttpMethod.Delete, path, null, null, cancellationToken);

        public async Task<T> SendAsync<T>(HttpMethod method, string path, Query? query, object? body, CancellationToken cancellationToken)
        {
            string operation = method + " /" + path;
            using var request = new HttpRequestMessage(method, path + (query?.ToString() ?? string.Empty));
            if (body != null)
            {
                string json = JsonSerializer.Serialize(body, body.GetType(), Json.Options);
                request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            }

            HttpResponseMessage response;
            try
            {
                response = await _pipeline.Client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (TimeoutException ex)
            {
                throw new OpenAIAdminException(AdminErrorKind.ApiTimeout, ex.Message, ex) { Operation = operation };
            }
            catch (Exception ex) when (ex is HttpRequestException || ex is IOException || ex is SocketException)
            {
                string message = string.Format(
                    System.Globalization.CultureInfo.InvariantCulture,
                    "{0} failed: could not reach {1} ({2}).{3}",
                    operation,
                    Options.NormalizedBaseUri.GetLeftPart(UriPartial.Authority),
                    Options.Credential.Scrub(ex.GetBaseException().Message),
                    method == HttpMethod.Post ? " The server may have applied the change before the connection failed: check before running it again." : string.Empty);
                throw new OpenAIAdminException(AdminErrorKind.ApiUnreachable, message, ex) { Operation = operation };
            }

            using (response)
            {
                string? requestId = response.Headers.TryGetValues("x-request-id", out var ids) ? ids.FirstOrDefault() : null;
                string text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    throw CreateApiException(response.StatusCode, response.ReasonPhrase, text, requestId, operation);
                }

                try
                {
                    T? result = JsonSerializer.Deserialize<T>(text, Json.Options);
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

            return new OpenAIAdminApiException(kind, status, message.ToString())
            {
                Operation = operation,
                RequestId = requestId,
                ApiMessage = apiMessage,
                ErrorType = error?.Type,
                ErrorCode = error?.Code,
                Param = error?.Param,
            };
        }

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
