namespace OpenAIAdmin.Simulator.Infrastructure;

/// <summary>
/// Every /v1 request in arrival order, for tests to assert on (<c>GET /_sim/requests</c>). An entry is added when
/// the request arrives, so it is visible while the request is still being served; its status is filled in at the
/// end: the HTTP status, 0 for a connection the simulator dropped, 499 when the client went away first.
/// <c>fault</c> names the kind of fault rule that fired for the request (null when none did).
/// </summary>
internal sealed class RequestLog
{
    private readonly object _gate = new();
    private List<Entry> _entries = new();

    public Entry Add(string method, string path, string query, string? body, string requestId)
    {
        var entry = new Entry(method, path, query, body, requestId);
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
        }
    }

    public IReadOnlyList<object> Snapshot()
    {
        lock (_gate)
        {
            return _entries.Select(e => (object)new { e.Method, e.Path, e.Query, e.Body, e.RequestId, e.Status, e.Fault }).ToList();
        }
    }

    internal sealed class Entry
    {
        private int _status;
        private string? _fault;

        public Entry(string method, string path, string query, string? body, string requestId)
        {
            Method = method;
            Path = path;
            Query = query;
            Body = body;
            RequestId = requestId;
        }

        public string Method { get; }

        public string Path { get; }

        /// <summary>The raw query string without the leading '?', as sent (still percent-encoded).</summary>
        public string Query { get; }

        public string? Body { get; }

        public string RequestId { get; }

        /// <summary>The kind of fault that fired for this request (<c>drop</c>, <c>status</c>, …), or null.</summary>
        public string? Fault
        {
            get => Volatile.Read(ref _fault);
            set => Volatile.Write(ref _fault, value);
        }

        public int Status
        {
            get => Volatile.Read(ref _status);
            set => Volatile.Write(ref _status, value);
        }
    }
}
