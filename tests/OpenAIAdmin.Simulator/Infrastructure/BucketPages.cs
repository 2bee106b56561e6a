using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OpenAIAdmin.Simulator.Infrastructure;

/// <summary>
/// What one usage or costs operation takes (inventory §6.3, §6.4, §7): its bucket widths with the default and maximum
/// <c>limit</c> of each, its filters (query name → the values allowed, or null for free values; <c>batch</c> is a
/// boolean) and its <c>group_by</c> values.
/// </summary>
internal sealed record BucketContract(
    IReadOnlyDictionary<string, (int Default, int Max)> Widths,
    IReadOnlyDictionary<string, IReadOnlyList<string>?> Filters,
    IReadOnlyList<string> GroupBy)
{
    public const string BatchFilter = "batch";

    /// <summary>Usage: <c>1m</c> (60, 1440), <c>1h</c> (24, 168), <c>1d</c> (7, 31).</summary>
    public static readonly IReadOnlyDictionary<string, (int Default, int Max)> UsageWidths = new Dictionary<string, (int, int)>
    {
        ["1m"] = (60, 1440),
        ["1h"] = (24, 168),
        ["1d"] = (7, 31),
    };

    /// <summary>Costs: <c>1d</c> only, limit 1..180, default 7.</summary>
    public static readonly IReadOnlyDictionary<string, (int Default, int Max)> CostsWidths = new Dictionary<string, (int, int)>
    {
        ["1d"] = (7, 180),
    };
}

/// <summary>A usage or costs request, read and checked: the range, the width, <c>limit</c>, filters, group_by, and where a <c>page</c> token resumes.</summary>
internal sealed class BucketQuery
{
    private static readonly string[] Common = { "start_time", "end_time", "bucket_width", "limit", "page", "group_by" };

    private BucketQuery(string scope, string hash, long start, long? end, string width, long widthSeconds, int limit,
        IReadOnlyList<string> groupBy, IReadOnlyDictionary<string, IReadOnlyList<string>> filters, bool? batch, string? token)
    {
        Scope = scope;
        Hash = hash;
        Start = start;
        End = end;
        Width = width;
        WidthSeconds = widthSeconds;
        Limit = limit;
        GroupBy = groupBy;
        Filters = filters;
        Batch = batch;
        Token = token;
    }

    public string Scope { get; }

    /// <summary>A digest of every query parameter but <c>page</c>: a token is valid only for the query that made it.</summary>
    public string Hash { get; }

    public long Start { get; }

    public long? End { get; }

    public string Width { get; }

    public long WidthSeconds { get; }

    public int Limit { get; }

    public IReadOnlyList<string> GroupBy { get; }

    /// <summary>The array filters given (query name without <c>[]</c> → values); absent filters are not in it.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters { get; }

    public bool? Batch { get; }

    /// <summary>The <c>page</c> token as sent, or null on a first page.</summary>
    public string? Token { get; }

    public bool Grouped(string field) => GroupBy.Contains(field);

    /// <summary>True when the filter <paramref name="name"/> is absent or lists <paramref name="value"/>.</summary>
    public bool Passes(string name, string? value) =>
        !Filters.TryGetValue(name, out IReadOnlyList<string>? values) || (value is not null && values.Contains(value));

    /// <summary>Reads and validates the query; every problem is a 400 naming the parameter.</summary>
    public static BucketQuery Read(HttpContext context, string scope, BucketContract contract)
    {
        IQueryCollection query = context.Request.Query;
        foreach (string key in query.Keys)
        {
            string name = key.EndsWith("[]", StringComparison.Ordinal) ? key[..^2] : key;
            if (!Common.Contains(name) && !contract.Filters.ContainsKey(name))
            {
                throw ApiException.BadRequest($"Unrecognized request argument supplied: {name}", name, "unknown_parameter");
            }
        }

        long start = QueryReader.Int64(context, "start_time") ?? throw ApiException.Missing("start_time");
        long? end = QueryReader.Int64(context, "end_time");
        if (end is long e && e <= start)
        {
            throw ApiException.InvalidValue("end_time", "end_time must be after start_time.");
        }

        string width = QueryReader.String(context, "bucket_width") ?? "1d";
        if (!contract.Widths.TryGetValue(width, out var limits))
        {
            throw ApiException.InvalidValue("bucket_width", $"'{width}' is not one of {string.Join(", ", contract.Widths.Keys)}.");
        }

        int limit = QueryReader.Limit(context, 1, limits.Max, limits.Default);
        IReadOnlyList<string> groupBy = QueryReader.Array(context, "group_by").Distinct().ToList();
        foreach (string field in groupBy.Where(f => !contract.GroupBy.Contains(f)))
        {
            throw ApiException.InvalidValue("group_by", $"'{field}' is not one of {string.Join(", ", contract.GroupBy)}.");
        }

        var filters = new Dictionary<string, IReadOnlyList<string>>();
        bool? batch = null;
        foreach ((string name, IReadOnlyList<string>? allowed) in contract.Filters)
        {
            if (name == BucketContract.BatchFilter)
            {
                batch = QueryReader.String(context, name) is null ? null : QueryReader.Bool(context, name, false);
                continue;
            }

            IReadOnlyList<string> values = QueryReader.Array(context, name);
            if (values.Count == 0)
            {
                continue;
            }

            foreach (string value in values.Where(v => allowed is not null && !allowed.Contains(v)))
            {
                throw ApiException.InvalidValue(name, $"'{value}' is not one of {string.Join(", ", allowed!)}.");
            }

            filters[name] = values;
        }

        long widthSeconds = width switch { "1m" => 60, "1h" => 3600, _ => 86_400 };
        return new BucketQuery(scope, Digest(query), start, end, width, widthSeconds, limit, groupBy, filters, batch, QueryReader.String(context, "page"));
    }

    /// <summary>Every parameter but <c>page</c>, arrays with or without <c>[]</c> alike, in a fixed order.</summary>
    private static string Digest(IQueryCollection query)
    {
        var pairs = new List<string>();
        foreach (string key in query.Keys.Where(k => k != "page"))
        {
            string name = key.EndsWith("[]", StringComparison.Ordinal) ? key[..^2] : key;
            foreach (string? value in query[key])
            {
                pairs.Add(name + "=" + value);
            }
        }

        pairs.Sort(StringComparer.Ordinal);
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("&", pairs)));
        return Convert.ToHexString(hash, 0, 8);
    }
}

/// <summary>
/// The page-token paging of the usage and costs operations. Buckets are aligned to UTC multiples of their width (the
/// first bucket is the one that holds <c>start_time</c>); no bucket starts after now (the open one is the last). A page
/// holds up to <c>limit</c> buckets, fewer when the list behaviour caps pages (<c>max_page_buckets</c>,
/// <c>max_page_results</c>), and then says <c>has_more</c> with a <c>next_page</c> token: opaque, tied to the query
/// (every parameter but <c>page</c>), so a token sent with another query is refused with the API's 400. The
/// <c>empty_page</c>, <c>repeat_cursor</c> and <c>reject_page</c> faults and the <c>cursor_missing</c> and
/// <c>bucket_field</c> behaviours act here.
/// </summary>
internal static class BucketPages
{
    public const string TokenRejectedMessage = "The page token is invalid, have you modified the query parameters?";

    /// <summary>The API's answer to a token that does not belong to the query.</summary>
    public static ApiException TokenRejected(string? message = null) =>
        new(400, message ?? TokenRejectedMessage, "invalid_request_error", null, null);

    /// <summary>The bucket start <paramref name="time"/> falls in.</summary>
    public static long Floor(long time, long width) => (time / width - (time % width < 0 ? 1 : 0)) * width;

    /// <summary>One page of buckets; <paramref name="results"/> gives the results of the bucket [start, end).</summary>
    public static object Page<T>(HttpContext context, SimState state, BucketQuery query, Func<long, long, List<T>> results)
    {
        long width = query.WidthSeconds;
        long first = Floor(query.Start, width);
        if (query.Token is not null)
        {
            string? value = ListRequest.Decode(query.Scope, query.Token);
            string[] parts = value?.Split(':') ?? Array.Empty<string>();
            if (parts.Length != 2 || parts[0] != query.Hash
                || !long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out long position)
                || position < first || (position - first) % width != 0)
            {
                throw TokenRejected();
            }

            first = position;
        }

        long now = state.Now;
        long end = query.End ?? long.MaxValue;
        bool Exists(long bucketStart) => bucketStart < end && bucketStart <= now;
        ListBehaviour behaviour = state.Lists;
        string field = behaviour.BucketFieldResult ? "result" : "results";
        if (context.EmptyPage())
        {
            // The quirk other clients report: nothing on the page, has_more all the same, a token that resumes here.
            return Envelope(new List<object>(), Exists(first), Exists(first) ? Token(query, first) : null);
        }

        int maxBuckets = behaviour.MaxPageBuckets;
        int maxResults = behaviour.MaxPageResults;
        var buckets = new List<object>();
        int resultCount = 0;
        long bucketStart = first;
        while (Exists(bucketStart) && buckets.Count < query.Limit && (maxBuckets == 0 || buckets.Count < maxBuckets))
        {
            List<T> items = results(bucketStart, bucketStart + width);
            if (maxResults > 0 && buckets.Count > 0 && resultCount + items.Count > maxResults)
            {
                break;
            }

            resultCount += items.Count;
            buckets.Add(new Dictionary<string, object?>
            {
                ["object"] = "bucket",
                ["start_time"] = bucketStart,
                ["end_time"] = bucketStart + width,
                [field] = items,
            });
            bucketStart += width;
        }

        bool hasMore = Exists(bucketStart);
        string? nextPage = hasMore ? Token(query, bucketStart) : null;
        if (query.Token is not null && context.RepeatCursor())
        {
            hasMore = true;
            nextPage = query.Token;
        }

        if (hasMore && behaviour.CursorMissing)
        {
            nextPage = null;
        }

        return Envelope(buckets, hasMore, nextPage);
    }

    private static string Token(BucketQuery query, long position) =>
        ListRequest.Encode(query.Scope, query.Hash + ":" + position.ToString(CultureInfo.InvariantCulture));

    private static Dictionary<string, object?> Envelope(List<object> data, bool hasMore, string? nextPage) =>
        new() { ["object"] = "page", ["data"] = data, ["has_more"] = hasMore, ["next_page"] = nextPage };
}
