using System.Globalization;

namespace OpenAIAdmin.Simulator.Infrastructure;

/// <summary>Reads and validates query parameters; every problem becomes a 400 naming the parameter.</summary>
internal static class QueryReader
{
    public static string? String(HttpContext context, string name)
    {
        string? value = context.Request.Query[name].FirstOrDefault();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary><c>limit</c> within [min, max]; absent means <paramref name="defaultValue"/>.</summary>
    public static int Limit(HttpContext context, int min, int max, int defaultValue)
    {
        string? raw = String(context, "limit");
        if (raw is null)
        {
            return defaultValue;
        }

        if (!int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out int limit))
        {
            throw ApiException.InvalidValue("limit", $"expected an integer, but got '{raw}' instead.");
        }

        if (limit < min || limit > max)
        {
            throw ApiException.BadRequest(
                $"Invalid 'limit': expected a value between {min} and {max}, but got {limit} instead.", "limit", "integer_out_of_range");
        }

        return limit;
    }

    /// <summary><c>order</c>: <c>asc</c> or <c>desc</c>; returns true for descending.</summary>
    public static bool Descending(HttpContext context, bool defaultDescending)
    {
        string? raw = String(context, "order");
        return raw switch
        {
            null => defaultDescending,
            "asc" => false,
            "desc" => true,
            _ => throw ApiException.InvalidValue("order", $"expected 'asc' or 'desc', but got '{raw}' instead."),
        };
    }

    public static bool Bool(HttpContext context, string name, bool defaultValue)
    {
        string? raw = String(context, name);
        return raw switch
        {
            null => defaultValue,
            "true" or "True" or "1" => true,
            "false" or "False" or "0" => false,
            _ => throw ApiException.InvalidValue(name, $"expected a boolean, but got '{raw}' instead."),
        };
    }

    public static long? Int64(HttpContext context, string name)
    {
        string? raw = String(context, name);
        if (raw is null)
        {
            return null;
        }

        return long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value)
            ? value
            : throw ApiException.InvalidValue(name, $"expected an integer, but got '{raw}' instead.");
    }

    /// <summary>An array parameter, accepted as <c>name[]=a&amp;name[]=b</c> (what the SDKs send) or as repeated <c>name=a</c>.</summary>
    public static IReadOnlyList<string> Array(HttpContext context, string name)
    {
        var values = new List<string>();
        foreach (string key in new[] { name + "[]", name })
        {
            foreach (string? value in context.Request.Query[key])
            {
                if (!string.IsNullOrEmpty(value))
                {
                    values.Add(value);
                }
            }
        }

        return values;
    }
}
