namespace OpenAIAdmin.Simulator.Infrastructure;

/// <summary>
/// Every /v1 request in arrival order, for tests to assert on (<c>GET /_sim/requests</c>). An entry is added when
/// the request arrives, so it is visible while the request is still being served; its status is filled in at the
/// end: the HTTP status, 0 for a connection the simulator dropped, 499 when the client went away first.
/// <c>fault</c> names the kind of fault rule that fired for the request (null when none did).
/// <c>arrived</c> and <c>finished</c> are numbers from one counter of events (an arrival or a finish), so tests can tell
/// how many requests were in flight at once without timing: request B overlapped A when B arrived before A finished.
/// <c>arrived_ms</c> is the arrival time in milliseconds since the log was last cleared, for the benchmarks' analysis of
/// how a client spends a rate limit; tests assert on the counters, never on it. <c>connection</c> names the TCP
/// connection the request came on (the server's connection id), so tests can tell when a client opened a new one.
/// </summary>
internal sealed class RequestLog
{
    private readonly object _gate = new();
    private List<Entry> _entries = new();
    private long _events;
    private System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

    public Entry Add(string method, string path, string query, string? body, string requestId, string connection)
    {
        var entry = new Entry(this, method, path, query, body, requestId, connection);
        lock (_gate)
        {
            _entries.Add(entry);
        }

        return entry;
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries = new List<Entry>();
            _events = 0;
            _clock = System.Diagnostics.Stopwatch.StartNew();
        }
    }

    public IReadOnlyList<object> Snapshot()
    {
        lock (_gate)
        {
            return _entries.Select(e => (object)new { e.Method, e.Path, e.Query, e.Body, e.RequestId, e.Status, e.Fault, e.Arrived, e.Finished, e.ArrivedMs, e.Connection }).ToList();
        }
    }

    internal sealed class Entry
    {
        private readonly RequestLog _log;
        private int _status;
        private string? _fault;
        private long _finished;

        public Entry(RequestLog log, string method, string path, string query, string? body, string requestId, string connection)
        {
            _log = log;
            Arrived = Interlocked.Increment(ref log._events);
            ArrivedMs = Math.Round(log._clock.Elapsed.TotalMilliseconds, 1);
            Method = method;
            Path = path;
            Query = query;
            Body = body;
            RequestId = requestId;
            Connection = connection;
        }

        public string Method { get; }

        public string Path { get; }

        /// <summary>The raw query string without the leading '?', as sent (still percent-encoded).</summary>
        public string Query { get; }

        public string? Body { get; }

        public string RequestId { get; }

        /// <summary>The server's id of the TCP connection the request came on.</summary>
        public string Connection { get; }

        /// <summary>The kind of fault that fired for this request (<c>drop</c>, <c>status</c>, …), or null.</summary>
        public string? Fault
        {
            get => Volatile.Read(ref _fault);
            set => Volatile.Write(ref _fault, value);
        }

        public int Status
        {
            get => Volatile.Read(ref _status);
            set
            {
                Volatile.Write(ref _status, value);
                Volatile.Write(ref _finished, Interlocked.Increment(ref _log._events));
            }
        }
        /// <summary>The event number of the request's arrival.</summary>
        public long Arrived { get; }
        /// <summary>Milliseconds from the last clear of the log to the request's arrival.</summary>
        public double ArrivedMs { get; }
        /// <summary>The event number of the request's end (its status set; the last one when set twice), 0 while in flight.</summary>
        public long Finished => Volatile.Read(ref _finished);
    }
}
