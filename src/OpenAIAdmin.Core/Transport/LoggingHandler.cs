using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAIAdmin.Transport
{
    /// <summary>
    /// Writes one Verbose line per attempt and, for Debug, the headers and bodies with secrets removed.
    /// It sits outside <see cref="AuthHandler"/>, so the Authorization header does not exist yet when it logs.
    /// </summary>
    internal sealed class LoggingHandler : DelegatingHandler
    {
        private const int MaxLoggedBody = 4096;

        // One-time secrets in responses (new admin/service-account keys); anything shaped like a key is the credential's to redact.
        private static readonly Regex SecretField = new Regex("(\"value\"\\s*:\\s*)\"[^\"]*\"", RegexOptions.Compiled);

        private readonly AdminApiKeyCredential _credential;

        public LoggingHandler(AdminApiKeyCredential credential) => _credential = credential;

        internal static string RedactSecrets(string text, AdminApiKeyCredential credential)
        {
            return SecretField.Replace(credential.Scrub(text), "$1\"***\"");
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            string target = request.Method + " " + request.RequestUri;
            ClientEvents.Verbose("HTTP " + target);
            // Debug lines cost a copy of the headers and body and two regular expressions per response: only when wanted.
            IClientEventSink? sink = ClientEvents.DebugSink;
            if (sink != null)
            {
                var debug = new StringBuilder();
                debug.Append("HTTP request ").Append(target);
                foreach (var header in request.Headers.Where(h => h.Key != "Authorization"))
                {
                    debug.Append("\n  ").Append(header.Key).Append(": ").Append(string.Join(", ", header.Value));
                }

                if (request.Content != null)
                {
                    string body = await request.Content.ReadAsStringAsync().ConfigureAwait(false);
                    debug.Append("\n  body: ").Append(Truncate(body));
                }

                sink.Debug(RedactSecrets(debug.ToString(), _credential));
            }

            var watch = Stopwatch.StartNew();
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            watch.Stop();

            string requestId = response.Headers.TryGetValues("x-request-id", out var ids) ? ids.FirstOrDefault() ?? "-" : "-";
            ClientEvents.Verbose(string.Format(
                System.Globalization.CultureInfo.InvariantCulture,
                "HTTP {0} {1} from {2} in {3} ms (request id {4})",
                (int)response.StatusCode,
                response.ReasonPhrase,
                request.Method + " " + request.RequestUri?.AbsolutePath,
                watch.ElapsedMilliseconds,
                requestId));

            if (sink != null)
            {
                // Within the attempt's time limit, and a connection lost mid-body stays recognisable as such.
                await ResponseBuffer.LoadAsync(response, cancellationToken).ConfigureAwait(false);
                string body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                var debug = new StringBuilder();
                debug.Append("HTTP response ").Append((int)response.StatusCode).Append(" (request id ").Append(requestId).Append(')');
                foreach (var header in response.Headers)
                {
                    debug.Append("\n  ").Append(header.Key).Append(": ").Append(string.Join(", ", header.Value));
                }

                debug.Append("\n  body: ").Append(Truncate(body));
                sink.Debug(RedactSecrets(debug.ToString(), _credential));
            }

            return response;
        }

        private static string Truncate(string body) =>
            body.Length <= MaxLoggedBody ? body : body.Substring(0, MaxLoggedBody) + "… (" + body.Length + " characters)";
    }
}
