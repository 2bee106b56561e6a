using System.Net.Http;
using System.Security.Authentication;
using OpenAIAdmin.Transport;
using Xunit;

namespace OpenAIAdmin.Tests.Core
{
    /// <summary>
    /// The primary handler is pinned to TLS 1.2/1.3 on .NET Framework (Windows PowerShell 5.1) only. The pinned handler
    /// itself also runs on Mono in build.ps1 -Task TestDesktop; real .NET Framework is not available here.
    /// </summary>
    public class TlsPinningTests
    {
        [Theory]
        [InlineData(".NET Framework 4.8.9290.0", true)]
        [InlineData(".NET Framework 4.7.3190.0", true)]
        [InlineData(".NET 10.0.1", false)]
        [InlineData(".NET Core 3.1.32", false)]
        [InlineData("Mono 6.8.0.105 (Debian 6.8.0.105+dfsg-3.3+deb12u1)", false)]
        public void PinsTlsOnlyOnNetFramework(string description, bool expected) =>
            Assert.Equal(expected, HttpPipeline.PinsTls(description));

        [Fact]
        public void PinnedHandlerAllowsExactlyTls12AndTls13()
        {
            using HttpClientHandler pinned = HttpPipeline.CreatePrimaryHandler(pinTls: true);
            Assert.Equal(SslProtocols.Tls12 | SslProtocols.Tls13, pinned.SslProtocols);
            using HttpClientHandler unpinned = HttpPipeline.CreatePrimaryHandler(pinTls: false);
            Assert.Equal(SslProtocols.None, unpinned.SslProtocols);
        }

        [Fact]
        public void ThisRuntimeIsNotPinned() =>
            Assert.False(HttpPipeline.PinsTls(System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription));
    }
}
