using System;

namespace OpenAIAdmin
{
    public sealed class AdminClientOptions
    {
        public static readonly Uri DefaultBaseUri = new Uri("https://api.openai.com/v1/");

        public AdminClientOptions(AdminApiKeyCredential credential)
        {
            Credential = credential ?? throw new ArgumentNullException(nameof(credential));
        }

        public AdminApiKeyCredential Credential { get; }

        /// <summary>Root of the API, e.g. https://api.openai.com/v1 or a simulator/proxy address.</summary>
        public Uri BaseUri { get; set; } = DefaultBaseUri;

        /// <summary>Sent as User-Agent, e.g. "OpenAIAdmin/0.1.0 PowerShell/7.6.9".</summary>
        public string UserAgent { get; set; } = "OpenAIAdmin";

        /// <summary>
        /// Retries after the first attempt; 0 disables retrying. Bounded by <see cref="OperationTimeout"/> as well:
        /// a call stops at whichever limit it reaches first.
        /// </summary>
        public int MaxRetries { get; set; } = 10;

        /// <summary>
        /// Time allowed for one attempt, from sending the request to reading the whole response; never more than
        /// what is left of <see cref="OperationTimeout"/>. <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>: no per-attempt limit.
        /// </summary>
        public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>
        /// The most one call may take in all, every attempt and every wait between attempts included: no retry
        /// starts that could not finish within it, and a server's wait hint beyond it fails the call at once.
        /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>: no overall limit (only <see cref="MaxRetries"/> bounds the call).
        /// </summary>
        public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(150);

        /// <summary>First computed backoff; each further retry doubles it up to <see cref="MaxRetryDelay"/> (jittered down by up to 25 %).</summary>
        public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

        /// <summary>
        /// Cap of the computed exponential backoff. With the defaults the ten backoffs add up to 71.6–95.5 s, so a
        /// call rides out a full minute of rate limiting (the API's limits reset per minute).
        /// </summary>
        public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(16);

        /// <summary>
        /// How long one socket handler serves a connection's new requests before the factory puts a fresh one in its
        /// place (IHttpClientFactory's default), so that a connection in continuous use still follows DNS changes.
        /// </summary>
        internal TimeSpan HandlerLifetime { get; set; } = TimeSpan.FromMinutes(2);

        internal Uri NormalizedBaseUri
        {
            get
            {
                string text = BaseUri.AbsoluteUri;
                return text.EndsWith("/", StringComparison.Ordinal) ? BaseUri : new Uri(text + "/");
            }
        }
    }
}
