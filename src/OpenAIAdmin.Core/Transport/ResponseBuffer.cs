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
        /// <summary>Bodies announced up to this size get their buffer at once; larger ones grow as they arrive.</summary>
        private const int MaxPresize = 16 * 1024 * 1024;

        /// <summary>
        /// The body that <see cref="LoadAsync"/> read, as UTF-8 bytes without a byte-order mark, or false when the content
        /// was not read by it. The JSON reader works on these bytes directly: no string of the whole body is made.
        /// </summary>
        public static bool TryGetBody(HttpContent? content, out ArraySegment<byte> body)
        {
            if (content is BufferedContent buffered)
            {
                body = buffered.Body;
                if (body.Count >= 3 && body.Array![body.Offset] == 0xEF && body.Array[body.Offset + 1] == 0xBB && body.Array[body.Offset + 2] == 0xBF)
                {
                    body = new ArraySegment<byte>(body.Array, body.Offset + 3, body.Count - 3);
                }

                return true;
            }

            body = default;
            return false;
        }

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
                    // Sized from Content-Length when the server sends one; the buffer itself becomes the content (no copy).
                    long? length = original.Headers.ContentLength;
                    using var buffer = new MemoryStream(length is long known && known > 0 && known <= MaxPresize ? (int)known : 0);
                    await stream.CopyToAsync(buffer, 81920, cancellationToken).ConfigureAwait(false);
                    var content = new BufferedContent(buffer.TryGetBuffer(out ArraySegment<byte> bytes) ? bytes : new ArraySegment<byte>(buffer.ToArray()));
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
            public BufferedContent(ArraySegment<byte> content)
                : base(content.Array!, content.Offset, content.Count)
            {
                Body = content;
            }

            public ArraySegment<byte> Body { get; }
        }
    }
}
