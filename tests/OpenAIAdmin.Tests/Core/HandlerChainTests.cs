using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using OpenAIAdmin.Transport;
using Xunit;

namespace OpenAIAdmin.Tests.Core
{
    /// <summary>
    /// What one request of a connection passes through: our retry, logging and auth handlers and the socket handler.
    /// The factory adds a lifetime wrapper, but none of its own logging handlers (Microsoft.Extensions.Logging, which
    /// nothing here listens to): they made every request, and the first call of a process, do more for nothing.
    /// </summary>
    public class HandlerChainTests
    {
        [Fact]
        public void ChainIsRetryLoggingAuthThenTheSocketHandler()
        {
            var options = new AdminClientOptions(new AdminApiKeyCredential(SimulatorFixture.FakeKey, KeySource.Parameter))
            {
                BaseUri = new Uri("http://127.0.0.1:9/v1/"),
            };
            using HttpPipelineLease lease = HttpPipeline.Create(options, new RateLimitGate());

            using HttpClient client = lease.NewClient();
            List<Type> chain = Handlers(client).ToList();

            Assert.DoesNotContain(chain, t => t.Namespace == "Microsoft.Extensions.Http.Logging");
            Assert.Equal(
                new[] { typeof(RetryHandler), typeof(LoggingHandler), typeof(AuthHandler), typeof(HttpClientHandler) },
                chain.Where(t => t.Assembly != typeof(IHttpClientFactory).Assembly));
        }

        private static IEnumerable<Type> Handlers(HttpClient client)
        {
            FieldInfo field = typeof(HttpMessageInvoker).GetField("_handler", BindingFlags.NonPublic | BindingFlags.Instance)
                ?? throw new InvalidOperationException("HttpMessageInvoker has no _handler field on this runtime.");
            var handler = (HttpMessageHandler?)field.GetValue(client);
            while (handler != null)
            {
                yield return handler.GetType();
                handler = (handler as DelegatingHandler)?.InnerHandler;
            }
        }
    }
}
