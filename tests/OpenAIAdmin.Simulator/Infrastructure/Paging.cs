using System.Text;

namespace OpenAIAdmin.Simulator.Infrastructure;

/// <summary>The paging styles of the inventory (§3); single-page answers (certificate activation) need no helper.</summary>
internal enum PagingStyle
{
    /// <summary><c>{object:"list", data, first_id, last_id, has_more}</c>; <c>after</c> is an object id.</summary>
    IdCursor,

    /// <summary><c>{object:"list", data, has_more, next}</c>; <c>after</c> is the previous <c>next</c>.</summary>
    NextCursor,

    /// <summary><c>{object:"page", data:[bucket], has_more, next_page}</c>; <c>page</c> is the previous <c>next_page</c>.</summary>
    PageToken,
}

/// <summary>
/// What the contract promises about one list operation: its paging style, the range and default of <c>limit</c>,
/// and the default of <c>order</c> (null when the operation has no <c>order</c> parameter, which is then ignored).
/// </summary>
internal sealed record ListContract(PagingStyle Style, int MinLimit, int MaxLimit, int DefaultLimit, bool? DescendingByDefault = null)
{
    /// <summary>
    /// A next-cursor list whose <c>after</c> the contract describes as an object id ("after is a group ID",
    /// "the ID of the last user"): such a list accepts an id as well as its own <c>next</c>.
    /// </summary>
    public bool AfterMayBeId { get; init; }

    /// <summary>An id-cursor list whose contract requires <c>first_id</c>/<c>last_id</c> (nullable): they are never left out.</summary>
    public bool BoundsRequired { get; init; }

    public static ListContract IdCursor(int min, int max, int defaultLimit, bool? descendingByDefault = null) =>
        new(PagingStyle.IdCursor, min, max, defaultLimit, descendingByDefault);

    public static ListContract NextCursor(int min, int max, int defaultLimit, bool descendingByDefault) =>
        new(PagingStyle.NextCursor, min, max, defaultLimit, descendingByDefault);

    public static ListContract PageToken(int min, int max, int defaultLimit) =>
        new(PagingStyle.PageToken, min, max, defaultLimit);
}

internal sealed record TimeBucket<T>(long StartTime, long EndTime, List<T> Results)
{
    [System.Text.Json.Serialization.JsonPropertyOrder(-1)]
    public string Object => "bucket";
}

/// <summary>
/// The one list helper every list handler uses: it reads and validates <c>limit</c>, <c>order</c> and the cursor
/// (<c>after</c> or <c>page</c>) before the handler takes the state lock, then cuts the page and writes the envelope
/// of the contract's paging style. It honours the <c>repeat_cursor</c> and <c>overlap</c> faults and the list variants of
/// <see cref="ListBehaviour"/> (what <c>next</c> holds, id-cursor pages without bounds, <c>has_more</c> without a cursor).
/// </summary>
internal sealed class ListRequest
{
    private readonly HttpContext _context;
    private readonly ListBehaviour _behaviour;

    private ListRequest(HttpContext context, ListBehaviour behaviour, ListContract contract, int limit, bool descending, string? cursor)
    {
        _context = context;
        _behaviour = behaviour;
        Contract = contract;
        Limit = limit;
        Descending = descending;
        Cursor = cursor;
    }

    public ListContract Contract { get; }

    public int Limit { get; }

    /// <summary>The requested order (or the contract's default); always false for lists without <c>order</c>.</summary>
    public bool Descending { get; }

    /// <summary><c>after</c> (cursor styles) or <c>page</c> (page-token style) as sent, or null on the first page.</summary>
    public string? Cursor { get; }

    /// <summary>Validates the query of a list request: out-of-range or non-integer limits and unknown orders are 400s.</summary>
    public static ListRequest Read(HttpContext context, SimState state, ListContract contract)
    {
        int limit = QueryReader.Limit(context, contract.MinLimit, contract.MaxLimit, contract.DefaultLimit);
        bool descending = contract.DescendingByDefault is bool byDefault && QueryReader.Descending(context, byDefault);
        string? cursor = QueryReader.String(context, contract.Style == PagingStyle.PageToken ? "page" : "after");
        return new ListRequest(context, state.Lists, contract, limit, descending, cursor);
    }

    /// <summary>
    /// One page of <paramref name="items"/>, given in creation (ascending) order: the helper applies the order.
    /// <paramref name="scope"/> names the list (and its parent, e.g. <c>group_users.group_0001</c>) so that a
    /// <c>next</c> of one list is not accepted by another. <paramref name="view"/> writes an item as the wire shape.
    /// </summary>
    public object Page<T>(string scope, IEnumerable<T> items, Func<T, string> id, Func<T, object>? view = null)
    {
        List<T> ordered = Descending ? items.Reverse().ToList() : items.ToList();
        Func<T, object> write = view ?? (item => item!);
        return Contract.Style switch
        {
            PagingStyle.IdCursor => IdCursorPage(ordered, id, write),
            PagingStyle.NextCursor => NextCursorPage(scope + (Descending ? ".desc" : ".asc"), ordered, id, write),
            _ => throw new InvalidOperationException("Page-token lists are paged with PagePosition and TokenPage."),
        };
    }

    /// <summary>Page-token lists: the position a <c>page</c> token stands for, or null on the first page. A foreign token is a 400.</summary>
    public string? PagePosition(string scope)
    {
        if (Cursor is null)
        {
            return null;
        }

        return Decode(scope, Cursor) ?? throw InvalidCursor("page", $"'{Cursor}' is not a next_page value of this query.");
    }

    /// <summary>Page-token envelope; <paramref name="nextPosition"/> is where the next page starts, null at the end.</summary>
    public object TokenPage<T>(string scope, List<TimeBucket<T>> buckets, string? nextPosition)
    {
        bool hasMore = nextPosition is not null;
        string? nextPage = hasMore ? Encode(scope, nextPosition!) : null;
        if (Cursor is not null && _context.RepeatCursor())
        {
            hasMore = true;
            nextPage = Cursor;
        }

        if (hasMore && _behaviour.CursorMissing)
        {
            nextPage = null;
        }

        return Envelope("page", buckets.Cast<object>().ToList(), ("has_more", hasMore), ("next_page", nextPage));
    }

    /// <summary>Opaque token; <paramref name="scope"/> keeps the tokens of one list out of another.</summary>
    public static string Encode(string scope, string value) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(scope + ":" + value)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The value inside a token made by <see cref="Encode"/> for <paramref name="scope"/>, or null.</summary>
    public static string? Decode(string scope, string token)
    {
        try
        {
            string base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            string text = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            return text.StartsWith(scope + ":", StringComparison.Ordinal) ? text[(scope.Length + 1)..] : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// An <c>overlap</c> fault repeats the cursor's own item at the top of the page, as a server with an inclusive
    /// cursor would.
    /// </summary>
    private int Overlapped(int start) => start > 0 && _context.Overlap() ? start - 1 : start;

    /// <summary>After the object whose id is <c>after</c>; an id naming no object in the list is a 400.</summary>
    private object IdCursorPage<T>(List<T> ordered, Func<T, string> id, Func<T, object> write)
    {
        int start = Cursor is null ? 0 : Overlapped(PositionOf(ordered, id, Cursor) + 1);
        List<T> page = ordered.Skip(start).Take(Limit).ToList();
        bool hasMore = start + page.Count < ordered.Count;
        string? firstId = page.Count > 0 ? id(page[0]) : null;
        string? lastId = page.Count > 0 ? id(page[^1]) : null;
        if (Cursor is not null && _context.RepeatCursor())
        {
            lastId = Cursor;
            hasMore = true;
        }

        var data = page.Select(write).ToList();
        if (_behaviour.IdCursorBoundsOmitted)
        {
            // The contract makes first_id/last_id optional on most id-cursor lists: leave them out there, and send
            // null where the contract requires them. Either way the client must page on the last item's id.
            return Contract.BoundsRequired
                ? Envelope("list", data, ("first_id", null), ("last_id", null), ("has_more", hasMore))
                : Envelope("list", data, ("has_more", hasMore));
        }

        return Envelope("list", data, ("first_id", firstId), ("last_id", lastId), ("has_more", hasMore));
    }

    /// <summary>
    /// After the position a <c>next</c> stands for. <c>next</c> is an opaque token by default, or the last item's id
    /// when <see cref="ListBehaviour.NextIsLastId"/> is set. An id is accepted as <c>after</c> where the contract says
    /// <c>after</c> is an id, and in the last-id variant; anything else that is not a <c>next</c> of this list is a 400.
    /// </summary>
    private object NextCursorPage<T>(string scope, List<T> ordered, Func<T, string> id, Func<T, object> write)
    {
        int start = 0;
        if (Cursor is not null)
        {
            string? position = Decode(scope, Cursor);
            if (position is not null)
            {
                // An empty position is the start of the list (a next handed out by a page of limit 0).
                start = position.Length == 0 ? 0 : PositionOf(ordered, id, position) + 1;
            }
            else if (Contract.AfterMayBeId || _behaviour.NextIsLastId)
            {
                start = PositionOf(ordered, id, Cursor) + 1;
            }
            else
            {
                throw InvalidCursor("after", $"'{Cursor}' is not a cursor returned by this list.");
            }

            start = Overlapped(start);
        }

        List<T> page = ordered.Skip(start).Take(Limit).ToList();
        bool hasMore = start + page.Count < ordered.Count;
        string? next = null;
        if (hasMore)
        {
            // With limit=0 nothing is returned and the position does not move: the cursor stays the same.
            next = page.Count == 0 ? Cursor ?? Encode(scope, string.Empty)
                : _behaviour.NextIsLastId ? id(page[^1])
                : Encode(scope, id(page[^1]));
        }

        if (Cursor is not null && _context.RepeatCursor())
        {
            next = Cursor;
            hasMore = true;
        }

        if (hasMore && _behaviour.CursorMissing)
        {
            next = null;
        }

        return Envelope("list", page.Select(write).ToList(), ("has_more", hasMore), ("next", next));
    }

    private static int PositionOf<T>(List<T> ordered, Func<T, string> id, string wanted)
    {
        int index = ordered.FindIndex(item => string.Equals(id(item), wanted, StringComparison.Ordinal));
        return index >= 0 ? index : throw InvalidCursor("after", $"no object with id '{wanted}' in this list.");
    }

    private static ApiException InvalidCursor(string param, string detail) =>
        ApiException.BadRequest($"Invalid '{param}': {detail}", param, "invalid_cursor");

    /// <summary>Envelope fields in wire order (a dictionary, so that optional fields can be left out entirely).</summary>
    private static Dictionary<string, object?> Envelope(string kind, List<object> data, params (string Name, object? Value)[] fields)
    {
        var envelope = new Dictionary<string, object?> { ["object"] = kind, ["data"] = data };
        foreach ((string name, object? value) in fields)
        {
            envelope[name] = value;
        }

        return envelope;
    }
}
