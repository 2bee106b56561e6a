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

        private static HttpMessageHandler CreatePrimaryHandler()
        {
            var handler = new HttpClientHandler
            {
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                UseCookies = false,
            };

            // Windows PowerShell 5.1 (.NET Framework) may default to TLS 1.0/1.1, which the API refuses.
            if (RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal))
            {
                handler.SslProtocols = SslProtocols.Tls12 | (SslProtocols)12288; // 12288 = Tls13, absent from netstandard2.0
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
