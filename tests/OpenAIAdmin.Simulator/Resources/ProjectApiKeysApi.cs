using OpenAIAdmin.Simulator.Infrastructure;

namespace OpenAIAdmin.Simulator.Resources;

/// <summary>The API's <c>ProjectApiKey</c> (inventory §6.17).</summary>
internal sealed class ProjectApiKeyRecord
{
    public string Object => "organization.project.api_key";

    public required string RedactedValue { get; init; }

    public required string Name { get; init; }

    public long CreatedAt { get; init; }

    public long? LastUsedAt { get; init; }

    public required string Id { get; init; }

    /// <summary><c>active</c> or <c>inactive</c>.</summary>
    public string OwnerProjectAccess { get; init; } = "active";

    public required ProjectApiKeyOwnerRecord Owner { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public string ProjectId { get; init; } = string.Empty;
}

/// <summary>The owner: <c>user</c> or <c>service_account</c> is present, the other left out (the contract does not allow it as null).</summary>
internal sealed record ProjectApiKeyOwnerRecord(
    string Type,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] ProjectApiKeyOwnerUser? User,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] ProjectApiKeyOwnerServiceAccount? ServiceAccount);

internal sealed record ProjectApiKeyOwnerUser(string Id, string Email, string Name, long CreatedAt, string Role);

internal sealed record ProjectApiKeyOwnerServiceAccount(string Id, string Name, long CreatedAt, string Role);

/// <summary>A key as issued for a service account: <c>ServiceAccountApiKeyBody</c>, the one answer that carries its value.</summary>
internal sealed record ProjectApiKeyIssued(string Value, string Name, long CreatedAt, string Id)
{
    [System.Text.Json.Serialization.JsonPropertyOrder(-1)]
    public string Object => "organization.project.service_account.api_key";
}

internal sealed class ProjectApiKeysStore : IResourceStore
{
    /// <summary>In creation order.</summary>
    public List<ProjectApiKeyRecord> Items { get; } = new();

    public void Seed(SimState state)
    {
        Items.Clear();
        // Last use is relative to the reset (as certificate expiries are), so "unused for 90 days" stays true.
        long now = state.Now;
        string production = ProjectsStore.Seeded[1].Id;
        AddUserKey(state, production, "0001", "laptop-ann", SeedIds.User(4), "owner", day: 45, lastUsedDaysAgo: 200, access: "active");
        AddUserKey(state, production, "0002", "notebook-old", SeedIds.User(5), "member", day: 50, lastUsedDaysAgo: null, access: "inactive");
        AddServiceAccountKey(state, "0003", "ci-deploy key", 0, day: 41, lastUsedDaysAgo: 1);
        AddServiceAccountKey(state, "0004", "monitoring key", 1, day: 61, lastUsedDaysAgo: 120);
        AddServiceAccountKey(state, "0005", "etl key", 2, day: 81, lastUsedDaysAgo: 3);
        AddUserKey(state, ProjectsStore.Seeded[2].Id, "0006", "analysis", SeedIds.User(6), "member", day: 85, lastUsedDaysAgo: 10, access: "active");
        AddServiceAccountKey(state, "0007", "build-bot key", 3, day: 101, lastUsedDaysAgo: 95);
        AddUserKey(state, ProjectsStore.DefaultProjectId, "0008", "playground", SeedIds.User(2), "owner", day: 20, lastUsedDaysAgo: 30, access: "active");

        void AddUserKey(SimState s, string projectId, string head, string name, string userId, string role, int day, int? lastUsedDaysAgo, string access)
        {
            UserRecord? user = s.Users.Items.Find(u => u.Id == userId);
            Items.Add(new ProjectApiKeyRecord
            {
                Id = SeedIds.ProjectApiKey(head),
                Name = name,
                RedactedValue = Redact("sk-proj-" + s.Ids.Random(48)),
                CreatedAt = SimState.At(TimeSpan.FromDays(day)),
                LastUsedAt = lastUsedDaysAgo is int ago ? now - (long)TimeSpan.FromDays(ago).TotalSeconds : null,
                OwnerProjectAccess = access,
                Owner = new ProjectApiKeyOwnerRecord("user",
                    new ProjectApiKeyOwnerUser(userId, user?.Email ?? string.Empty, user?.Name ?? string.Empty, user?.AddedAt ?? SimState.At(TimeSpan.Zero), role), null),
                ProjectId = projectId,
            });
        }

        void AddServiceAccountKey(SimState s, string head, string name, int account, int day, int? lastUsedDaysAgo)
        {
            var (projectId, accountHead, accountName, role, accountDay) = ServiceAccountsStore.Seeded[account];
            Items.Add(new ProjectApiKeyRecord
            {
                Id = SeedIds.ProjectApiKey(head),
                Name = name,
                RedactedValue = Redact("sk-svcacct-" + s.Ids.Random(48)),
                CreatedAt = SimState.At(TimeSpan.FromDays(day)),
                LastUsedAt = lastUsedDaysAgo is int ago ? now - (long)TimeSpan.FromDays(ago).TotalSeconds : null,
                Owner = new ProjectApiKeyOwnerRecord("service_account", null,
                    new ProjectApiKeyOwnerServiceAccount(SeedIds.ServiceAccount(accountHead), accountName, SimState.At(TimeSpan.FromDays(accountDay)), role)),
                ProjectId = projectId,
            });
        }
    }

    public ProjectApiKeyRecord Get(string projectId, string id) =>
        Items.Find(k => k.Id == id && k.ProjectId == projectId) ?? throw ApiException.NotFound("API key", id);

    public static string Redact(string secret) => secret[..8] + "***" + secret[^4..];

    /// <summary>Issues a key for a service account: stored redacted, answered once with its value.</summary>
    public ProjectApiKeyIssued IssueForServiceAccount(SimState state, ServiceAccountRecord account, string name)
    {
        string secret = "sk-svcacct-" + state.Ids.Random(64);
        var key = new ProjectApiKeyRecord
        {
            Id = state.Ids.New(IdShape.ProjectApiKey),
            Name = name,
            RedactedValue = Redact(secret),
            CreatedAt = state.Now,
            Owner = new ProjectApiKeyOwnerRecord("service_account", null,
                new ProjectApiKeyOwnerServiceAccount(account.Id, account.Name, account.CreatedAt, account.Role)),
            ProjectId = account.ProjectId,
        };
        Items.Add(key);
        return new ProjectApiKeyIssued(secret, key.Name, key.CreatedAt, key.Id);
    }
}

/// <summary>Project API keys (inventory §6.17): list, retrieve, delete. Keys are issued by the owners, or for service accounts.</summary>
internal static class ProjectApiKeysApi
{
    /// <summary>Id-cursor, limit 1..100 (default 20), no <c>order</c>.</summary>
    public static readonly ListContract List = ListContract.IdCursor(1, 100, 20);

    private static readonly string[] Access = { "active", "inactive", "any" };

    public static void Map(RouteGroupBuilder v1, SimState state)
    {
        ProjectApiKeysStore store = state.ProjectApiKeys;

        v1.MapGet("/organization/projects/{projectId}/api_keys", (HttpContext context, string projectId) =>
        {
            string? access = QueryReader.String(context, "owner_project_access");
            if (access is not null && !Access.Contains(access))
            {
                throw ApiException.InvalidValue("owner_project_access", $"'{access}' is not one of 'active', 'inactive', 'any'.");
            }

            var list = ListRequest.Read(context, state, List);
            lock (state.Gate)
            {
                state.Projects.Get(projectId);
                // Without the filter, the API's membership-based visibility: keys whose owner lost access are left out.
                var keys = store.Items.Where(k => k.ProjectId == projectId
                    && (access == "any" || k.OwnerProjectAccess == (access ?? "active")));
                return SimJson.Ok(list.Page("api_keys." + projectId, keys, k => k.Id));
            }
        });

        v1.MapGet("/organization/projects/{projectId}/api_keys/{apiKeyId}", (string projectId, string apiKeyId) =>
        {
            lock (state.Gate)
            {
                state.Projects.Get(projectId);
                return SimJson.Ok(store.Get(projectId, apiKeyId));
            }
        });

        v1.MapDelete("/organization/projects/{projectId}/api_keys/{apiKeyId}", (string projectId, string apiKeyId) =>
        {
            lock (state.Gate)
            {
                ServiceAccountsStore.ActiveProject(state, projectId);
                ProjectApiKeyRecord key = store.Get(projectId, apiKeyId);
                if (key.Owner.Type == "service_account")
                {
                    // The contract: "an error if the key belonged to a service account".
                    throw ApiException.BadRequest(
                        $"API key '{apiKeyId}' belongs to service account '{key.Owner.ServiceAccount!.Id}' and cannot be deleted on its own; delete the service account to revoke its keys.",
                        null, "service_account_key");
                }

                store.Items.Remove(key);
                return SimJson.Ok(new { @object = "organization.project.api_key.deleted", id = key.Id, deleted = true });
            }
        });
    }
}
