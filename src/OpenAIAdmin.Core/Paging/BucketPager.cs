using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAIAdmin.Paging
{
    /// <summary>The part of a usage or costs time range that one request covers: [Start, End), <see cref="Count"/> buckets.</summary>
    internal readonly struct BucketWindow
    {
        public BucketWindow(DateTimeOffset start, DateTimeOffset end, int count)
        {
            Start = start;
            End = end;
            Count = count;
        }

        public DateTimeOffset Start { get; }

        public DateTimeOffset End { get; }

        /// <summary>How many buckets of the width the window holds: the <c>limit</c> its request sends.</summary>
        public int Count { get; }

        public override string ToString() => Text(Start) + " to " + Text(End);

        internal static string Text(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Splits a time range into windows that each fit one page. Buckets are aligned to UTC multiples of their width
    /// (a day bucket runs from 00:00 UTC, an hour bucket from the full hour), so every window after the first starts on
    /// a bucket boundary and no window cuts a bucket; the first starts where the range does.
    /// </summary>
    internal static class BucketWindows
    {
        private static readonly DateTimeOffset UnixEpoch = new DateTimeOffset(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public static IEnumerable<BucketWindow> Split(DateTimeOffset start, DateTimeOffset end, TimeSpan width, int maxBuckets)
        {
            if (width <= TimeSpan.Zero || maxBuckets < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(width));
            }

            DateTimeOffset from = start;
            while (from < end)
            {
                DateTimeOffset to = Floor(from, width) + TimeSpan.FromTicks(width.Ticks * maxBuckets);
                if (to > end)
                {
                    to = end;
                }

                yield return new BucketWindow(from, to, Count(from, to, width));
                from = to;
            }
        }

        /// <summary>The start of the bucket that holds <paramref name="time"/> (UTC multiples of the width since the Unix epoch).</summary>
        public static DateTimeOffset Floor(DateTimeOffset time, TimeSpan width)
        {
            long ticks = (time.UtcTicks - UnixEpoch.UtcTicks) / width.Ticks * width.Ticks;
            if (time.UtcTicks - UnixEpoch.UtcTicks < ticks)
            {
                ticks -= width.Ticks;
            }

            return new DateTimeOffset(UnixEpoch.UtcTicks + ticks, TimeSpan.Zero);
        }

        /// <summary>The first bucket boundary at or after <paramref name="time"/>.</summary>
        public static DateTimeOffset Ceiling(DateTimeOffset time, TimeSpan width)
        {
            DateTimeOffset floor = Floor(time, width);
            return floor == time ? floor : floor + width;
        }

        /// <summary>The buckets that hold some of [start, end).</summary>
        public static int Count(DateTimeOffset start, DateTimeOffset end, TimeSpan width) =>
            end <= start ? 0 : (int)((Ceiling(end, width) - Floor(start, width)).Ticks / width.Ticks);
    }

    /// <summary>One usage or costs operation as the bucket pager reads it.</summary>
    internal sealed class BucketRequest
    {
        public BucketRequest(string path, string bucketWidth, int maxBuckets, Query filters)
        {
            Path = path;
            BucketWidth = bucketWidth;
            Width = WidthOf(bucketWidth);
            MaxBuckets = maxBuckets;
            Filters = filters;
        }

        public string Path { get; }

        /// <summary><c>1d</c>, <c>1h</c> or <c>1m</c>, as sent.</summary>
        public string BucketWidth { get; }

        public TimeSpan Width { get; }

        /// <summary>The most buckets one request may ask for (the API's <c>limit</c> maximum for the width).</summary>
        public int MaxBuckets { get; }

        /// <summary>Everything but the time range, <c>limit</c> and <c>page</c>: bucket_width, filters, group_by.</summary>
        public Query Filters { get; }

        public static TimeSpan WidthOf(string bucketWidth)
        {
            switch (bucketWidth)
            {
                case "1d": return TimeSpan.FromDays(1);
                case "1h": return TimeSpan.FromHours(1);
                case "1m": return TimeSpan.FromMinutes(1);
                default:
                    throw new OpenAIAdminException(AdminErrorKind.InvalidArgument, $"The bucket width '{bucketWidth}' is not one of 1d, 1h, 1m.");
            }
        }
    }

    /// <summary>What every usage and costs result carries besides its own fields; set by the pager.</summary>
    internal interface IBucketResult
    {
        DateTimeOffset StartTime { set; }

        DateTimeOffset EndTime { get; set; }

        bool Complete { set; }
    }

    /// <summary>A bucket as the API sends it: its results under <c>results</c> (the contract) or <c>result</c> (the 04-30 reference).</summary>
    internal sealed class WireBucket<T>
    {
        public string? Object { get; set; }

        public DateTimeOffset StartTime { get; set; }

        public DateTimeOffset EndTime { get; set; }

        public List<T>? Results { get; set; }

        public List<T>? Result { get; set; }

        public List<T> Items => Results ?? Result ?? new List<T>();
    }

    /// <summary>
    /// The windowed page-token engine of the usage and costs operations. The range is split into windows that each fit
    /// one page (<see cref="BucketWindows"/>); up to ThrottleLimit windows are read at once, and their rows are written
    /// in time order: a window's rows as soon as it and every earlier window are complete. At most ThrottleLimit
    /// windows are read or held at any time; a consumer that stops (Select-Object -First) cancels the windows still
    /// being read, and no further window starts.
    /// Within a window: <c>next_page</c> is followed while the server says <c>has_more</c> (also from a page that came
    /// back empty). Whenever the token route fails, the rest of the window is asked for again by time, from the end of
    /// the last bucket received, without a token: after a rejected token (400 "The page token is invalid …"), in
    /// smaller pieces (what the server's pages held, at most half the piece before); after <c>has_more</c> without a
    /// <c>next_page</c>, or a token already used, in pieces of the same size. Eight pages in a row that bring no new
    /// bucket although the server says <c>has_more</c> end that piece as empty. Every request either brings a new bucket
    /// or counts towards that limit, so no loop is possible. Buckets are deduplicated by start time (a window takes
    /// only buckets that start inside it, each start once, in increasing order), so nothing is lost or repeated
    /// whatever the token route did.
    /// </summary>
    internal sealed class BucketPager<T> where T : class, IBucketResult
    {
        private static readonly Regex PageTokenMessage = new Regex(@"page[\s_-]*token|next_page|\bpage\b.*\b(invalid|expired|modified)\b",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <summary>Pages in a row without a new bucket (has_more all the same) after which a piece is taken as empty.</summary>
        private const int MaxStalls = 8;

        private readonly ApiConnection _connection;
        private readonly BucketRequest _request;
        private readonly BucketReadOptions _options;
        private readonly string _operation;
        private int _rejections;
        private Action? _readAhead;

        public BucketPager(ApiConnection connection, BucketRequest request, BucketReadOptions options)
        {
            _connection = connection;
            _request = request;
            _options = options;
            _operation = "GET /" + request.Path;
        }

        /// <summary>Page tokens the server rejected during this read (each one was survived by asking again by time).</summary>
        public int Rejections => Volatile.Read(ref _rejections);

        /// <summary>The rows of each window of [start, end), window by window in time order.</summary>
        public async IAsyncEnumerable<List<T>> ReadAsync(DateTimeOffset start, DateTimeOffset end, string activity,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            // Buckets that start after now do not exist yet: the range ends with the bucket that is open now.
            DateTimeOffset last = BucketWindows.Ceiling(_options.Now(), _request.Width);
            List<BucketWindow> windows = BucketWindows.Split(start, end < last ? end : last, _request.Width, _request.MaxBuckets).ToList();
            int throttle = Math.Min(_options.ThrottleLimit, Math.Max(1, windows.Count));
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var pending = new Queue<Task<List<T>>>();
            int next = 0;
            int done = 0;
            void TopUp(int limit)
            {
                while (next < windows.Count && pending.Count < limit)
                {
                    BucketWindow window = windows[next++];
                    pending.Enqueue(Task.Run(() => ReadWindowAsync(window, stop.Token), stop.Token));
                }
            }

            // While a window is being written, its slot may go to the next window once the consumer has taken its
            // first row and asked for more (ReadAhead): a consumer that stops at the first row starts nothing more.
            _readAhead = () => TopUp(throttle);
            try
            {
                while (true)
                {
                    // Top up to ThrottleLimit windows being read or held: the one being written counts until its
                    // consumer asks for its second row, so reads never run more than ThrottleLimit + 1 windows ahead
                    // of a slow consumer, and at most ThrottleLimit requests are in flight.
                    TopUp(throttle);

                    if (pending.Count == 0)
                    {
                        yield break;
                    }

                    List<T> rows = await pending.Peek().ConfigureAwait(false);
                    _ = pending.Dequeue();
                    if (windows.Count > 1)
                    {
                        ClientEvents.Progress(activity, ++done, windows.Count);
                    }

                    yield return rows;
                }
            }
            finally
            {
                // The consumer stopped, or a window failed: cancel what is still being read and start nothing more.
                _readAhead = null;
                stop.Cancel();
                foreach (Task task in pending)
                {
                    try
                    {
                        await task.ConfigureAwait(false);
                    }
                    catch (Exception)
                    {
                        // Cancelled or failed after the read ended; nothing is waiting for it.
                    }
                }
            }
        }

        /// <summary>
        /// Called by the consumer of <see cref="ReadAsync"/> when it asks for the second row of the window it was
        /// given: the window's slot is then free for the next window while the rest of its rows are written, so the
        /// server's time overlaps the pipeline's. Does nothing outside a read or when every window has started.
        /// </summary>
        public void ReadAhead() => _readAhead?.Invoke();

        /// <summary>Every row of one window, in bucket order.</summary>
        internal async Task<List<T>> ReadWindowAsync(BucketWindow window, CancellationToken cancellationToken)
        {
            TimeSpan width = _request.Width;
            DateTimeOffset now = _options.Now();
            DateTimeOffset earliest = BucketWindows.Floor(window.Start, width);
            var rows = new List<T>();
            DateTimeOffset position = window.Start;      // where the next bucket is expected
            DateTimeOffset? lastStart = null;            // the start of the last bucket taken (starts only increase)
            int piece = window.Count;                    // buckets per request when asking by time
            int largestPage = 0;                         // the most buckets the server sent in one page
            int stalled = 0;                             // pages in a row that brought no new bucket

            while (position < window.End)
            {
                DateTimeOffset pieceEnd = BucketWindows.Floor(position, width) + TimeSpan.FromTicks(width.Ticks * piece);
                if (pieceEnd > window.End)
                {
                    pieceEnd = window.End;
                }

                Query query = _request.Filters.Clone()
                    .Add("start_time", position)
                    .Add("end_time", pieceEnd)
                    .Add("limit", BucketWindows.Count(position, pieceEnd, width));
                var tokens = new HashSet<string>(StringComparer.Ordinal);
                string? token = null;
                while (true)
                {
                    ListEnvelope<WireBucket<T>> page;
                    try
                    {
                        page = await _connection.GetAsync<ListEnvelope<WireBucket<T>>>(_request.Path, query.Clone().Add("page", token), cancellationToken)
                            .ConfigureAwait(false);
                    }
                    catch (OpenAIAdminApiException ex) when (token != null && IsRejectedToken(ex))
                    {
                        Interlocked.Increment(ref _rejections);
                        int smaller = Math.Max(1, Math.Min(piece / 2, largestPage > 0 ? largestPage : int.MaxValue));
                        ClientEvents.Verbose(string.Format(CultureInfo.InvariantCulture,
                            "{0}: the server rejected the page token ({1}); the rest of {2} is asked for again from {3}, {4} buckets at a time, without a token.",
                            _operation, ex.ApiMessage ?? ex.Message, window, BucketWindow.Text(position), smaller));
                        piece = smaller;
                        break;
                    }

                    List<WireBucket<T>> buckets = page.Data ?? new List<WireBucket<T>>();
                    largestPage = Math.Max(largestPage, buckets.Count);
                    int taken = 0;
                    foreach (WireBucket<T> bucket in buckets.OrderBy(b => b.StartTime))
                    {
                        if (bucket.StartTime < earliest || bucket.StartTime >= window.End)
                        {
                            // Another window's bucket: that window takes it.
                            continue;
                        }

                        if (lastStart is DateTimeOffset seen && bucket.StartTime <= seen)
                        {
                            ClientEvents.Verbose($"{_operation}: the bucket of {BucketWindow.Text(bucket.StartTime)} came a second time; the repeat is skipped.");
                            continue;
                        }

                        lastStart = bucket.StartTime;
                        taken++;
                        if (bucket.EndTime > position)
                        {
                            position = bucket.EndTime;
                        }

                        foreach (T result in bucket.Items)
                        {
                            result.StartTime = bucket.StartTime;
                            result.EndTime = bucket.EndTime;
                            result.Complete = bucket.EndTime <= now;
                            rows.Add(result);
                        }
                    }

                    stalled = taken == 0 ? stalled + 1 : 0;
                    if (position >= pieceEnd)
                    {
                        break;
                    }

                    if (!page.HasMore)
                    {
                        // Nothing more in this piece, the server says; the next piece, if any, starts where this one ends.
                        position = pieceEnd;
                        break;
                    }

                    string? nextPage = page.NextPage;
                    if (stalled >= MaxStalls)
                    {
                        // has_more, again and again, on pages that bring nothing: the server gives nothing more here. Going on
                        // would never end; taking the span as empty may leave rows out, which the user must hear of.
                        ClientEvents.Warning(string.Format(CultureInfo.InvariantCulture,
                            "{0}: {1} pages in a row brought no new bucket although the server said has_more; {2} to {3} UTC is taken as empty, "
                            + "so rows of that span may be missing. Ask for that span again later.",
                            _operation, stalled, BucketWindow.Text(position), BucketWindow.Text(pieceEnd)));
                        position = pieceEnd;
                        stalled = 0;
                        break;
                    }

                    if (string.IsNullOrEmpty(nextPage) || !tokens.Add(nextPage!))
                    {
                        string why = string.IsNullOrEmpty(nextPage) ? "it said has_more without a next_page" : "it sent a page token a second time";
                        ClientEvents.Verbose(string.Format(CultureInfo.InvariantCulture,
                            "{0}: {1}; the rest of {2} is asked for again from {3}, without a token.", _operation, why, window, BucketWindow.Text(position)));
                        break;
                    }

                    token = nextPage;
                }
            }

            return rows;
        }

        /// <summary>
        /// A 400 to a request that carried a page token, whose message is about that token ("The page token is invalid,
        /// have you modified the query parameters?") or that names <c>page</c> as the parameter at fault.
        /// </summary>
        internal static bool IsRejectedToken(OpenAIAdminApiException error) =>
            (int)error.StatusCode == 400
            && (string.Equals(error.Param, "page", StringComparison.OrdinalIgnoreCase) || PageTokenMessage.IsMatch(error.ApiMessage ?? error.Message));
    }
}

namespace OpenAIAdmin
{
    /// <summary>How a bucket read runs: concurrency and the clock that decides which buckets are still open.</summary>
    public sealed class BucketReadOptions
    {
        public const int DefaultThrottleLimit = 4;

        public const int MaxThrottleLimit = 16;

        /// <summary>At most this many windows are read (in flight or waiting to be written) at once.</summary>
        public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

        /// <summary>Add ProjectName, UserEmail and ApiKeyName from cached listings (one listing per kind of name).</summary>
        public bool IncludeNames { get; set; }

        /// <summary>The current time; a bucket that ends after it is not <c>Complete</c>. Null: the system clock.</summary>
        public Func<DateTimeOffset>? Clock { get; set; }

        internal DateTimeOffset Now() => Clock?.Invoke() ?? DateTimeOffset.UtcNow;

        internal void Check()
        {
            if (ThrottleLimit < 1 || ThrottleLimit > MaxThrottleLimit)
            {
                throw new OpenAIAdminException(AdminErrorKind.InvalidArgument, $"ThrottleLimit is 1 to {MaxThrottleLimit}, not {ThrottleLimit}.");
            }
        }
    }
}
