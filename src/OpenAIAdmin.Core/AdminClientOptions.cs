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

        /// <summary>Retries after the first attempt; 0 disables retrying. Bounded by <see cref="OperationTimeout"/> as well.</summary>
        public int MaxRetries { get; set; } = 10;

        /// <summary>Time allowed for one attempt, from sending the request to reading the whole response.</summary>
        public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>
        /// The most one call may take in all, every attempt and every wait between attempts included: no retry
        /// starts that could not finish within it, and a server's wait hint beyond it fails the call at once.
        /// </summary>
        public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(150);

        public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

        /// <summary>Cap of the computed exponential backoff.</summary>
        public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(8);

        /// <summary>Server hints (retry-after-ms, Retry-After) longer than this are not trusted; backoff applies instead.</summary>
        public TimeSpan MaxServerRetryDelay { get; set; } = TimeSpan.FromSeconds(120);

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
