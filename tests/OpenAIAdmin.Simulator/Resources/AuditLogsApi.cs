using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenAIAdmin.Simulator.Infrastructure;

namespace OpenAIAdmin.Simulator.Resources;

/// <summary>
/// One audit log event (inventory §8): <c>id</c>, <c>type</c>, <c>effective_at</c>, <c>project</c> (optional),
/// <c>actor</c>, and the event's payload under a property named like its type (none for most tenant events).
/// </summary>
internal sealed class AuditEventRecord
{
    public required string Id { get; init; }

    public required string Type { get; init; }

    public required long EffectiveAt { get; init; }

    /// <summary>Arrival order: the tie-break of events of one second (the later arrival is listed first).</summary>
    public long Sequence { get; init; }

    public (string Id, string Name)? Project { get; init; }

    public required JsonObject Actor { get; init; }

    public JsonObject? Payload { get; init; }

    public bool TenantScoped => AuditLogsStore.IsTenantScoped(Type);

    /// <summary>What <c>actor_ids[]</c> matches: the user, the service account and the key's tracking id.</summary>
    public IEnumerable<string> ActorIds()
    {
        foreach (string path in new[] { "session.user.id", "api_key.user.id", "api_key.service_account.id", "api_key.id" })
        {
            if (Find(Actor, path) is string id)
            {
                yield return id;
            }
        }
    }

    public string? ActorEmail => Find(Actor, "session.user.email") ?? Find(Actor, "api_key.user.email");

    /// <summary>What <c>resource_ids[]</c> matches: the payload's target id and, for role bindings, its resource id.</summary>
    public IEnumerable<string> ResourceIds()
    {
        if (Payload is null)
        {
            yield break;
        }

        foreach (string name in new[] { "id", "resource_id" })
        {
            if (Payload[name] is JsonValue value && value.TryGetValue(out string? id))
            {
                yield return id;
            }
        }
    }

    /// <summary>The wire object, in the API's field order (a fresh copy each time).</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["id"] = Id,
            ["type"] = Type,
            ["effective_at"] = EffectiveAt,
        };
        if (Project is { } project)
        {
            json["project"] = new JsonObject { ["id"] = project.Id, ["name"] = project.Name };
        }

        json["actor"] = Actor.DeepClone();
        if (Payload is not null)
        {
            json[Type] = Payload.DeepClone();
        }

        return json;
    }

    private static string? Find(JsonObject root, string path)
    {
        JsonNode? node = root;
        foreach (string part in path.Split('.'))
        {
            node = node is JsonObject obj ? obj[part] : null;
        }

        return node is JsonValue value && value.TryGetValue(out string? text) ? text : null;
    }
}

/// <summary>
/// The audit log: a few months of deterministic activity (logins, failed-login bursts, project set-ups, key rotations,
/// people, roles, groups, certificates, settings, tenant events), several events per second at times and many sharing a
/// second, covering every event type. Kept in time order; events appended through <c>POST /_sim/audit_logs</c> join it.
/// </summary>
internal sealed class AuditLogsStore : IResourceStore
{
    private long _sequence;

    /// <summary>Ascending by (effective_at, arrival); the list shows it reversed.</summary>
    public List<AuditEventRecord> Items { get; } = new();

    public static bool IsTenantScoped(string type) =>
        type.StartsWith("tenant.", StringComparison.Ordinal) || type is "role.bound_to_resource" or "role.unbound_from_resource";

    public void Seed(SimState state)
    {
        Items.Clear();
        _sequence = 0;
        new AuditSeeder(state, this).Run();
    }

    /// <summary>Adds an event in its place in time order (after the events of its second that arrived before it).</summary>
    public AuditEventRecord Add(string id, string type, long effectiveAt, (string Id, string Name)? project, JsonObject actor, JsonObject? payload)
    {
        var record = new AuditEventRecord
        {
            Id = id,
            Type = type,
            EffectiveAt = effectiveAt,
            Sequence = ++_sequence,
            Project = project,
            Actor = actor,
            Payload = payload,
        };
        int index = Items.Count;
        while (index > 0 && Items[index - 1].EffectiveAt > effectiveAt)
        {
            index--;
        }

        Items.Insert(index, record);
        return record;
    }
}

/// <summary><c>GET /organization/audit_logs</c> with every filter, and the control call that appends events.</summary>
internal static class AuditLogsApi
{
    /// <summary>Id-cursor, limit 1..100 (default 20); newest first; <c>after</c> and <c>before</c> are event ids.</summary>
    public static readonly ListContract List = ListContract.IdCursor(1, 100, 20);

    private static readonly string[] TimeBounds = { "gt", "gte", "lt", "lte" };

    public static void Map(RouteGroupBuilder v1, SimState state)
    {
        v1.MapGet("/organization/audit_logs", (HttpContext context) =>
        {
            Filter filter = Filter.Read(context);
            int limit = QueryReader.Limit(context, List.MinLimit, List.MaxLimit, List.DefaultLimit);
            string? after = QueryReader.String(context, "after");
            string? before = QueryReader.String(context, "before");
            if (after is not null && before is not null)
            {
                throw ApiException.BadRequest("Give either 'after' or 'before', not both.", "before");
            }

            List<AuditEventRecord> matching;
            lock (state.Gate)
            {
                matching = Enumerable.Reverse(state.AuditLogs.Items).Where(filter.Matches).ToList();
            }

            int start;
            int end;
            if (before is not null)
            {
                int position = PositionOf(matching, before, "before");
                end = position;
                start = Math.Max(0, position - limit);
            }
            else
            {
                start = after is null ? 0 : PositionOf(matching, after, "after") + 1;
                if (after is not null && start > 0 && context.Overlap())
                {
                    start--;
                }

                end = Math.Min(matching.Count, start + limit);
            }

            List<AuditEventRecord> page = matching.GetRange(start, end - start);
            bool hasMore = before is not null ? start > 0 : end < matching.Count;
            string? firstId = page.Count > 0 ? page[0].Id : null;
            string? lastId = page.Count > 0 ? page[^1].Id : null;
            if (after is not null && context.RepeatCursor())
            {
                lastId = after;
                hasMore = true;
            }

            var envelope = new JsonObject
            {
                ["object"] = "list",
                ["data"] = new JsonArray(page.Select(e => (JsonNode)e.ToJson()).ToArray()),
            };
            if (!state.Lists.IdCursorBoundsOmitted)
            {
                envelope["first_id"] = firstId;
                envelope["last_id"] = lastId;
            }

            envelope["has_more"] = hasMore;
            return SimJson.Ok(envelope);
        });
    }

    /// <summary>
    /// <c>POST /_sim/audit_logs</c>: appends events, e.g. <c>{"count": 5, "effective_at": 1736000000, "per_second": 2}</c>.
    /// Fields: <c>count</c> (1..100000, default 1), <c>effective_at</c> (Unix seconds of the first; default now),
    /// <c>per_second</c> (events per second, default all in one second), <c>type</c> (default a mix of organization
    /// types), <c>project_id</c> (a seeded project; default none). Answers <c>{appended: [{id, type, effective_at}]}</c>.
    /// </summary>
    public static void MapControl(IEndpointRouteBuilder app, SimState state)
    {
        app.MapPost("/_sim/audit_logs", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            string text = await reader.ReadToEndAsync(context.RequestAborted);
            JsonElement root;
            try
            {
                using JsonDocument document = JsonDocument.Parse(string.IsNullOrWhiteSpace(text) ? "{}" : text);
                root = document.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                throw ApiException.BadRequest("The body is not JSON: " + ex.Message);
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                throw ApiException.BadRequest("The body must be a JSON object.");
            }

            foreach (JsonProperty property in root.EnumerateObject())
            {
                if (property.Name is not ("count" or "effective_at" or "per_second" or "type" or "project_id"))
                {
                    throw ApiException.BadRequest($"Unknown field '{property.Name}'.", property.Name);
                }
            }

            int count = root.TryGetProperty("count", out JsonElement c) ? c.GetInt32() : 1;
            int perSecond = root.TryGetProperty("per_second", out JsonElement p) ? p.GetInt32() : int.MaxValue;
            if (count is < 1 or > 100_000 || perSecond < 1)
            {
                throw ApiException.BadRequest("'count' must be 1..100000 and 'per_second' at least 1.");
            }

            string? type = root.TryGetProperty("type", out JsonElement t) ? t.GetString() : null;
            if (type is not null && !AuditSeeder.Types.Contains(type))
            {
                throw ApiException.BadRequest($"'{type}' is not an audit log event type.", "type");
            }

            string? projectId = root.TryGetProperty("project_id", out JsonElement pr) ? pr.GetString() : null;
            var appended = new List<object>();
            lock (state.Gate)
            {
                long first = root.TryGetProperty("effective_at", out JsonElement e) ? e.GetInt64() : state.Now;
                var seeder = new AuditSeeder(state, state.AuditLogs, seed: (int)(state.AuditLogs.Items.Count + first));
                for (int i = 0; i < count; i++)
                {
                    AuditEventRecord record = seeder.AddOne(type, first + (i / perSecond), projectId, state.Ids.New(AuditSeeder.EventIdShape));
                    appended.Add(new { id = record.Id, type = record.Type, effective_at = record.EffectiveAt });
                }
            }

            return SimJson.Ok(new { appended });
        });
    }

    private static int PositionOf(List<AuditEventRecord> items, string id, string param)
    {
        int index = items.FindIndex(e => e.Id == id);
        return index >= 0 ? index : throw ApiException.BadRequest($"Invalid '{param}': no audit log event with id '{id}' in this list.", param, "invalid_cursor");
    }

    /// <summary>The filters of one request, validated before the state is read.</summary>
    private sealed class Filter
    {
        private long? _gt;
        private long? _gte;
        private long? _lt;
        private long? _lte;
        private IReadOnlyList<string> _projects = Array.Empty<string>();
        private IReadOnlyList<string> _types = Array.Empty<string>();
        private IReadOnlyList<string> _actors = Array.Empty<string>();
        private IReadOnlyList<string> _emails = Array.Empty<string>();
        private IReadOnlyList<string> _resources = Array.Empty<string>();
        private bool _tenantOnly;

        public static Filter Read(HttpContext context)
        {
            var filter = new Filter();
            foreach (string key in context.Request.Query.Keys.Where(k => k.StartsWith("effective_at", StringComparison.Ordinal)))
            {
                string bound = key.Length > "effective_at[]".Length && key[12] == '[' && key[^1] == ']' ? key[13..^1] : string.Empty;
                if (!TimeBounds.Contains(bound))
                {
                    throw ApiException.InvalidValue(key, "use effective_at[gt], effective_at[gte], effective_at[lt] or effective_at[lte] with Unix seconds.");
                }

                string raw = context.Request.Query[key].ToString();
                if (!long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value))
                {
                    throw ApiException.InvalidValue(key, $"expected an integer (Unix seconds), but got '{raw}' instead.");
                }

                switch (bound)
                {
                    case "gt": filter._gt = value; break;
                    case "gte": filter._gte = value; break;
                    case "lt": filter._lt = value; break;
                    default: filter._lte = value; break;
                }
            }

            filter._projects = QueryReader.Array(context, "project_ids");
            filter._types = QueryReader.Array(context, "event_types");
            filter._actors = QueryReader.Array(context, "actor_ids");
            filter._emails = QueryReader.Array(context, "actor_emails");
            filter._resources = QueryReader.Array(context, "resource_ids");
            filter._tenantOnly = QueryReader.Bool(context, "tenant_only", false);
            foreach (string type in filter._types)
            {
                if (!AuditSeeder.Types.Contains(type))
                {
                    throw ApiException.InvalidValue("event_types", $"'{type}' is not an audit log event type.");
                }

                if (filter._tenantOnly && !AuditLogsStore.IsTenantScoped(type))
                {
                    throw ApiException.InvalidValue("event_types", $"'{type}' is not tenant-scoped; with tenant_only=true every event type must be.");
                }
            }

            return filter;
        }

        public bool Matches(AuditEventRecord e) =>
            e.TenantScoped == _tenantOnly
            && (_gt is null || e.EffectiveAt > _gt)
            && (_gte is null || e.EffectiveAt >= _gte)
            && (_lt is null || e.EffectiveAt < _lt)
            && (_lte is null || e.EffectiveAt <= _lte)
            && (_types.Count == 0 || _types.Contains(e.Type))
            && (_projects.Count == 0 || (e.Project is { } p && _projects.Contains(p.Id)))
            && (_actors.Count == 0 || e.ActorIds().Any(_actors.Contains))
            && (_emails.Count == 0 || (e.ActorEmail is string email && _emails.Contains(email, StringComparer.OrdinalIgnoreCase)))
            && (_resources.Count == 0 || e.ResourceIds().Any(_resources.Contains));
    }
}

/// <summary>Makes realistic events: the seed's months of activity, and the events a test appends.</summary>
internal sealed class AuditSeeder
{
    public static readonly IdShape EventIdShape = new("audit_log-", 24, IdShape.Alphanumeric);

    public static readonly HashSet<string> Types = new(StringComparer.Ordinal)
    {
        "api_key.created", "api_key.updated", "api_key.deleted", "certificate.created", "certificate.updated", "certificate.deleted",
        "certificates.activated", "certificates.deactivated", "checkpoint.permission.created", "checkpoint.permission.deleted",
        "external_key.registered", "external_key.removed", "group.created", "group.updated", "group.deleted", "invite.sent",
        "invite.accepted", "invite.deleted", "ip_allowlist.created", "ip_allowlist.updated", "ip_allowlist.deleted",
        "ip_allowlist.config.activated", "ip_allowlist.config.deactivated", "login.succeeded", "login.failed", "logout.succeeded",
        "logout.failed", "organization.updated", "project.created", "project.updated", "project.archived", "project.deleted",
        "rate_limit.updated", "rate_limit.deleted", "resource.deleted", "tunnel.created", "tunnel.updated", "tunnel.deleted",
        "workload_identity_provider.created", "workload_identity_provider.updated", "workload_identity_provider.deleted",
        "workload_identity_provider_mapping.created", "workload_identity_provider_mapping.updated", "workload_identity_provider_mapping.deleted",
        "role.created", "role.updated", "role.deleted", "role.assignment.created", "role.assignment.deleted", "role.bound_to_resource",
        "role.unbound_from_resource", "scim.enabled", "scim.disabled", "service_account.created", "service_account.updated",
        "service_account.deleted", "user.added", "user.updated", "user.deleted",
        "tenant.metadata.updated", "tenant.microsoft_entra_mapping.upserted", "tenant.microsoft_entra_mapping.deleted",
        "tenant.workload_identity.provider.created", "tenant.workload_identity.provider.updated", "tenant.workload_identity.provider.archived",
        "tenant.workload_identity.mapping.created", "tenant.workload_identity.mapping.updated", "tenant.workload_identity.mapping.archived",
        "tenant.workload_identity.binding.created", "tenant.workload_identity.principal.provisioned", "tenant.workload_identity.access_token.issued",
        "tenant.admin_api_key.created", "tenant.admin_api_key.updated", "tenant.admin_api_key.deleted", "tenant.project_api_key.created",
        "tenant.chatgpt_access_token.revoked", "tenant.migration.completed", "tenant.sso.migrated", "tenant.domains.migrated",
        "tenant.sso_connection.created", "tenant.sso_connection.updated", "tenant.sso_connection.deleted", "tenant.sso_connection.setup.started",
        "tenant.policy.created", "tenant.policy.updated", "tenant.policy.deleted", "tenant.policy.attached", "tenant.policy.detached",
        "tenant.principal_authentication_policy.resolved", "tenant.scim.setup.started", "tenant.scim.deletion.requested",
        "tenant.scim.directory.created", "tenant.product_access_policy.updated", "tenant.resource_share_grant.created",
        "tenant.resource_share_grant.updated", "tenant.resource_share_grant.accepted", "tenant.resource_share_grant.declined",
        "tenant.resource_share_grant.revoked", "tenant.resource_share_grant.deleted", "tenant.service_account.updated",
        "tenant.service_account.deleted", "tenant.service_account.token.revoked", "tenant.billing.overage_limit.updated",
        "tenant.billing.alerts.updated", "tenant.billing.info.updated", "tenant.usage_limit.workspace.updated",
        "tenant.usage_limit.group.updated", "tenant.usage_limit.user.updated", "tenant.usage_limit.increase_request.updated",
        "tenant.usage_limit.increase_request.resolved", "tenant.group.created", "tenant.group.updated", "tenant.group.deleted",
        "tenant.group.member.added", "tenant.group.member.removed", "tenant.migration_rollout.status.updated",
        "tenant.migration_rollout.tier.updated", "tenant.role.metadata.updated", "tenant.custom_role.created", "tenant.custom_role.updated",
        "tenant.custom_role.deleted", "tenant.role_assignment.created", "tenant.role_assignment.deleted",
        "tenant.resource_role_assignment.created", "tenant.resource_role_assignment.deleted", "tenant.resource_access.updated",
        "tenant.resource_access.deleted", "tenant.ads_account.onboarding.redemption", "tenant.session_policy.created",
        "tenant.session_policy.updated", "tenant.session_policy.deleted", "tenant.session_revocation.started",
        "tenant.third_party_app_policy.updated", "tenant.user.added", "tenant.user.updated", "tenant.user.removed", "tenant.user.looked_up",
        "tenant.user.invited", "tenant.membership.revoked", "tenant.api_organization_invite.upserted", "tenant.api_organization_invite.deleted",
        "tenant.chatgpt_workspace_invite.upserted", "tenant.membership.accepted", "tenant.membership.declined",
        "tenant.workspace_invite_email_settings.updated",
    };

    /// <summary>The organization id payloads of <c>organization.updated</c> name.</summary>
    public const string OrganizationId = "org-simulatorK3x9Qp7Lm2Vd8R";

    /// <summary>The seed starts on day 20 after the epoch and runs through about three months of activity.</summary>
    public static readonly long SeedStart = SimState.At(TimeSpan.FromDays(20));

    private const int OrganizationEvents = 640;

    private static readonly string[] UserAgents =
    {
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
        "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0",
    };

    private static readonly string[] Scopes = { "api.model.request", "api.model.read", "api.files.write", "api.fine_tuning.jobs.write", "api.assistants.read" };

    private readonly SimState _state;
    private readonly AuditLogsStore _store;
    private readonly Random _random;
    private readonly List<(string Id, string Name)> _projects;
    private readonly List<(string ServiceAccount, string Key, string ProjectId)> _serviceAccountKeys;
    private int _made;

    public AuditSeeder(SimState state, AuditLogsStore store, int seed = 20250101)
    {
        _state = state;
        _store = store;
        _random = new Random(seed);
        _projects = ProjectsStore.Seeded.Where(p => !p.Archived).Select(p => (p.Id, p.Name)).ToList();
        _serviceAccountKeys = state.ProjectApiKeys.Items
            .Where(k => k.Owner.ServiceAccount is not null)
            .Select(k => (k.Owner.ServiceAccount!.Id, k.Id, k.ProjectId))
            .ToList();
    }

    /// <summary>The seed: scenario after scenario, then one event of every type not seen yet.</summary>
    public void Run()
    {
        long now = SeedStart;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (_made < OrganizationEvents)
        {
            now += Gap();
            foreach (AuditEventRecord record in Scenario(now))
            {
                seen.Add(record.Type);
                now = Math.Max(now, record.EffectiveAt);
            }
        }

        foreach (string type in Types.Where(t => !seen.Contains(t)).OrderBy(t => t, StringComparer.Ordinal).ToList())
        {
            now += 60 + _random.Next(3600);
            AddOne(type, now, null, NewId());
        }

        // The newest second holds several events, so a client that resumes "after the last one" must tell them apart.
        now += 5;
        for (int i = 0; i < 4; i++)
        {
            Add("role.assignment.created", now, null, Session(1 + _random.Next(3)), RoleAssignment());
        }
    }

    /// <summary>One event of <paramref name="type"/> (or of a realistic mix) at <paramref name="second"/>.</summary>
    public AuditEventRecord AddOne(string? type, long second, string? projectId, string id)
    {
        type ??= Pick(new[] { "login.succeeded", "api_key.created", "project.updated", "user.updated", "group.updated", "role.assignment.created", "login.failed" });
        (string Id, string Name)? project = projectId is null ? null : _projects.FirstOrDefault(p => p.Id == projectId);
        if (projectId is not null && project?.Id is null)
        {
            project = (projectId, projectId);
        }

        return Add(type, second, project, ActorFor(type), PayloadFor(type, project?.Id), id);
    }

    private long Gap() => _random.Next(10) switch
    {
        < 6 => 60 + _random.Next(3 * 3600),
        < 9 => 3600 + _random.Next(12 * 3600),
        _ => 5 + _random.Next(120),
    };

    /// <summary>A burst of related events, several in one second at times.</summary>
    private IEnumerable<AuditEventRecord> Scenario(long t)
    {
        int owner = 1 + _random.Next(3);
        int anyone = 1 + _random.Next(40);
        var list = new List<AuditEventRecord>();
        switch (_random.Next(20))
        {
            case 0 or 1 or 2 or 3:
                list.Add(Add("login.succeeded", t, null, Session(anyone), null));
                if (_random.Next(3) == 0)
                {
                    list.Add(Add("logout.succeeded", t + 600 + _random.Next(7200), null, Session(anyone), null));
                }

                break;
            case 4:
                // Someone guessing a password: failures, several a second, then the owner gets in.
                int tries = 3 + _random.Next(4);
                for (int i = 0; i < tries; i++)
                {
                    list.Add(Add("login.failed", t + (i / 3), null, Session(anyone, ip: "198.51.100." + (7 + _random.Next(3))),
                        new JsonObject { ["error_code"] = "invalid_credentials", ["error_message"] = "Wrong email or password." }));
                }

                list.Add(Add("login.succeeded", t + 2 + (tries / 3), null, Session(anyone), null));
                break;
            case 5 or 6:
            {
                // A new project, set up in one go: the project, a service account and its key in the same second.
                string id = "proj_" + Random(24);
                string name = Pick(new[] { "Billing assistant", "Search pilot", "Translation", "Doc summarizer", "Onboarding bot" }) + " " + (1 + _random.Next(9));
                var project = (id, name);
                list.Add(Add("project.created", t, project, Session(owner), new JsonObject { ["id"] = id, ["data"] = new JsonObject { ["name"] = name, ["title"] = name } }));
                string account = "svc_acct_" + Random(24);
                list.Add(Add("service_account.created", t + 1, project, Session(owner), new JsonObject { ["id"] = account, ["data"] = new JsonObject { ["role"] = "member" } }));
                list.Add(Add("api_key.created", t + 1, project, Session(owner), ApiKey("created")));
                list.Add(Add("rate_limit.updated", t + 1, project, Session(owner), RateLimit()));
                break;
            }

            case 7:
            {
                var project = PickProject();
                list.Add(Add("project.updated", t, project, Session(owner), new JsonObject
                {
                    ["id"] = project.Id,
                    ["changes_requested"] = new JsonObject { ["title"] = project.Name + (_random.Next(2) == 0 ? " (prod)" : " v2") },
                }));
                break;
            }

            case 8 or 9:
            {
                // People: an invitation, accepted later (the acceptance and the membership in one second), a role change.
                string invite = "invite-" + Random(24);
                string email = $"new.hire{_random.Next(1000):000}@example.com";
                list.Add(Add("invite.sent", t, null, Session(owner), new JsonObject { ["id"] = invite, ["data"] = new JsonObject { ["email"] = email, ["role"] = "reader" } }));
                long accepted = t + 3600 + _random.Next(86400);
                string user = "user-" + Random(24);
                list.Add(Add("invite.accepted", accepted, null, Session(owner), new JsonObject { ["id"] = invite }));
                list.Add(Add("user.added", accepted, null, Session(owner), new JsonObject { ["id"] = user, ["data"] = new JsonObject { ["role"] = "reader" } }));
                if (_random.Next(3) == 0)
                {
                    list.Add(Add("user.updated", accepted + 120, null, Session(owner), new JsonObject { ["id"] = user, ["changes_requested"] = new JsonObject { ["role"] = "owner" } }));
                }

                break;
            }

            case 10 or 11:
            {
                // Roles: a custom role granted to several principals in one second.
                string role = "role_" + Random(26, IdShape.Crockford);
                list.Add(Add("role.created", t, null, Session(owner), new JsonObject
                {
                    ["id"] = role,
                    ["role_name"] = Pick(new[] { "Billing viewer", "Key auditor", "Project creator", "Usage reader" }),
                    ["permissions"] = new JsonArray("api.organization.usage.read", "api.organization.projects.read"),
                    ["resource_type"] = "api.organization",
                    ["resource_id"] = OrganizationId,
                }));
                int grants = 2 + _random.Next(4);
                for (int i = 0; i < grants; i++)
                {
                    list.Add(Add("role.assignment.created", t + 1, null, Session(owner), RoleAssignment(role)));
                }

                break;
            }

            case 12:
            {
                string group = "group_" + Random(26, IdShape.Crockford);
                string name = Pick(new[] { "Platform team", "Data engineers", "Auditors", "Vendors" });
                list.Add(Add("group.created", t, null, Session(owner), new JsonObject { ["id"] = group, ["data"] = new JsonObject { ["group_name"] = name } }));
                list.Add(Add("group.updated", t + 30, null, Session(owner), new JsonObject { ["id"] = group, ["changes_requested"] = new JsonObject { ["group_name"] = name + " (all)" } }));
                break;
            }

            case 13 or 14:
            {
                // A key rotation by a service account's key: the new key and the old one's deletion in one second.
                var (account, key, projectId) = _serviceAccountKeys[_random.Next(_serviceAccountKeys.Count)];
                var project = _projects.First(p => p.Id == projectId);
                JsonObject actor = ServiceAccountActor(account, key);
                list.Add(Add("api_key.created", t, project, actor, ApiKey("created")));
                list.Add(Add("api_key.deleted", t, project, actor.DeepClone().AsObject(), new JsonObject { ["id"] = "key_" + Random(16) }));
                break;
            }

            case 15:
            {
                // Certificates: upload and activate in one second.
                string cert = "cert_" + Random(24);
                string name = "client-" + (2026 + _random.Next(2)) + "-" + _random.Next(100);
                list.Add(Add("certificate.created", t, null, AdminKey(owner), new JsonObject { ["id"] = cert, ["name"] = name }));
                list.Add(Add("certificates.activated", t, null, AdminKey(owner), new JsonObject
                {
                    ["certificates"] = new JsonArray(new JsonObject { ["id"] = cert, ["name"] = name }),
                }));
                break;
            }

            case 16:
                list.Add(Add("api_key.updated", t, PickProject(), Session(owner), ApiKey("updated")));
                break;
            case 17:
                list.Add(Add("rate_limit.updated", t, PickProject(), AdminKey(owner), RateLimit()));
                break;
            case 18:
            {
                // Tenant administration, listed only with tenant_only=true.
                string type = Pick(Types.Where(AuditLogsStore.IsTenantScoped).ToArray());
                int burst = type == "tenant.user.added" ? 3 : 1;
                for (int i = 0; i < burst; i++)
                {
                    list.Add(Add(type, t, null, Session(owner), PayloadFor(type, null)));
                }

                break;
            }

            default:
            {
                string type = Pick(new[] { "organization.updated", "ip_allowlist.created", "scim.enabled", "checkpoint.permission.created", "external_key.registered",
                    "service_account.updated", "user.updated", "invite.deleted", "group.deleted", "role.updated", "role.assignment.deleted", "logout.failed",
                    "certificate.updated", "certificates.deactivated", "workload_identity_provider.created", "tunnel.created" });
                list.Add(AddOne(type, t, null, NewId()));
                break;
            }
        }

        return list;
    }

    private AuditEventRecord Add(string type, long second, (string Id, string Name)? project, JsonObject actor, JsonObject? payload, string? id = null)
    {
        if (!AuditLogsStore.IsTenantScoped(type))
        {
            _made++;
        }

        // Actions taken with an admin key count as the default project's.
        if (project is null && actor["type"]?.GetValue<string>() == "api_key" && actor["api_key"]?["type"]?.GetValue<string>() == "user")
        {
            project = (ProjectsStore.DefaultProjectId, "Default project");
        }

        return _store.Add(id ?? NewId(), type, second, project, actor, payload);
    }

    private string NewId() => EventIdShape.Prefix + Random(EventIdShape.Length);

    private JsonObject ActorFor(string type) =>
        type.StartsWith("certificate", StringComparison.Ordinal) || type.StartsWith("rate_limit", StringComparison.Ordinal)
            ? AdminKey(1 + _random.Next(3))
            : Session(1 + _random.Next(type.StartsWith("login", StringComparison.Ordinal) ? 40 : 3));

    /// <summary>The payload of any type, with realistic values (null for the types the API gives none).</summary>
    private JsonObject? PayloadFor(string type, string? projectId)
    {
        string project = projectId ?? PickProject().Id;
        switch (type)
        {
            case "api_key.created": return ApiKey("created");
            case "api_key.updated": return ApiKey("updated");
            case "api_key.deleted": return new JsonObject { ["id"] = "key_" + Random(16) };
            case "certificate.created" or "certificate.updated": return new JsonObject { ["id"] = "cert_" + Random(24), ["name"] = "partner-" + _random.Next(100) };
            case "certificate.deleted": return new JsonObject { ["id"] = "cert_" + Random(24), ["name"] = "expired-" + _random.Next(100), ["certificate"] = Pem() };
            case "certificates.activated" or "certificates.deactivated":
                return new JsonObject { ["certificates"] = new JsonArray(new JsonObject { ["id"] = SeedIds.Certificate(1), ["name"] = "corp-root-2025" }, new JsonObject { ["id"] = SeedIds.Certificate(2), ["name"] = "partner-gateway-2025" }) };
            case "checkpoint.permission.created":
                return new JsonObject { ["id"] = "cp_" + Random(24), ["data"] = new JsonObject { ["project_id"] = project, ["fine_tuned_model_checkpoint"] = "ft:gpt-4o-mini-2024-07-18:org::ckpt-step-" + (100 * (1 + _random.Next(9))) } };
            case "external_key.registered": return new JsonObject { ["id"] = "ekm_" + Random(16), ["data"] = new JsonObject { ["provider"] = "aws_kms", ["key_arn"] = "arn:aws:kms:us-east-1:111122223333:key/" + Random(12) } };
            case "group.created": return new JsonObject { ["id"] = SeedIds.Group(1 + _random.Next(12)), ["data"] = new JsonObject { ["group_name"] = "Team " + _random.Next(50) } };
            case "group.updated": return new JsonObject { ["id"] = SeedIds.Group(1 + _random.Next(12)), ["changes_requested"] = new JsonObject { ["group_name"] = "Team " + _random.Next(50) } };
            case "invite.sent": return new JsonObject { ["id"] = "invite-" + Random(24), ["data"] = new JsonObject { ["email"] = $"guest{_random.Next(100)}@example.com", ["role"] = "reader" } };
            case "ip_allowlist.created" or "ip_allowlist.deleted":
                return new JsonObject { ["id"] = "ipal_" + Random(20), ["name"] = "Office networks", ["allowed_ips"] = new JsonArray("203.0.113.0/24", "198.51.100.17/32") };
            case "ip_allowlist.updated": return new JsonObject { ["id"] = "ipal_" + Random(20), ["allowed_ips"] = new JsonArray("203.0.113.0/24") };
            case "ip_allowlist.config.activated" or "ip_allowlist.config.deactivated":
                return new JsonObject { ["configs"] = new JsonArray(new JsonObject { ["id"] = "ipal_" + Random(20), ["name"] = "Office networks" }) };
            case "login.failed" or "logout.failed": return new JsonObject { ["error_code"] = "session_expired", ["error_message"] = "The session has expired." };
            case "organization.updated":
                return new JsonObject { ["id"] = OrganizationId, ["changes_requested"] = new JsonObject { ["title"] = "Contoso AI", ["api_call_logging"] = "enabled_for_selected_projects", ["api_call_logging_project_ids"] = project } };
            case "project.created": return new JsonObject { ["id"] = project, ["data"] = new JsonObject { ["name"] = "Project", ["title"] = "Project" } };
            case "project.updated": return new JsonObject { ["id"] = project, ["changes_requested"] = new JsonObject { ["title"] = "Renamed project" } };
            case "rate_limit.updated": return RateLimit();
            case "role.created":
                return new JsonObject { ["id"] = SeedIds.Role(3), ["role_name"] = "Billing reader", ["permissions"] = new JsonArray("api.organization.usage.read"), ["resource_type"] = "api.organization", ["resource_id"] = OrganizationId };
            case "role.updated":
                return new JsonObject
                {
                    ["id"] = SeedIds.Role(4),
                    ["changes_requested"] = new JsonObject { ["role_name"] = "Security auditor", ["permissions_added"] = new JsonArray("api.organization.audit_logs.read"), ["permissions_removed"] = new JsonArray() },
                };
            case "role.assignment.created" or "role.assignment.deleted": return RoleAssignment();
            case "role.bound_to_resource" or "role.unbound_from_resource":
            {
                string workspace = "ws_" + Random(16);
                string connector = "conn_" + Random(16);
                return new JsonObject
                {
                    ["id"] = "rb_" + Random(20),
                    ["role_id"] = SeedIds.Role(5),
                    ["resource_id"] = workspace + "__" + connector,
                    ["resource_type"] = "chatgpt.connector",
                    ["permissions"] = new JsonArray("connector.use"),
                    ["workspace_id"] = workspace,
                    ["connector_id"] = connector,
                    ["connector_name"] = "SharePoint",
                    ["enabled"] = type == "role.bound_to_resource",
                    ["source"] = Pick(new[] { "role_toggle", "role_connector_update", "workspace_permissions", "connector_publish" }),
                };
            }

            case "service_account.created": return new JsonObject { ["id"] = "svc_acct_" + Random(24), ["data"] = new JsonObject { ["role"] = "member" } };
            case "service_account.updated": return new JsonObject { ["id"] = SeedIds.ServiceAccount("0001"), ["changes_requested"] = new JsonObject { ["role"] = "owner" } };
            case "user.added": return new JsonObject { ["id"] = SeedIds.User(100 + _random.Next(100)), ["data"] = new JsonObject { ["role"] = "reader" } };
            case "user.updated": return new JsonObject { ["id"] = SeedIds.User(4 + _random.Next(40)), ["changes_requested"] = new JsonObject { ["role"] = "owner" } };
            case "workload_identity_provider.created": return new JsonObject { ["id"] = "wip_" + Random(20), ["data"] = new JsonObject { ["name"] = "GitHub Actions", ["issuer"] = "https://token.actions.githubusercontent.com" } };
            case "workload_identity_provider.updated": return new JsonObject { ["id"] = "wip_" + Random(20), ["changes_requested"] = new JsonObject { ["name"] = "GitHub" } };
            case "workload_identity_provider.deleted": return new JsonObject { ["id"] = "wip_" + Random(20), ["name"] = "GitHub Actions" };
            case "workload_identity_provider_mapping.created":
                return new JsonObject { ["id"] = "wipm_" + Random(20), ["identity_provider_id"] = "wip_" + Random(20), ["data"] = new JsonObject { ["subject"] = "repo:contoso/app:ref:refs/heads/main" } };
            case "workload_identity_provider_mapping.updated":
                return new JsonObject { ["id"] = "wipm_" + Random(20), ["identity_provider_id"] = "wip_" + Random(20), ["changes_requested"] = new JsonObject { ["subject"] = "repo:contoso/app:*" } };
            case "workload_identity_provider_mapping.deleted":
                return new JsonObject { ["id"] = "wipm_" + Random(20), ["identity_provider_id"] = "wip_" + Random(20), ["project_id"] = project, ["service_account_id"] = SeedIds.ServiceAccount("0001") };
            case "project.archived" or "project.deleted": return new JsonObject { ["id"] = project };
            case "invite.accepted" or "invite.deleted": return new JsonObject { ["id"] = "invite-" + Random(24) };
            case "group.deleted": return new JsonObject { ["id"] = "group_" + Random(26, IdShape.Crockford) };
            case "role.deleted": return new JsonObject { ["id"] = "role_" + Random(26, IdShape.Crockford) };
            case "user.deleted": return new JsonObject { ["id"] = "user-" + Random(24) };
            case "service_account.deleted": return new JsonObject { ["id"] = "svc_acct_" + Random(24) };
            case "rate_limit.deleted": return new JsonObject { ["id"] = "rl-gpt-4o" };
            case "checkpoint.permission.deleted": return new JsonObject { ["id"] = "cp_" + Random(24) };
            case "external_key.removed": return new JsonObject { ["id"] = "ekm_" + Random(16) };
            case "scim.enabled" or "scim.disabled": return new JsonObject { ["id"] = "scim_" + Random(16) };
            default:
                // login.succeeded, logout.succeeded, resource.deleted, tunnel.* and the tenant events have no payload.
                return null;
        }
    }

    /// <summary>A certificate's PEM text as the deletion event carries it (random base64, the length of a real one).</summary>
    private string Pem() =>
        "-----BEGIN CERTIFICATE-----\n"
        + string.Join("\n", Enumerable.Range(0, 12).Select(_ => Random(64, IdShape.Alphanumeric + "+/")))
        + "\n-----END CERTIFICATE-----\n";

    private JsonObject ApiKey(string change) => change == "created"
        ? new JsonObject { ["id"] = "key_" + Random(16), ["data"] = new JsonObject { ["scopes"] = new JsonArray(Pick(Scopes), Pick(Scopes)) } }
        : new JsonObject { ["id"] = "key_" + Random(16), ["changes_requested"] = new JsonObject { ["scopes"] = new JsonArray(Pick(Scopes)) } };

    private JsonObject RateLimit() => new()
    {
        ["id"] = Pick(new[] { "rl-gpt-4o", "rl-gpt-4o-mini", "rl-o3" }),
        ["changes_requested"] = new JsonObject { ["max_requests_per_1_minute"] = 500 * (1 + _random.Next(10)), ["max_tokens_per_1_minute"] = 100_000 * (1 + _random.Next(10)) },
    };

    private JsonObject RoleAssignment(string? role = null)
    {
        bool group = _random.Next(3) == 0;
        return new JsonObject
        {
            ["id"] = role ?? SeedIds.Role(3 + _random.Next(3)),
            ["principal_id"] = group ? SeedIds.Group(1 + _random.Next(12)) : SeedIds.User(1 + _random.Next(60)),
            ["principal_type"] = group ? "group" : "user",
            ["resource_id"] = OrganizationId,
            ["resource_type"] = "api.organization",
        };
    }

    private JsonObject Session(int user, string? ip = null)
    {
        var session = new JsonObject
        {
            ["user"] = new JsonObject { ["id"] = SeedIds.User(user), ["email"] = $"user-{user:0000}@example.com" },
            ["ip_address"] = ip ?? "203.0.113." + (10 + (user % 40)),
            ["user_agent"] = UserAgents[user % UserAgents.Length],
        };
        if (user % 4 == 0)
        {
            session["ja3"] = Random(32, "0123456789abcdef");
            session["ip_address_details"] = new JsonObject { ["country"] = "US", ["city"] = "San Francisco", ["region"] = "California", ["region_code"] = "CA", ["asn"] = "64500" };
        }

        return new JsonObject { ["type"] = "session", ["session"] = session };
    }

    /// <summary>An organization owner's admin key (the seeded admin keys belong to users 1–3).</summary>
    private static JsonObject AdminKey(int owner) => new()
    {
        ["type"] = "api_key",
        ["api_key"] = new JsonObject
        {
            ["id"] = owner switch { 1 => SeedIds.AdminApiKey("ops"), 2 => SeedIds.AdminApiKey("ci"), _ => SeedIds.AdminApiKey("breakglass") },
            ["type"] = "user",
            ["user"] = new JsonObject { ["id"] = SeedIds.User(owner), ["email"] = $"user-{owner:0000}@example.com" },
        },
    };

    private static JsonObject ServiceAccountActor(string account, string key) => new()
    {
        ["type"] = "api_key",
        ["api_key"] = new JsonObject { ["id"] = key, ["type"] = "service_account", ["service_account"] = new JsonObject { ["id"] = account } },
    };

    private (string Id, string Name) PickProject() => _projects[_random.Next(_projects.Count)];

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private string Random(int length, string alphabet = IdShape.Alphanumeric)
    {
        var text = new char[length];
        for (int i = 0; i < length; i++)
        {
            text[i] = alphabet[_random.Next(alphabet.Length)];
        }

        return new string(text);
    }
}
