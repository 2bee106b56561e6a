using System.Text.Json;

namespace OpenAIAdmin.Simulator.Infrastructure;

/// <summary>
/// A request's JSON object body with typed, validating accessors. Unknown fields are rejected as the real API
/// does ("Unrecognized request argument supplied"), which catches a client that misspells a field.
/// A JSON <c>null</c> counts as absent.
/// </summary>
internal sealed class JsonBody
{
    private readonly Dictionary<string, JsonElement> _fields;

    private JsonBody(Dictionary<string, JsonElement> fields) => _fields = fields;

    public static JsonBody Read(HttpContext context, params string[] allowedFields)
    {
        string? raw = context.RawBody();
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(raw))
        {
            return new JsonBody(fields);
        }

        JsonElement root;
        try
        {
            using JsonDocument document = JsonDocument.Parse(raw);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw ApiException.BadRequest(
                "We could not parse the JSON body of your request. The body must be a valid JSON object.", null, "invalid_json");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw ApiException.BadRequest("The request body must be a JSON object.", null, "invalid_json");
        }

        foreach (JsonProperty property in root.EnumerateObject())
        {
            if (System.Array.IndexOf(allowedFields, property.Name) < 0)
            {
                throw ApiException.BadRequest($"Unrecognized request argument supplied: {property.Name}", property.Name, "unknown_parameter");
            }

            if (property.Value.ValueKind != JsonValueKind.Null)
            {
                fields[property.Name] = property.Value;
            }
        }

        return new JsonBody(fields);
    }

    public bool Has(string name) => _fields.ContainsKey(name);

    public bool IsEmpty => _fields.Count == 0;

    public string? String(string name, bool required = false, bool allowEmpty = true, int maxLength = int.MaxValue)
    {
        if (!_fields.TryGetValue(name, out JsonElement value))
        {
            return required ? throw ApiException.Missing(name) : null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw ApiException.BadRequest($"Invalid type for '{name}': expected a string, but got {Kind(value)} instead.", name, "invalid_type");
        }

        string text = value.GetString()!;
        if (!allowEmpty && string.IsNullOrWhiteSpace(text))
        {
            throw ApiException.BadRequest($"Invalid '{name}': string too short. Expected a non-empty string.", name, "string_below_min_length");
        }

        if (text.Length > maxLength)
        {
            throw ApiException.BadRequest($"Invalid '{name}': string too long. Expected a string with maximum length {maxLength}, but got a string with length {text.Length} instead.", name, "string_above_max_length");
        }

        return text;
    }

    /// <summary>A nested object with its own allowed fields (unknown ones are refused as at the top level), or null.</summary>
    public JsonBody? Object(string name, params string[] allowedFields)
    {
        if (!_fields.TryGetValue(name, out JsonElement value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw ApiException.BadRequest($"Invalid type for '{name}': expected an object, but got {Kind(value)} instead.", name, "invalid_type");
        }

        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (JsonProperty property in value.EnumerateObject())
        {
            if (System.Array.IndexOf(allowedFields, property.Name) < 0)
            {
                throw ApiException.BadRequest($"Unrecognized request argument supplied: {name}.{property.Name}", name + "." + property.Name, "unknown_parameter");
            }

            if (property.Value.ValueKind != JsonValueKind.Null)
            {
                fields[property.Name] = property.Value;
            }
        }

        return new JsonBody(fields);
    }

    public bool? Bool(string name)
    {
        if (!_fields.TryGetValue(name, out JsonElement value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw ApiException.BadRequest($"Invalid type for '{name}': expected a boolean, but got {Kind(value)} instead.", name, "invalid_type"),
        };
    }

    /// <summary>A string that must be one of <paramref name="allowed"/>.</summary>
    public string? Enum(string name, IReadOnlyCollection<string> allowed, bool required = false)
    {
        string? text = String(name, required);
        if (text is not null && !allowed.Contains(text))
        {
            throw ApiException.InvalidValue(name, $"'{text}' is not one of {string.Join(", ", allowed.Select(a => "'" + a + "'"))}.");
        }

        return text;
    }

    public long? Int64(string name, long min, long max, bool required = false)
    {
        if (!_fields.TryGetValue(name, out JsonElement value))
        {
            return required ? throw ApiException.Missing(name) : null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out long number))
        {
            throw ApiException.BadRequest($"Invalid type for '{name}': expected an integer, but got {Kind(value)} instead.", name, "invalid_type");
        }

        if (number < min || number > max)
        {
            throw ApiException.BadRequest($"Invalid '{name}': expected a value between {min} and {max}, but got {number} instead.", name, "integer_out_of_range");
        }

        return number;
    }

    /// <summary>An array of strings with between <paramref name="minItems"/> and <paramref name="maxItems"/> items.</summary>
    public IReadOnlyList<string>? StringArray(string name, int minItems, int maxItems, bool required = false)
    {
        if (!_fields.TryGetValue(name, out JsonElement value))
        {
            return required ? throw ApiException.Missing(name) : null;
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            throw ApiException.BadRequest($"Invalid type for '{name}': expected an array of strings.", name, "invalid_type");
        }

        var items = value.EnumerateArray().Select(e => e.GetString()!).ToList();
        if (items.Count < minItems)
        {
            throw ApiException.BadRequest($"Invalid '{name}': array too short. Expected an array with minimum length {minItems}, but got an array with length {items.Count} instead.", name, "array_below_min_length");
        }

        if (items.Count > maxItems)
        {
            throw ApiException.BadRequest($"Invalid '{name}': array too long. Expected an array with maximum length {maxItems}, but got an array with length {items.Count} instead.", name, "array_above_max_length");
        }

        return items;
    }

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };
}
