using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenAIAdmin
{
    /// <summary>
    /// One audit log event (API type <c>AuditLog</c>): who did what, when, in which project. The event's own data sits in
    /// the API object under a property named after its type (<c>"project.created": {…}</c>); it is <see cref="Details"/>
    /// here, with a one-line <see cref="Summary"/> of it. Actor and project are also flattened for filtering and views.
    /// </summary>
    public sealed class AuditLog
    {
        private const int MaxSummaryText = 80;

        public string Id { get; set; } = string.Empty;

        /// <summary>The event type, e.g. <c>project.created</c> (a free string: the API adds types over time).</summary>
        public string Type { get; set; } = string.Empty;

        /// <summary>When the event took effect, UTC, to the second.</summary>
        public DateTimeOffset EffectiveAt { get; set; }

        /// <summary>The project the action was scoped to; absent for actions outside projects.</summary>
        public AuditLogProject? Project { get; set; }

        public AuditLogActor? Actor { get; set; }

        public string? ProjectId => Project?.Id;

        public string? ProjectName => Project?.Name;

        /// <summary><c>session</c> (someone signed in) or <c>api_key</c>.</summary>
        public string? ActorType => Actor?.Type;

        /// <summary>The user behind a session or a user's key, else the service account behind a key.</summary>
        public string? ActorId => Actor?.Session?.User?.Id ?? Actor?.ApiKey?.User?.Id ?? Actor?.ApiKey?.ServiceAccount?.Id;

        public string? ActorEmail => Actor?.Session?.User?.Email ?? Actor?.ApiKey?.User?.Email;

        /// <summary>The tracking id of the API key used, for <c>api_key</c> actors.</summary>
        public string? ApiKeyId => Actor?.ApiKey?.Id;

        /// <summary>Where a session acted from.</summary>
        public string? IpAddress => Actor?.Session?.IpAddress;

        /// <summary>
        /// The event's own data (the API's property named after the type; <c>details</c> where an event carries that
        /// instead), or null when the event has none. The core gives plain data: objects as
        /// <see cref="IDictionary{TKey,TValue}"/> of string to value in the API's order and with its field names, arrays as
        /// <c>object[]</c>, then string, long, double, bool or null. The PowerShell layer turns objects into
        /// PSCustomObjects.
        /// </summary>
        [JsonIgnore]
        public object? Details { get; set; }

        /// <summary>A short line made from <see cref="Details"/>: the target id first, then the other fields as <c>name: value</c>, separated by <c>; </c>.</summary>
        [JsonIgnore]
        public string Summary { get; set; } = string.Empty;

        public override string ToString() => Id;

        /// <summary>Reads one event of a list page; the payload is found by the event's type.</summary>
        internal static AuditLog FromJson(JsonElement element)
        {
            AuditLog log = element.Deserialize<AuditLog>(Json.Options) ?? new AuditLog();
            if (element.ValueKind == JsonValueKind.Object)
            {
                if (log.Actor?.Session != null && element.TryGetProperty("actor", out JsonElement actor) && actor.ValueKind == JsonValueKind.Object
                    && actor.TryGetProperty("session", out JsonElement session) && session.ValueKind == JsonValueKind.Object
                    && session.TryGetProperty("ip_address_details", out JsonElement where) && where.ValueKind != JsonValueKind.Null)
                {
                    log.Actor.Session.IpAddressDetails = PlainJson.ToPlain(where);
                }

                if (log.Type.Length > 0 && element.TryGetProperty(log.Type, out JsonElement payload) && payload.ValueKind != JsonValueKind.Null)
                {
                    log.Details = PlainJson.ToPlain(payload);
                }
                else if (element.TryGetProperty("details", out JsonElement details) && details.ValueKind != JsonValueKind.Null)
                {
                    log.Details = PlainJson.ToPlain(details);
                }
            }

            log.Summary = Summarize(log.Details);
            return log;
        }

        internal static string Summarize(object? details)
        {
            if (!(details is IDictionary<string, object?> fields))
            {
                return details == null ? string.Empty : Text(details);
            }

            var parts = new List<string>();
            if (fields.TryGetValue("id", out object? id) && id != null)
            {
                parts.Add(Text(id));
            }

            if (fields.TryGetValue("error_code", out object? code) && code != null)
            {
                // A failed login or logout: "code: message".
                parts.Add(fields.TryGetValue("error_message", out object? message) && message != null ? Text(code) + ": " + Text(message) : Text(code));
            }

            foreach (KeyValuePair<string, object?> field in fields)
            {
                if (field.Key == "id" || field.Key == "error_code" || field.Key == "error_message" || field.Value == null)
                {
                    continue;
                }

                // The payload of a create or an update: its fields are the interesting part.
                if ((field.Key == "data" || field.Key == "changes_requested") && field.Value is IDictionary<string, object?> inner)
                {
                    parts.AddRange(Fields(inner));
                    continue;
                }

                parts.AddRange(Fields(new[] { field }, fields));
            }

            return string.Join("; ", parts.Where(p => p.Length > 0));
        }

        /// <summary>
        /// <c>name: value</c> for each field, except that an id with a sibling naming its kind reads as "kind id"
        /// (<c>principal_type: user</c> and <c>principal_id: user-…</c> become <c>user user-…</c>).
        /// </summary>
        private static IEnumerable<string> Fields(IEnumerable<KeyValuePair<string, object?>> fields, IDictionary<string, object?>? siblings = null)
        {
            IDictionary<string, object?> all = siblings ?? fields.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
            foreach (KeyValuePair<string, object?> field in fields)
            {
                if (field.Value == null)
                {
                    continue;
                }

                if (field.Key.EndsWith("_type", StringComparison.Ordinal)
                    && all.TryGetValue(field.Key.Substring(0, field.Key.Length - "_type".Length) + "_id", out object? pairedId) && pairedId != null)
                {
                    continue;
                }

                if (field.Key.EndsWith("_id", StringComparison.Ordinal)
                    && all.TryGetValue(field.Key.Substring(0, field.Key.Length - "_id".Length) + "_type", out object? kind) && kind != null)
                {
                    yield return Text(kind) + " " + Text(field.Value);
                    continue;
                }

                yield return field.Key + ": " + Text(field.Value);
            }
        }

        /// <summary>
        /// A value as short text on one line: objects by their name or id, arrays joined with commas, white space runs as one
        /// space, and a long text (a PEM, a description) as its length.
        /// </summary>
        private static string Text(object? value)
        {
            switch (value)
            {
                case null:
                    return string.Empty;
                case string text:
                    string flat = string.Join(" ", text.Split(new[] { ' ', '\t', '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries));
                    return flat.Length <= MaxSummaryText ? flat : "(" + text.Length.ToString(CultureInfo.InvariantCulture) + " characters)";
                case bool flag:
                    return flag ? "true" : "false";
                case IDictionary<string, object?> item:
                    if (item.TryGetValue("name", out object? name) && name != null)
                    {
                        return Text(name);
                    }

                    if (item.TryGetValue("id", out object? itemId) && itemId != null)
                    {
                        return Text(itemId);
                    }

                    return "{" + string.Join("; ", item.Where(f => f.Value != null).Select(f => f.Key + ": " + Text(f.Value))) + "}";
                case object?[] list:
                    return string.Join(", ", list.Select(Text));
                case IFormattable number:
                    return number.ToString(null, CultureInfo.InvariantCulture);
                default:
                    return value.ToString() ?? string.Empty;
            }
        }
    }

    /// <summary>The project an audited action was scoped to (admin key actions count as the default project's).</summary>
    public sealed class AuditLogProject
    {
        public string? Id { get; set; }

        public string? Name { get; set; }

        public override string ToString() => Id ?? string.Empty;
    }

    /// <summary>Who performed an audited action: a signed-in session or an API key.</summary>
    public sealed class AuditLogActor
    {
        /// <summary><c>session</c> or <c>api_key</c>.</summary>
        public string? Type { get; set; }

        public AuditLogActorSession? Session { get; set; }

        public AuditLogActorApiKey? ApiKey { get; set; }

        public override string ToString() =>
            Session?.User?.Email ?? ApiKey?.User?.Email ?? ApiKey?.ServiceAccount?.Id ?? ApiKey?.Id ?? Type ?? string.Empty;
    }

    public sealed class AuditLogActorSession
    {
        public AuditLogActorUser? User { get; set; }

        public string? IpAddress { get; set; }

        public string? UserAgent { get; set; }

        /// <summary>TLS client fingerprints, where the API sends them.</summary>
        public string? Ja3 { get; set; }

        public string? Ja4 { get; set; }

        /// <summary>Where the address is, where the API says: country, city, region, ASN … under the API's field names, as plain data like <see cref="AuditLog.Details"/>.</summary>
        [JsonIgnore]
        public object? IpAddressDetails { get; set; }
    }

    public sealed class AuditLogActorApiKey
    {
        /// <summary>The tracking id of the key.</summary>
        public string? Id { get; set; }

        /// <summary><c>user</c> or <c>service_account</c>.</summary>
        public string? Type { get; set; }

        public AuditLogActorUser? User { get; set; }

        public AuditLogActorServiceAccount? ServiceAccount { get; set; }
    }

    public sealed class AuditLogActorUser
    {
        public string? Id { get; set; }

        public string? Email { get; set; }

        public override string ToString() => Email ?? Id ?? string.Empty;
    }

    public sealed class AuditLogActorServiceAccount
    {
        public string? Id { get; set; }

        public override string ToString() => Id ?? string.Empty;
    }

    /// <summary>JSON as plain .NET data (no System.Text.Json types), for payloads whose shape depends on the event type.</summary>
    internal static class PlainJson
    {
        public static object? ToPlain(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
                    foreach (JsonProperty property in element.EnumerateObject())
                    {
                        // A repeated name keeps its last value, as JSON readers generally do.
                        fields[property.Name] = ToPlain(property.Value);
                    }

                    return new OrderedFields(element.EnumerateObject().Select(p => p.Name).Distinct(StringComparer.Ordinal), fields);
                case JsonValueKind.Array:
                    return element.EnumerateArray().Select(ToPlain).ToArray();
                case JsonValueKind.String:
                    return element.GetString();
                case JsonValueKind.Number:
                    return element.TryGetInt64(out long whole) ? whole : (object)element.GetDouble();
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                default:
                    return null;
            }
        }
    }

    /// <summary>A JSON object's fields in the order the API sent them (a plain Dictionary does not promise an order).</summary>
    internal sealed class OrderedFields : IDictionary<string, object?>
    {
        private readonly List<string> _order;
        private readonly Dictionary<string, object?> _values;

        public OrderedFields(IEnumerable<string> order, Dictionary<string, object?> values)
        {
            _order = order.ToList();
            _values = values;
        }

        public object? this[string key]
        {
            get => _values[key];
            set
            {
                if (!_values.ContainsKey(key))
                {
                    _order.Add(key);
                }

                _values[key] = value;
            }
        }

        public ICollection<string> Keys => _order.ToList();

        public ICollection<object?> Values => _order.Select(k => _values[k]).ToList();

        public int Count => _order.Count;

        public bool IsReadOnly => false;

        public void Add(string key, object? value)
        {
            _values.Add(key, value);
            _order.Add(key);
        }

        public void Add(KeyValuePair<string, object?> item) => Add(item.Key, item.Value);

        public void Clear()
        {
            _values.Clear();
            _order.Clear();
        }

        public bool Contains(KeyValuePair<string, object?> item) => _values.TryGetValue(item.Key, out object? value) && Equals(value, item.Value);

        public bool ContainsKey(string key) => _values.ContainsKey(key);

        public void CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex)
        {
            foreach (KeyValuePair<string, object?> pair in this)
            {
                array[arrayIndex++] = pair;
            }
        }

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() =>
            _order.Select(k => new KeyValuePair<string, object?>(k, _values[k])).GetEnumerator();

        public bool Remove(string key) => _values.Remove(key) && _order.Remove(key);

        public bool Remove(KeyValuePair<string, object?> item) => Contains(item) && Remove(item.Key);

        public bool TryGetValue(string key, out object? value) => _values.TryGetValue(key, out value);

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString()
        {
            var text = new StringBuilder("{");
            foreach (KeyValuePair<string, object?> pair in this)
            {
                text.Append(text.Length > 1 ? ", " : string.Empty).Append(pair.Key).Append('=').Append(pair.Value);
            }

            return text.Append('}').ToString();
        }
    }
}
