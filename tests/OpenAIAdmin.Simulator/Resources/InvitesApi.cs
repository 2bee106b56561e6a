using System.Text.Json;
using OpenAIAdmin.Simulator.Infrastructure;

namespace OpenAIAdmin.Simulator.Resources;

/// <summary>The API's <c>Invite</c> (inventory §6.5).</summary>
internal sealed class InviteRecord
{
    public string Object => "organization.invite";

    public required string Id { get; init; }

    public required string Email { get; init; }

    /// <summary><c>owner</c> or <c>reader</c>.</summary>
    public required string Role { get; init; }

    /// <summary><c>accepted</c>, <c>expired</c> or <c>pending</c>.</summary>
    public required string Status { get; init; }

    public long CreatedAt { get; init; }

    public long? ExpiresAt { get; init; }

    public long? AcceptedAt { get; init; }

    public List<InviteProjectRecord> Projects { get; init; } = new();
}

/// <summary>A project membership granted on acceptance: role <c>member</c> or <c>owner</c>.</summary>
internal sealed record InviteProjectRecord(string Id, string Role);

internal sealed class InvitesStore : IResourceStore
{
    public static readonly string[] Roles = { "reader", "owner" };

    public static readonly string[] ProjectRoles = { "member", "owner" };

    /// <summary>How long a new invite stays valid.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    /// <summary>In the order they were sent (the list order).</summary>
    public List<InviteRecord> Items { get; } = new();

    /// <summary>
    /// Invite 0001 pending (valid for days from now), 0002 accepted (cannot be deleted),
    /// 0003 expired.
    /// </summary>
    public void Seed(SimState state)
    {
        Items.Clear();
        long now = state.Now;
        var defaultProject = new List<InviteProjectRecord> { new(ProjectsStore.DefaultProjectId, "member") };
        Items.Add(new InviteRecord
        {
            Id = SeedIds.Invite(1),
            Email = "alice.pending@example.com",
            Role = "reader",
            Status = "pending",
            CreatedAt = now - (long)TimeSpan.FromDays(1).TotalSeconds,
            ExpiresAt = now + (long)(Lifetime - TimeSpan.FromDays(1)).TotalSeconds,
            Projects = defaultProject,
        });
        Items.Add(new InviteRecord
        {
            Id = SeedIds.Invite(2),
            Email = "bob.accepted@example.com",
            Role = "owner",
            Status = "accepted",
            CreatedAt = SimState.At(TimeSpan.FromDays(100)),
            ExpiresAt = SimState.At(TimeSpan.FromDays(107)),
            AcceptedAt = SimState.At(TimeSpan.FromDays(102)),
            Projects = new List<InviteProjectRecord> { new(ProjectsStore.Seeded[1].Id, "owner") },
        });
        Items.Add(new InviteRecord
        {
            Id = SeedIds.Invite(3),
            Email = "carol.expired@example.com",
            Role = "reader",
            Status = "expired",
            CreatedAt = SimState.At(TimeSpan.FromDays(200)),
            ExpiresAt = SimState.At(TimeSpan.FromDays(207)),
            Projects = new List<InviteProjectRecord>(),
        });
    }

    public InviteRecord Get(string id) =>
        Items.Find(i => i.Id == id) ?? throw ApiException.NotFound("invite", id);
}

/// <summary>Invites (inventory §6.5): id-cursor list (limit 1..100, default 20), create, retrieve, delete.</summary>
internal static class InvitesApi
{
    /// <summary>Id-cursor, limit 1..100 (default 20), no <c>order</c>.</summary>
    public static readonly ListContract List = ListContract.IdCursor(1, 100, 20);

    public static void Map(RouteGroupBuilder v1, SimState state)
    {
        InvitesStore store = state.Invites;

        v1.MapGet("/organization/invites", (HttpContext context) =>
        {
            var list = ListRequest.Read(context, state, List);
            lock (state.Gate)
            {
                return SimJson.Ok(list.Page("invites", store.Items, i => i.Id));
            }
        });

        v1.MapPost("/organization/invites", (HttpContext context) =>
        {
            JsonBody body = JsonBody.Read(context, "email", "role", "projects");
            string email = body.String("email", required: true, allowEmpty: false)!;
            string role = body.Enum("role", InvitesStore.Roles, required: true)!;
            List<InviteProjectRecord>? projects = ReadProjects(context);
            lock (state.Gate)
            {
                if (state.Users.Items.Any(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase)))
                {
                    throw ApiException.BadRequest($"A user with the email '{email}' is already a member of this organization.", "email", "user_already_member");
                }

                if (store.Items.Any(i => i.Status == "pending" && string.Equals(i.Email, email, StringComparison.OrdinalIgnoreCase)))
                {
                    throw ApiException.BadRequest($"A pending invite for '{email}' already exists.", "email", "invite_already_exists");
                }

                foreach (InviteProjectRecord project in projects ?? new List<InviteProjectRecord>())
                {
                    ProjectRecord record = state.Projects.Items.Find(p => p.Id == project.Id)
                        ?? throw ApiException.InvalidValue("projects", $"no project with id '{project.Id}'.");
                    if (record.Status == "archived")
                    {
                        throw ApiException.InvalidValue("projects", $"project '{project.Id}' is archived.");
                    }
                }

                long now = state.Now;
                var invite = new InviteRecord
                {
                    Id = state.Ids.New(IdShape.Invite),
                    Email = email,
                    Role = role,
                    Status = "pending",
                    CreatedAt = now,
                    ExpiresAt = now + (long)InvitesStore.Lifetime.TotalSeconds,
                    // Omitted: the legacy behaviour, membership of the default project. An empty list: no project.
                    Projects = projects ?? new List<InviteProjectRecord> { new(ProjectsStore.DefaultProjectId, "member") },
                };
                store.Items.Add(invite);
                return SimJson.Ok(invite);
            }
        });

        v1.MapGet("/organization/invites/{inviteId}", (string inviteId) =>
        {
            lock (state.Gate)
            {
                return SimJson.Ok(store.Get(inviteId));
            }
        });

        v1.MapDelete("/organization/invites/{inviteId}", (string inviteId) =>
        {
            lock (state.Gate)
            {
                InviteRecord invite = store.Get(inviteId);
                if (invite.Status == "accepted")
                {
                    throw ApiException.BadRequest(
                        $"Invite '{inviteId}' has already been accepted and cannot be deleted.", null, "invite_already_accepted");
                }

                store.Items.Remove(invite);
                return SimJson.Ok(new { @object = "organization.invite.deleted", id = inviteId, deleted = true });
            }
        });
    }

    /// <summary><c>projects</c>: null when absent; otherwise every item needs <c>id</c> and <c>role</c> (member|owner).</summary>
    private static List<InviteProjectRecord>? ReadProjects(HttpContext context)
    {
        using JsonDocument document = JsonDocument.Parse(context.RawBody()!);
        if (!document.RootElement.TryGetProperty("projects", out JsonElement projects) || projects.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (projects.ValueKind != JsonValueKind.Array)
        {
            throw ApiException.BadRequest("Invalid type for 'projects': expected an array of objects.", "projects", "invalid_type");
        }

        var result = new List<InviteProjectRecord>();
        int index = 0;
        foreach (JsonElement item in projects.EnumerateArray())
        {
            string param = $"projects[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw ApiException.BadRequest($"Invalid type for '{param}': expected an object.", param, "invalid_type");
            }

            foreach (JsonProperty property in item.EnumerateObject())
            {
                if (property.Name != "id" && property.Name != "role")
                {
                    throw ApiException.BadRequest($"Unrecognized request argument supplied: {param}.{property.Name}", $"{param}.{property.Name}", "unknown_parameter");
                }
            }

            string id = item.TryGetProperty("id", out JsonElement idValue) && idValue.ValueKind == JsonValueKind.String && idValue.GetString()!.Length > 0
                ? idValue.GetString()!
                : throw ApiException.Missing(param + ".id");
            string role = item.TryGetProperty("role", out JsonElement roleValue) && roleValue.ValueKind == JsonValueKind.String
                ? roleValue.GetString()!
                : throw ApiException.Missing(param + ".role");
            if (!InvitesStore.ProjectRoles.Contains(role))
            {
                throw ApiException.InvalidValue(param + ".role", $"'{role}' is not one of 'member', 'owner'.");
            }

            result.Add(new InviteProjectRecord(id, role));
        }

        return result;
    }
}
