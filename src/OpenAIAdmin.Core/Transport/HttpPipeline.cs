using System;
using System.Net;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Security.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace OpenAIAdmin.Transport
{
    /// <summary>Builds the one HttpClient of a connection: retry → logging → auth → socket handler.</summary>
    internal static class HttpPipeline
    {
        private const string ClientName = "OpenAIAdmin";

        public static HttpPipelineLease Create(AdminClientOptions options, RateLimitGate gate)
        {
            var services = new ServiceCollection();
            services.AddHttpClient(ClientName, client =>
                {
                    client.BaseAddress = options.NormalizedBaseUri;
                    // Per-attempt timeouts live in RetryHandler; the overall call ends only by cancellation.
                    client.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
                    client.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
                    client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
                })
                .ConfigurePrimaryHttpMessageHandler(CreatePrimaryHandler)
                .AddHttpMessageHandler(() => new RetryHandler(options, gate))
                .AddHttpMessageHandler(() => new LoggingHandler(options.Credential))
                .AddHttpMessageHandler(() => new AuthHandler(options.Credential));

            // The factory logs through Microsoft.Extensions.Logging by default; nothing here listens, so drop it.
            ServiceProvider provider = services.BuildServiceProvider();
            HttpClient client = provider.GetRequiredService<IHttpClientFactory>().CreateClient(ClientName);
            return new HttpPipelineLease(provider, client);
        }

        private static HttpMessageHandler CreatePrimaryHandler() =>
            CreatePrimaryHandler(PinsTls(RuntimeInformation.FrameworkDescription));

        /// <summary>The TLS versions the primary handler is pinned to on .NET Framework: 1.2 and 1.3.</summary>
        internal const SslProtocols FrameworkSslProtocols = SslProtocols.Tls12 | (SslProtocols)12288; // 12288 = Tls13, absent from netstandard2.0

        /// <summary>
        /// Windows PowerShell 5.1 (.NET Framework) may default to TLS 1.0/1.1, which the API refuses; .NET (PowerShell 7)
        /// uses the system's defaults. Separate from the handler so that tests can decide for another runtime's name.
        /// </summary>
        internal static bool PinsTls(string frameworkDescription) =>
            frameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);

        internal static HttpClientHandler CreatePrimaryHandler(bool pinTls)
        {
            var handler = new HttpClientHandler
            {
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                UseCookies = false,
            };

            if (pinTls)
            {
                handler.SslProtocols = FrameworkSslProtocols;
            }

            return handler;
        }
    }

    internal sealed class HttpPipelineLease : IDisposable
    {
        private readonly ServiceProvider _provider;

        public HttpPipelineLease(ServiceProvider provider, HttpClient client)
        {
            _provider = provider;
            Client = client;
        }

        public HttpClient Client { get; }

        public void Dispose()
        {
            Client.Dispose();
            _provider.Dispose();
        }
    }
}
