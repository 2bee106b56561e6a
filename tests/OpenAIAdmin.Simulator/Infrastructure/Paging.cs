using System.Text;

namespace OpenAIAdmin.Simulator.Infrastructure;

/// <summary><c>{object:"list", data, first_id, last_id, has_more}</c>; <c>after</c> is an object id.</summary>
internal sealed record IdCursorList<T>(List<T> Data, string? FirstId, string? LastId, bool HasMore)
{
    [System.Text.Json.Serialization.JsonPropertyOrder(-1)]
    public string Object => "list";
}

/// <summary><c>{object:"list", data, has_more, next}</c>; <c>after</c> is the previous <c>next</c>.</summary>
internal sealed record NextCursorList<T>(List<T> Data, bool HasMore, string? Next)
{
    [System.Text.Json.Serialization.JsonPropertyOrder(-1)]
    public string Object => "list";
}

/// <summary><c>{object:"page", data:[bucket], has_more, next_page}</c>; <c>page</c> is the previous <c>next_page</c>.</summary>
internal sealed record PageTokenList<T>(List<TimeBucket<T>> Data, bool HasMore, string? NextPage)
{
    [System.Text.Json.Serialization.JsonPropertyOrder(-1)]
    public string Object => "page";
}

internal sealed record TimeBucket<T>(long StartTime, long EndTime, List<T> Results)
{
    [System.Text.Json.Serialization.JsonPropertyOrder(-1)]
    public string Object => "bucket";
}

/// <summary>The paging styles of the inventory (§3), shared by every list. The cursor styles honour the <c>repeat_cursor</c> and <c>overlap</c> faults.</summary>
internal static class Paging
{
    /// <summary>
    /// Id-cursor page of <paramref name="ordered"/> (already filtered and in the requested order) after the
    /// object whose id is the <c>after</c> query value. An <c>after</c> naming no object in the list is a 400.
    /// </summary>
    public static IdCursorList<T> IdCursor<T>(HttpContext context, IReadOnlyList<T> ordered, Func<T, string> id, int limit)
    {
        string? after = QueryReader.String(context, "after");
        int start = 0;
        if (after is not null)
        {
            int index = IndexOf(ordered, id, after);
            if (index < 0)
            {
                throw ApiException.BadRequest($"Invalid 'after': no object with id '{after}' in this list.", "after", "invalid_cursor");
            }

            // An overlap fault repeats the cursor's own item at the top of the page, as a server with an
            // inclusive cursor would.
            start = context.Overlap() ? index : index + 1;
        }

        List<T> page = ordered.Skip(start).Take(limit).ToList();
        bool hasMore = start + page.Count < ordered.Count;
        string? firstId = page.Count > 0 ? id(page[0]) : null;
        string? lastId = page.Count > 0 ? id(page[^1]) : null;
        if (after is not null && context.RepeatCursor())
        {
            lastId = after;
            hasMore = true;
        }

        return new IdCursorList<T>(page, firstId, lastId, hasMore);
    }

    /// <summary>
    /// Next-cursor page. <c>next</c> is an opaque token (not the last id), so a client that sends the last id
    /// instead of <c>next</c> gets a 400 rather than silently working.
    /// </summary>
    public static NextCursorList<T> NextCursor<T>(HttpContext context, string scope, IReadOnlyList<T> ordered, Func<T, string> id, int limit)
    {
        string? after = QueryReader.String(context, "after");
        int start = 0;
        if (after is not null)
        {
            string? afterId = Decode(scope, after);
            int index = afterId is null ? -1 : afterId.Length == 0 ? -1 : IndexOf(ordered, id, afterId);
            if (afterId is null || (afterId.Length > 0 && index < 0))
            {
                throw ApiException.BadRequest($"Invalid 'after': '{after}' is not a cursor returned by this list.", "after", "invalid_cursor");
            }

            start = index + 1;
            if (context.Overlap() && index >= 0)
            {
                start = index;
            }
        }

        List<T> page = ordered.Skip(start).Take(limit).ToList();
        bool hasMore = start + page.Count < ordered.Count;
        string? next = null;
        if (hasMore)
        {
            // With limit=0 nothing is returned and the position does not move: the cursor stays the same.
            next = page.Count > 0 ? Encode(scope, id(page[^1])) : after ?? Encode(scope, string.Empty);
        }

        if (after is not null && context.RepeatCursor())
        {
            next = after;
            hasMore = true;
        }

        return new NextCursorList<T>(page, hasMore, next);
    }

    /// <summary>Opaque page token for the page-token style; <paramref name="scope"/> keeps tokens of one list out of another.</summary>
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

    private static int IndexOf<T>(IReadOnlyList<T> items, Func<T, string> id, string wanted)
    {
        for (int i = 0; i < items.Count; i++)
        {
            if (string.Equals(id(items[i]), wanted, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
