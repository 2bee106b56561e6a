using System.Text.Json.Serialization;
using OpenAIAdmin.Simulator.Infrastructure;

namespace OpenAIAdmin.Simulator.Resources;

/// <summary>The API's <c>AdminApiKey</c>; <see cref="Value"/> is set only on the copy a create returns.</summary>
internal sealed record AdminApiKeyRecord
{
    public string Object => "organization.admin_api_key";

    public required string Id { get; init; }

    public string? Name { get; init; }

    public required string RedactedValue { get; init; }

    public long CreatedAt { get; init; }

    public long? ExpiresAt { get; init; }

    public long? LastUsedAt { get; init; }

    public required AdminApiKeyOwner Owner { get; init; }

    /// <summary>The full key: only in the create response (<c>AdminApiKeyCreateResponse</c>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Value { get; init; }
}

/// <summary>Per the inventory the owner of an admin key is always a user with role <c>owner</c>.</summary>
internal sealed record AdminApiKeyOwner(string Id, string? Name, long CreatedAt)
{
    public string Type => "user";

    public string Object => "organization.user";

    public string Role => "owner";
}

internal sealed class AdminApiKeysStore : IResourceStore
{
    /// <summary>In creation order.</summary>
    public List<AdminApiKeyRecord> Items { get; } = new();

    public void Seed(SimState state)
    {
        Items.Clear();
        Add(state, SeedIds.AdminApiKey("ops"), "Operations", SeedIds.User(1), days: 30, lastUsedDays: 690, expiresDays: null);
        Add(state, SeedIds.AdminApiKey("ci"), "CI pipeline", SeedIds.User(2), days: 60, lastUsedDays: 695, expiresDays: 425);
        Add(state, SeedIds.AdminApiKey("breakglass"), "Break-glass", SeedIds.User(3), days: 90, lastUsedDays: null, expiresDays: null);
    }

    public AdminApiKeyRecord Get(string id) =>
        Items.Find(k => k.Id == id) ?? throw ApiException.NotFound("admin API key", id);

    public static string Redact(string secret) => "sk-admin..." + secret[^4..];

    private void Add(SimState state, string id, string name, string ownerId, int days, int? lastUsedDays, int? expiresDays)
    {
        Items.Add(new AdminApiKeyRecord
        {
            Id = id,
            Name = name,
            RedactedValue = Redact(state.Ids.Random(48)),
            CreatedAt = SimState.At(TimeSpan.FromDays(days)),
            ExpiresAt = expiresDays is int e ? SimState.At(TimeSpan.FromDays(e)) : null,
            LastUsedAt = lastUsedDays is int u ? SimState.At(TimeSpan.FromDays(u)) : null,
            Owner = Owner(state, ownerId),
        });
    }

    public static AdminApiKeyOwner Owner(SimState state, string userId)
    {
        UserRecord? user = state.Users.Items.Find(u => u.Id == userId);
        return new AdminApiKeyOwner(userId, user?.Name, user?.AddedAt ?? SimState.At(TimeSpan.Zero));
    }
}

/// <summary>Admin API keys (inventory §6.1): list, create, retrieve, delete.</summary>
internal static class AdminApiKeysApi
{
    /// <summary>Longest lifetime the API accepts: 365 days.</summary>
    public const long MaxExpiresInSeconds = 31_536_000;

    /// <summary>Id-cursor, default 20, <c>order</c> asc by default. The inventory states no range; 1..100 here, as for the other id-cursor lists.</summary>
    public static readonly ListContract List = ListContract.IdCursor(1, 100, 20, descendingByDefault: false);

    public static void Map(RouteGroupBuilder v1, SimState state)
    {
        AdminApiKeysStore store = state.AdminApiKeys;

        v1.MapGet("/organization/admin_api_keys", (HttpContext context) =>
        {
            var list = ListRequest.Read(context, state, List);
            lock (state.Gate)
            {
                return SimJson.Ok(list.Page("admin_api_keys", store.Items, k => k.Id));
            }
        });

        v1.MapPost("/organization/admin_api_keys", (HttpContext context) =>
        {
            JsonBody body = JsonBody.Read(context, "name", "expires_in_seconds");
            string name = body.String("name", required: true, allowEmpty: false)!;
            long? expiresIn = body.Int64("expires_in_seconds", 1, MaxExpiresInSeconds);
            lock (state.Gate)
            {
                long now = state.Now;
                string secret = "sk-admin-" + state.Ids.Random(48);
                var key = new AdminApiKeyRecord
                {
                    Id = state.Ids.New(IdShape.AdminApiKey),
                    Name = name,
                    RedactedValue = AdminApiKeysStore.Redact(secret),
                    CreatedAt = now,
                    ExpiresAt = expiresIn is long seconds ? now + seconds : null,
                    Owner = AdminApiKeysStore.Owner(state, SeedIds.User(1)),
                };
                store.Items.Add(key);
                return SimJson.Ok(key with { Value = secret });
            }
        });

        v1.MapGet("/organization/admin_api_keys/{keyId}", (string keyId) =>
        {
            lock (state.Gate)
            {
                return SimJson.Ok(store.Get(keyId));
            }
        });

        v1.MapDelete("/organization/admin_api_keys/{keyId}", (string keyId) =>
        {
            lock (state.Gate)
            {
                store.Items.Remove(store.Get(keyId));
                return SimJson.Ok(new { @object = "organization.admin_api_key.deleted", id = keyId, deleted = true });
            }
        });
    }
}
