using System.Text.Json;

namespace OpenAIAdmin.Simulator.Infrastructure;

/// <summary>
/// List variants the contract allows but does not promise, chosen through <c>POST /_sim/behaviour</c> so that tests
/// can run a client against each of them. The defaults are the simulator's usual answers; <c>POST /_sim/reset</c>
/// restores them. Every list handler sees them through <see cref="ListRequest"/>.
/// </summary>
internal sealed class ListBehaviour
{
    private readonly object _gate = new();
    private bool _nextIsLastId;
    private bool _idCursorBoundsOmitted;
    private bool _cursorMissing;
    private bool _bucketFieldResult;
    private int _maxPageBuckets;
    private int _maxPageResults = DefaultMaxPageResults;

    /// <summary>What a usage or costs page holds at most unless <c>max_page_results</c> says otherwise.</summary>
    public const int DefaultMaxPageResults = 1000;

    /// <summary>
    /// Next-cursor lists answer <c>next</c> = the last item's id (and accept ids as <c>after</c>) instead of an
    /// opaque token: the contract does not say what <c>next</c> holds, and the real API may use ids.
    /// </summary>
    public bool NextIsLastId { get { lock (_gate) { return _nextIsLastId; } } }

    /// <summary>Id-cursor pages without <c>first_id</c>/<c>last_id</c> (null where the contract requires the fields).</summary>
    public bool IdCursorBoundsOmitted { get { lock (_gate) { return _idCursorBoundsOmitted; } } }

    /// <summary>Next-cursor and page-token lists answer <c>has_more: true</c> with a null <c>next</c>/<c>next_page</c>.</summary>
    public bool CursorMissing { get { lock (_gate) { return _cursorMissing; } } }

    /// <summary>Usage and costs buckets carry their results under <c>result</c> (the 04-30 reference) instead of <c>results</c>.</summary>
    public bool BucketFieldResult { get { lock (_gate) { return _bucketFieldResult; } } }

    /// <summary>A usage or costs page holds at most this many buckets whatever <c>limit</c> asked (0: no cap).</summary>
    public int MaxPageBuckets { get { lock (_gate) { return _maxPageBuckets; } } }

    /// <summary>A usage or costs page stops before the bucket that would take it past this many results (0: no cap); it always holds one bucket.</summary>
    public int MaxPageResults { get { lock (_gate) { return _maxPageResults; } } }

    public void Reset()
    {
        lock (_gate)
        {
            _nextIsLastId = false;
            _idCursorBoundsOmitted = false;
            _cursorMissing = false;
            _bucketFieldResult = false;
            _maxPageBuckets = 0;
            _maxPageResults = DefaultMaxPageResults;
        }
    }

    /// <summary>What <c>GET /_sim/behaviour</c> shows.</summary>
    public object Snapshot()
    {
        lock (_gate)
        {
            return new
            {
                next_cursor = _nextIsLastId ? "last_id" : "opaque",
                id_cursor_bounds = _idCursorBoundsOmitted ? "omitted" : "present",
                cursor_missing = _cursorMissing,
                bucket_field = _bucketFieldResult ? "result" : "results",
                max_page_buckets = _maxPageBuckets,
                max_page_results = _maxPageResults,
            };
        }
    }

    /// <summary>
    /// Applies the fields given (others keep their value): <c>next_cursor</c> <c>opaque</c>|<c>last_id</c>,
    /// <c>id_cursor_bounds</c> <c>present</c>|<c>omitted</c>, <c>cursor_missing</c> true|false, <c>bucket_field</c>
    /// <c>results</c>|<c>result</c>, <c>max_page_buckets</c> and <c>max_page_results</c> (0 or more; 0 = no cap).
    /// Anything else is a 400 and changes nothing.
    /// </summary>
    public void Apply(string? json)
    {
        JsonElement root;
        try
        {
            using JsonDocument document = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "null" : json);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw ApiException.BadRequest("The behaviour is not valid JSON.");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw ApiException.BadRequest("The behaviour must be a JSON object.");
        }

        bool? nextIsLastId = null, boundsOmitted = null, cursorMissing = null, fieldResult = null;
        int? maxPageBuckets = null, maxPageResults = null;
        foreach (JsonProperty field in root.EnumerateObject())
        {
            switch (field.Name)
            {
                case "next_cursor":
                    nextIsLastId = Choice(field, "opaque", "last_id");
                    break;
                case "id_cursor_bounds":
                    boundsOmitted = Choice(field, "present", "omitted");
                    break;
                case "cursor_missing":
                    cursorMissing = field.Value.ValueKind switch
                    {
                        JsonValueKind.True => true,
                        JsonValueKind.False => false,
                        _ => throw ApiException.InvalidValue(field.Name, "expected true or false."),
                    };
                    break;
                case "bucket_field":
                    fieldResult = Choice(field, "results", "result");
                    break;
                case "max_page_buckets":
                    maxPageBuckets = Count(field);
                    break;
                case "max_page_results":
                    maxPageResults = Count(field);
                    break;
                default:
                    throw ApiException.BadRequest($"Unknown behaviour '{field.Name}'.", field.Name, "unknown_parameter");
            }
        }

        lock (_gate)
        {
            _nextIsLastId = nextIsLastId ?? _nextIsLastId;
            _idCursorBoundsOmitted = boundsOmitted ?? _idCursorBoundsOmitted;
            _cursorMissing = cursorMissing ?? _cursorMissing;
            _bucketFieldResult = fieldResult ?? _bucketFieldResult;
            _maxPageBuckets = maxPageBuckets ?? _maxPageBuckets;
            _maxPageResults = maxPageResults ?? _maxPageResults;
        }
    }

    /// <summary>A whole number, 0 or more.</summary>
    private static int Count(JsonProperty field) =>
        field.Value.ValueKind == JsonValueKind.Number && field.Value.TryGetInt32(out int value) && value >= 0
            ? value
            : throw ApiException.InvalidValue(field.Name, "expected a whole number, 0 or more.");

    /// <summary>False for the first value, true for the second.</summary>
    private static bool Choice(JsonProperty field, string first, string second)
    {
        string? value = field.Value.ValueKind == JsonValueKind.String ? field.Value.GetString() : null;
        return value == first ? false
            : value == second ? true
            : throw ApiException.InvalidValue(field.Name, $"expected '{first}' or '{second}'.");
    }
}
