using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAIAdmin.Transport
{
    /// <summary>
    /// Reads a response body into memory within the attempt's time limit. A failure while reading becomes a
    /// <see cref="ResponseBodyException"/>, so the caller can tell a connection lost mid-body from one never made.
    /// </summary>
    internal static class ResponseBuffer
    {
        public static async Task LoadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        {
            if (response.Content == null || response.Content is BufferedContent)
            {
                return;
            }

            HttpContent original = response.Content;
            try
            {
                // Disposing the response aborts a read that ignores the token (as .NET Framework's stream may).
                using (cancellationToken.Register(() => original.Dispose()))
                {
                    Stream stream = await original.ReadAsStreamAsync().ConfigureAwait(false);
                    using var buffer = new MemoryStream();
                    await stream.CopyToAsync(buffer, 81920, cancellationToken).ConfigureAwait(false);
                    var content = new BufferedContent(buffer.ToArray());
                    foreach (var header in original.Headers.Where(h => !h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)))
                    {
                        content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                    }

                    response.Content = content;
                }

                original.Dispose();
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                // The response is of no use half read: release its connection here, whoever called.
                response.Dispose();
                throw new OperationCanceledException(cancellationToken);
            }
            catch (Exception ex) when (TransportFailure.IsTransportFailure(ex) || ex is ObjectDisposedException)
            {
                string? requestId = response.Headers.TryGetValues("x-request-id", out var ids) ? ids.FirstOrDefault() : null;
                response.Dispose();
                throw new ResponseBodyException(response.StatusCode, requestId, ex);
            }
        }

        /// <summary>Marks a body already read by <see cref="LoadAsync"/>.</summary>
        private sealed class BufferedContent : ByteArrayContent
        {
            public BufferedContent(byte[] content)
                : base(content)
            {
            }
        }
    }
}
