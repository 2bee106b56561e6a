using System;
using System.Net;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Security.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace OpenAIAdmin.Transport
{
    /// <summary>
    /// Builds the HTTP pipeline of a connection: retry → logging → auth → socket handler, behind IHttpClientFactory. Each
    /// request takes a client from the factory (<see cref="HttpPipelineLease.NewClient"/>), which hands out the current
    /// chain and replaces it every <see cref="AdminClientOptions.HandlerLifetime"/>: a socket handler keeps its
    /// connections, and the addresses it resolved, for as long as they are busy, and a connection lives as long as the
    /// process (Azure Automation and long exports keep one busy for hours).
    /// </summary>
    internal static class HttpPipeline
    {
        internal const string ClientName = "OpenAIAdmin";

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
                .SetHandlerLifetime(options.HandlerLifetime)
                .ConfigurePrimaryHttpMessageHandler(CreatePrimaryHandler)
                .AddHttpMessageHandler(() => new RetryHandler(options, gate))
                .AddHttpMessageHandler(() => new LoggingHandler(options.Credential))
                .AddHttpMessageHandler(() => new AuthHandler(options.Credential))
                // The factory wraps the chain in two logging handlers of its own (Microsoft.Extensions.Logging, which
                // nothing here listens to; LoggingHandler is ours): without them each request does less, and the first
                // one compiles less.
                .RemoveAllLoggers();

            ServiceProvider provider = services.BuildServiceProvider();
            return new HttpPipelineLease(provider, provider.GetRequiredService<IHttpClientFactory>());
        }

        private static HttpMessageHandler CreatePrimaryHandler() =>
            CreatePrimaryHandler(PinsTls(RuntimeInformation.FrameworkDescription));

        /// <summary>SslProtocols.Tls13, which netstandard2.0 does not name.</summary>
        internal const SslProtocols Tls13 = (SslProtocols)12288;

        /// <summary>
        /// The TLS versions the primary handler is pinned to on .NET Framework: 1.2, and 1.3 where the runtime knows it.
        /// .NET Framework 4.7.2 predates TLS 1.3 and its handler refuses protocol values it does not define, so 1.3 is
        /// asked for only when the running framework's SslProtocols defines it (4.8 and later).
        /// </summary>
        internal static SslProtocols FrameworkSslProtocols =>
            Enum.IsDefined(typeof(SslProtocols), Tls13) ? SslProtocols.Tls12 | Tls13 : SslProtocols.Tls12;

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
                // A followed redirect goes out without the Authorization header (.NET drops it on every redirect), so it
                // would end as a misleading 401, and a 301/302 would turn a POST into a GET. ApiConnection reports the
                // redirect itself (ApiRedirected).
                AllowAutoRedirect = false,
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
        private readonly IHttpClientFactory _factory;

        public HttpPipelineLease(ServiceProvider provider, IHttpClientFactory factory)
        {
            _provider = provider;
            _factory = factory;
        }

        /// <summary>A client over the chain the factory serves now; disposing it leaves the chain to the factory.</summary>
        public HttpClient NewClient() => _factory.CreateClient(HttpPipeline.ClientName);

        public void Dispose() => _provider.Dispose();
    }
}
