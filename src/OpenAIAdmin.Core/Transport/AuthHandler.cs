using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAIAdmin.Transport
{
    /// <summary>Innermost handler: the key is added here so that no outer handler (logging) ever sees it.</summary>
    internal sealed class AuthHandler : DelegatingHandler
    {
        private readonly AdminApiKeyCredential _credential;

        public AuthHandler(AdminApiKeyCredential credential) => _credential = credential;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _credential.Reveal());
            return base.SendAsync(request, cancellationToken);
        }
    }
}
