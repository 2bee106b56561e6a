using System.Globalization;
using System.Text.Json;

namespace OpenAIAdmin.Simulator.Infrastructure;

internal enum FaultKind
{
    Status,
    Drop,
    Delay,
    Malformed,
    RepeatCursor,
    DropAfter,
    ResetBody,
    Overlap,
    RejectPage,
    EmptyPage,
    Redirect,
}

/// <summary>One rule posted to <c>POST /_sim/faults</c>; see README.md for the fields.</summary>
internal sealed class FaultRule
{
    /// <summary>Wire name of each kind, as posted and as shown in the request log.</summary>
    internal static readonly (string Name, FaultKind Kind)[] Names =
    {
        ("status", FaultKind.Status),
        ("drop", FaultKind.Drop),
        ("drop_after", FaultKind.DropAfter),
        ("reset_body", FaultKind.ResetBody),
        ("delay", FaultKind.Delay),
        ("malformed", FaultKind.Malformed),
        ("repeat_cursor", FaultKind.RepeatCursor),
        ("overlap", FaultKind.Overlap),
        ("reject_page", FaultKind.RejectPage),
        ("empty_page", FaultKind.EmptyPage),
        ("redirect", FaultKind.Redirect),
    };

    private long? _firstFired;

    public FaultKind Kind { get; init; }

    public string? Method { get; init; }

    /// <summary>Prefix of the full request path, including <c>/v1</c>; null matches every API path.</summary>
    public string? Path { get; init; }

    /// <summary>How many more times the rule fires; -1 = forever.</summary>
    public int Remaining { get; set; } = 1;

    /// <summary>How many more matching requests pass untouched before the rule starts firing.</summary>
    public int Skip { get; set; }

    public int Status { get; init; }

    public string? RetryAfter { get; init; }

    public long? RetryAfterMs { get; init; }

    public string? ShouldRetry { get; init; }

    public int DelayMs { get; init; }

    /// <summary>With a value, the rule fires on every matching request for this long after it first fired (a storm).</summary>
    public int? DurationMs { get; init; }

    public string? Message { get; init; }

    public string? Type { get; init; }

    public string? Code { get; init; }

    public string? Param { get; init; }

    /// <summary><c>redirect</c>: the Location sent; null sends the request's own address back.</summary>
    public string? Location { get; init; }

    /// <summary>The wire name of the kind, as posted and as shown in the request log.</summary>
    public string KindName => Names.First(n => n.Kind == Kind).Name;

    /// <summary>True once a storm rule's window has passed; such a rule never fires again.</summary>
    public bool Expired(long now) =>
        DurationMs is int window && _firstFired is long first
        && System.Diagnostics.Stopwatch.GetElapsedTime(first, now).TotalMilliseconds >= window;

    /// <summary>Spends one firing; starts the storm window on the first.</summary>
    public void Fire(long now)
    {
        _firstFired ??= now;
        if (Remaining > 0)
        {
            Remaining--;
        }
    }

    public bool Matches(string method, string path, bool carriesCursor) =>
        Remaining != 0
        && (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        && (Path is null || path.StartsWith(Path, StringComparison.Ordinal))
        // A repeated cursor, an overlapping page or a rejected token needs a cursor: only follow-up list requests count for these kinds.
        && ((Kind != FaultKind.RepeatCursor && Kind != FaultKind.Overlap && Kind != FaultKind.RejectPage) || carriesCursor);

    public ApiException Error()
    {
        ApiException standard = ApiException.ForStatus(Status);
        return new ApiException(Status, Message ?? standard.Message, Type ?? standard.Type, Param ?? standard.Param, Code ?? standard.Code);
    }

    /// <summary>Parses a rule; throws <see cref="ApiException"/> (400) naming the bad field.</summary>
    public static FaultRule Parse(string? json)
    {
        JsonElement root;
        try
        {
            using JsonDocument document = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "null" : json);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw ApiException.BadRequest("The fault rule is not valid JSON.");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw ApiException.BadRequest("The fault rule must be a JSON object.");
        }

        string? kindName = Text(root, "kind") ?? throw ApiException.Missing("kind");
        int kindIndex = Array.FindIndex(Names, n => n.Name == kindName);
        if (kindIndex < 0)
        {
            throw ApiException.InvalidValue("kind", $"'{kindName}' is not one of {string.Join(", ", Names.Select(n => n.Name))}.");
        }

        FaultKind kind = Names[kindIndex].Kind;

        string? method = Text(root, "method")?.ToUpperInvariant();
        if (method is not null and not ("GET" or "POST" or "DELETE"))
        {
            throw ApiException.InvalidValue("method", $"'{method}' is not one of GET, POST, DELETE.");
        }

        long? duration = Number(root, "duration_ms");
        if (duration is <= 0 or > int.MaxValue)
        {
            throw ApiException.InvalidValue("duration_ms", "expected a positive number of milliseconds.");
        }

        // A storm (duration_ms) fires on every matching request within its window unless a count limits it too.
        int count = (int)(Number(root, "count") ?? (duration is null ? 1 : -1));
        if (count == 0 || count < -1)
        {
            throw ApiException.InvalidValue("count", "expected a positive number or -1 (forever).");
        }

        int skip = (int)(Number(root, "skip") ?? 0);
        if (skip < 0)
        {
            throw ApiException.InvalidValue("skip", "expected 0 or more.");
        }

        int status = (int)(Number(root, "status") ?? 0);
        if (kind == FaultKind.Status && (status < 400 || status > 599))
        {
            throw ApiException.InvalidValue("status", "a status fault needs a status between 400 and 599.");
        }

        if (kind == FaultKind.Redirect)
        {
            status = status == 0 ? 301 : status;
            if (status is not (301 or 302 or 303 or 307 or 308))
            {
                throw ApiException.InvalidValue("status", "a redirect fault needs a status of 301, 302, 303, 307 or 308.");
            }
        }

        int delay = (int)(Number(root, "delay_ms") ?? 0);
        if (kind == FaultKind.Delay && delay <= 0)
        {
            throw ApiException.InvalidValue("delay_ms", "a delay fault needs delay_ms > 0.");
        }

        return new FaultRule
        {
            Kind = kind,
            Method = method,
            Path = Text(root, "path"),
            Remaining = count,
            Skip = skip,
            Status = status,
            RetryAfter = Text(root, "retry_after"),
            RetryAfterMs = Number(root, "retry_after_ms"),
            ShouldRetry = Text(root, "should_retry"),
            DelayMs = delay,
            DurationMs = (int?)duration,
            Message = Text(root, "message"),
            Type = Text(root, "type"),
            Code = Text(root, "code"),
            Param = Text(root, "param"),
            Location = Text(root, "location"),
        };
    }

    private static string? Text(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out JsonElement value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => value.GetString(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Number => value.GetRawText(),
            _ => throw ApiException.InvalidValue(name, "expected a string."),
        };
    }

    private static long? Number(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long number))
        {
            return number;
        }

        if (value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out number))
        {
            return number;
        }

        throw ApiException.InvalidValue(name, "expected an integer.");
    }
}

/// <summary>
/// The active fault rules, checked in insertion order. For each request every matching rule that still has
/// <c>skip</c> left counts the request and lets it pass; the first matching rule without skip left fires
/// (and uses up one of its <c>count</c>). So <c>skip</c> counts every matching request, also those another rule
/// answered: a 502 rule followed by a drop rule with skip 1 gives 502, then a dropped connection, then success.
/// </summary>
internal sealed class FaultStore
{
    private readonly object _gate = new();
    private readonly List<FaultRule> _rules = new();

    public void Add(FaultRule rule)
    {
        lock (_gate)
        {
            _rules.Add(rule);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    public FaultRule? Take(string method, string path, bool carriesCursor)
    {
        lock (_gate)
        {
            long now = System.Diagnostics.Stopwatch.GetTimestamp();
            _rules.RemoveAll(r => r.Expired(now));
            FaultRule? fired = null;
            foreach (FaultRule rule in _rules)
            {
                if (!rule.Matches(method, path, carriesCursor))
                {
                    continue;
                }

                if (rule.Skip > 0)
                {
                    rule.Skip--;
                }
                else if (fired is null)
                {
                    fired = rule;
                    rule.Fire(now);
                }
            }

            _rules.RemoveAll(r => r.Remaining == 0);
            return fired;
        }
    }
}
