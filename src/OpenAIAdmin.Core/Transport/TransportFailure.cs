using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;

namespace OpenAIAdmin.Transport
{
    /// <summary>Where in an exchange a network failure happened, which decides whether the server may have acted.</summary>
    internal enum FailureStage
    {
        /// <summary>No connection was made (refused, unknown host, unreachable network, TLS handshake): nothing was sent.</summary>
        Connect,

        /// <summary>The request may have been sent, but no response arrived before the connection was lost.</summary>
        BeforeResponse,

        /// <summary>The status and headers arrived; the connection was lost while the body was being read.</summary>
        ReadingBody,
    }

    internal static class TransportFailure
    {
        public static bool IsTransportFailure(Exception ex) => ex is HttpRequestException || ex is IOException || ex is SocketException;

        public static FailureStage StageOf(Exception ex)
        {
            if (ex is ResponseBodyException)
            {
                return FailureStage.ReadingBody;
            }

            for (Exception? e = ex; e != null; e = e.InnerException)
            {
                if (e is SocketException socket && IsConnectError(socket.SocketErrorCode))
                {
                    return FailureStage.Connect;
                }

                // .NET Framework (Windows PowerShell 5.1) reports connect failures as WebException statuses.
                if (e is WebException web && IsConnectStatus(web.Status))
                {
                    return FailureStage.Connect;
                }

                if (e is AuthenticationException || IsProxyTunnelFailure(e, out _))
                {
                    return FailureStage.Connect;
                }
            }

            return FailureStage.BeforeResponse;
        }

        /// <summary>
        /// Why no retry can help a failure to connect, as a sentence for the error message; null when one may.
        /// A TLS handshake that refused the server (a certificate the system does not trust, such as a TLS-inspecting
        /// proxy's, a name mismatch, or a TLS alert) meets the same certificate every time; a host name that does not
        /// exist (the resolver's authoritative answer, not its "try again") does not appear within a call's retries. A
        /// connection that breaks during the handshake is an IOException, and a resolver that cannot answer now is
        /// <see cref="SocketError.TryAgain"/>: both stay retryable. .NET Framework reports every resolver failure as
        /// <see cref="WebExceptionStatus.NameResolutionFailure"/>, so there unknown names are retried.
        /// </summary>
        public static string? WhyNotRetried(Exception ex)
        {
            for (Exception? e = ex; e != null; e = e.InnerException)
            {
                if (e is AuthenticationException || (e is WebException web && web.Status == WebExceptionStatus.TrustFailure))
                {
                    return "The secure connection was refused, so it was not tried again: if a proxy inspects TLS, its root certificate must be trusted by this system.";
                }

                if (e is SocketException socket && socket.SocketErrorCode == SocketError.HostNotFound)
                {
                    return "The host name does not exist, so it was not tried again: check the address given to -BaseUri or in OPENAI_BASE_URL (or the proxy's, when one is set).";
                }

                if (IsProxyTunnelFailure(e, out HttpStatusCode? status) && status == HttpStatusCode.ProxyAuthenticationRequired)
                {
                    return "The proxy asked for credentials it was not given or did not accept (HTTP 407), so it was not tried again: " + ProxyCredentialsHelp;
                }
            }

            return null;
        }

        /// <summary>What to do when a proxy answers 407, for a tunnel (https) and a forwarded request (http) alike.</summary>
        internal const string ProxyCredentialsHelp =
            "give the proxy's user and password in HTTPS_PROXY (HTTP_PROXY for an http address), before its host name and separated from it by '@', or ask for a proxy rule that lets this host through.";

        /// <summary>
        /// The proxy answered the request to open a tunnel (CONNECT) with an error status: nothing reached the API. .NET 8
        /// and later say so in <c>HttpRequestException.HttpRequestError</c> and <c>StatusCode</c>, read by name because the
        /// core is built for .NET Standard 2.0 (on .NET Framework such a failure stays a lost connection; unverified there).
        /// </summary>
        private static bool IsProxyTunnelFailure(Exception e, out HttpStatusCode? status)
        {
            status = null;
            if (!(e is HttpRequestException))
            {
                return false;
            }

            Type type = e.GetType();
            if (type.GetProperty("HttpRequestError")?.GetValue(e)?.ToString() != "ProxyTunnelError")
            {
                return false;
            }

            status = type.GetProperty("StatusCode")?.GetValue(e) as HttpStatusCode?;
            return true;
        }

        private static bool IsConnectError(SocketError error) =>
            error == SocketError.ConnectionRefused || error == SocketError.HostNotFound || error == SocketError.TryAgain
            || error == SocketError.NoData || error == SocketError.NetworkUnreachable || error == SocketError.HostUnreachable
            || error == SocketError.NetworkDown || error == SocketError.HostDown || error == SocketError.AddressNotAvailable;

        private static bool IsConnectStatus(WebExceptionStatus status) =>
            status == WebExceptionStatus.ConnectFailure || status == WebExceptionStatus.NameResolutionFailure
            || status == WebExceptionStatus.ProxyNameResolutionFailure || status == WebExceptionStatus.TrustFailure
            || status == WebExceptionStatus.SecureChannelFailure;
    }

    /// <summary>The connection failed after the status line and headers arrived, while the body was being read.</summary>
    internal sealed class ResponseBodyException : IOException
    {
        public ResponseBodyException(HttpStatusCode statusCode, string? requestId, Exception inner)
            : base("The connection was lost while reading the response body.", inner)
        {
            StatusCode = statusCode;
            RequestId = requestId;
        }

        public HttpStatusCode StatusCode { get; }

        public string? RequestId { get; }
    }

    /// <summary>Every attempt the call could make ran out of time; the counts are in <see cref="CallState"/>.</summary>
    internal sealed class AttemptsTimedOutException : TimeoutException
    {
        public AttemptsTimedOutException(TimeSpan lastAttemptLimit)
            : base("No complete response arrived in time.")
        {
            LastAttemptLimit = lastAttemptLimit;
        }

        public TimeSpan LastAttemptLimit { get; }
    }

    /// <summary>The connection must wait out a rate-limit cooldown longer than the call has left: nothing was sent.</summary>
    internal sealed class CooldownExceedsBudgetException : Exception
    {
        public CooldownExceedsBudgetException(string message)
            : base(message)
        {
        }
    }
}
