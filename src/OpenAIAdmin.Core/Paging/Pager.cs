using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAIAdmin.Paging
{
    internal enum PagingStyle
    {
        /// <summary><c>after</c> = previous <c>last_id</c> (or the last item's id) while <c>has_more</c>.</summary>
        IdCursor,

        /// <summary><c>after</c> = previous <c>next</c> while <c>has_more</c>.</summary>
        NextCursor,
    }

    /// <summary>Describes one list operation for <see cref="Pager"/>.</summary>
    internal sealed class ListRequest<T>
    {
        public ListRequest(string path, PagingStyle style, int maxPageSize, Func<T, string?> identity)
        {
            Path = path;
            Style = style;
            MaxPageSize = maxPageSize;
            Identity = identity;
        }

        public string Path { get; }

        public PagingStyle Style { get; }

        public int MaxPageSize { get; }

        /// <summary>Key used to drop an item a misbehaving server sends twice (see <see cref="DuplicateGuard"/>); null keys are never dropped.</summary>
        public Func<T, string?> Identity { get; }

        public Query Query { get; set; } = new Query();
    }

    /// <summary>
    /// The one paging loop: streams items page by page, fetches the next page only when the consumer asks for
    /// the next item, and refuses to loop on a repeated cursor or to skip silently when a cursor is missing.
    /// </summary>
    internal static class Pager
    {
        public static async IAsyncEnumerable<T> ListAsync<T>(
            ApiConnection connection,
            ListRequest<T> request,
            ListOptions? options,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            options ??= ListOptions.All;
            if (options.MaxItems is <= 0)
            {
                yield break;
            }

            int pageSize = Math.Min(options.PageSize ?? request.MaxPageSize, request.MaxPageSize);
            string operation = "GET /" + request.Path;
            // One cursor per page (not per item) is kept, so a loop of any length is caught.
            var seenCursors = new HashSet<string>(StringComparer.Ordinal);
            var duplicates = new DuplicateGuard();
            string? cursor = null;
            long emitted = 0;
            int pageNumber = 0;
            Task<ListEnvelope<T>>? prefetched = null;
            CancellationTokenSource? prefetchStop = null;

            try
            {
                while (true)
                {
                    ListEnvelope<T> page;
                    if (prefetched != null)
                    {
                        page = await prefetched.ConfigureAwait(false);
                        prefetched = null;
                    }
                    else
                    {
                        page = await FetchAsync(connection, request, options, pageSize, cursor, emitted, cancellationToken).ConfigureAwait(false);
                    }

                    pageNumber++;
                    List<T> items = page.Data ?? new List<T>();

                    // The next page is fetched while the consumer takes the second half of this one, when it will be asked
                    // for unless the consumer stops: the cursor is there and new, and no item limit applies (a limit
                    // shapes the next request's size from what was written). A consumer that stops in the first half
                    // (Select-Object -First 3) never causes a request it does not use.
                    string? next = page.HasMore ? NextCursor(request, page, items) : null;
                    bool mayPrefetch = page.HasMore && options.MaxItems == null && !string.IsNullOrEmpty(next)
                        && next != cursor && !seenCursors.Contains(next!);
                    int prefetchAt = Math.Max(1, items.Count / 2);

                    for (int index = 0; index < items.Count; index++)
                    {
                        if (mayPrefetch && prefetched == null && index >= prefetchAt)
                        {
                            prefetchStop ??= CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                            prefetched = FetchAsync(connection, request, options, pageSize, next, emitted, prefetchStop.Token);
                        }

                        T item = items[index];
                        string? key = request.Identity(item);
                        if (duplicates.IsRepeat(key))
                        {
                            ClientEvents.Verbose($"{operation}: the server sent '{key}' twice; the repeat is skipped.");
                            continue;
                        }

                        emitted++;
                        yield return item;
                        if (options.MaxItems is long limitItems && emitted >= limitItems)
                        {
                            yield break;
                        }
                    }

                    duplicates.EndPage();
                    ClientEvents.Current?.PageReceived(operation, pageNumber, emitted);
                    if (!page.HasMore)
                    {
                        yield break;
                    }

                    if (string.IsNullOrEmpty(next))
                    {
                        throw new OpenAIAdminException(
                            AdminErrorKind.PagingCursorMissing,
                            $"{operation} said more results exist but gave no cursor for page {pageNumber + 1}; {Items(emitted)} {(emitted == 1 ? "was" : "were")} returned and the rest could not be read (request id {page.RequestId ?? "-"}).")
                        { Operation = operation, RequestId = page.RequestId };
                    }

                    if (next == cursor || !seenCursors.Add(next!))
                    {
                        throw new OpenAIAdminException(
                            AdminErrorKind.PagingCursorRepeated,
                            $"{operation} returned the cursor '{next}' a second time on page {pageNumber}; paging stopped after {Items(emitted)} to avoid a loop (request id {page.RequestId ?? "-"}).")
                        { Operation = operation, RequestId = page.RequestId };
                    }

                    cursor = next;
                }
            }
            finally
            {
                // The consumer stopped early or a page failed: a page fetched ahead is cancelled and its outcome dropped.
                if (prefetched != null)
                {
                    prefetchStop!.Cancel();
                    try
                    {
                        await prefetched.ConfigureAwait(false);
                    }
                    catch (Exception)
                    {
                        // Nobody asked for that page.
                    }
                }

                prefetchStop?.Dispose();
            }
        }

        private static string Items(long count) => count == 1 ? "1 item" : count + " items";

        private static Task<ListEnvelope<T>> FetchAsync<T>(
            ApiConnection connection, ListRequest<T> request, ListOptions options, int pageSize, string? cursor, long emitted, CancellationToken cancellationToken)
        {
            int limit = pageSize;
            if (options.MaxItems is long max)
            {
                limit = (int)Math.Min(limit, max - emitted);
            }

            Query query = request.Query.Clone().Add("limit", limit);
            query.Add("after", cursor);
            return connection.GetAsync<ListEnvelope<T>>(request.Path, query, cancellationToken);
        }

        private static string? NextCursor<T>(ListRequest<T> request, ListEnvelope<T> page, List<T> items)
        {
            switch (request.Style)
            {
                case PagingStyle.IdCursor:
                    return page.LastId ?? (items.Count > 0 ? request.Identity(items[items.Count - 1]) : null);
                default:
                    return page.Next;
            }
        }
    }

    /// <summary>
    /// Drops an item the server sends again on the same page or on the next page (an inclusive cursor, a page that
    /// overlaps the previous one), in bounded memory: it remembers the keys of the current and the previous page only,
    /// and a key repeated on a page counts as seen on that page, so a repeat that goes on page after page stays caught.
    /// A repeat two or more pages after the key was last sent is not caught; no such server behaviour is known, and
    /// remembering every key would cost memory in proportion to the listing (audit logs run to millions of entries).
    /// </summary>
    internal sealed class DuplicateGuard
    {
        private HashSet<string> _previous = new HashSet<string>(StringComparer.Ordinal);
        private HashSet<string> _current = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>How many keys are remembered: never more than the last two pages held.</summary>
        public int Retained => _previous.Count + _current.Count;

        /// <summary>True when <paramref name="key"/> was already sent on this page or the previous one; null keys never are.</summary>
        public bool IsRepeat(string? key)
        {
            if (key == null)
            {
                return false;
            }

            bool seenOnPreviousPage = _previous.Contains(key);
            bool seenOnThisPage = !_current.Add(key);
            return seenOnPreviousPage || seenOnThisPage;
        }

        /// <summary>Call after each page: this page becomes the previous one.</summary>
        public void EndPage()
        {
            HashSet<string> recycled = _previous;
            recycled.Clear();
            _previous = _current;
            _current = recycled;
        }
    }
}
