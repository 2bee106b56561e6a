using OpenAIAdmin.Simulator.Infrastructure;

namespace OpenAIAdmin.Simulator.Resources;

/// <summary>The API's <c>ProjectServiceAccount</c> (inventory §6.15), kept with the project it belongs to.</summary>
internal sealed class ServiceAccountRecord
{
    public string Object => "organization.project.service_account";

    public required string Id { get; init; }

    public required string Name { get; set; }

    /// <summary><c>owner</c>, <c>member</c> or <c>none</c>.</summary>
    public string Role { get; set; } = "member";

    public long CreatedAt { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public string ProjectId { get; init; } = string.Empty;
}

internal sealed class ServiceAccountsStore : IResourceStore
{
    /// <summary>Seeded accounts: (project, id head, name, role, created day).</summary>
    public static readonly (string Project, string Head, string Name, string Role, int Day)[] Seeded =
    {
        (ProjectsStore.Seeded[1].Id, "0001", "ci-deploy", "member", 40),
        (ProjectsStore.Seeded[1].Id, "0002", "monitoring", "member", 60),
        (ProjectsStore.Seeded[2].Id, "0003", "etl-runner", "owner", 80),
        (ProjectsStore.DefaultProjectId, "0004", "build-bot", "member", 100),
        (ProjectsStore.Seeded[5].Id, "0005", "legacy-worker", "member", 70),
    };

    /// <summary>All accounts in creation order.</summary>
    public List<ServiceAccountRecord> Items { get; } = new();

    public void Seed(SimState state)
    {
        Items.Clear();
        foreach (var (project, head, name, role, day) in Seeded)
        {
            Items.Add(new ServiceAccountRecord
            {
                Id = SeedIds.ServiceAccount(head),
                Name = name,
                Role = role,
                CreatedAt = SimState.At(TimeSpan.FromDays(day)),
                ProjectId = project,
            });
        }
    }

    public ServiceAccountRecord Get(string projectId, string id) =>
        Items.Find(a => a.Id == id && a.ProjectId == projectId) ?? throw ApiException.NotFound("service account", id);

    /// <summary>The project, which must exist and (for changes, and for the calls the API documents) not be archived.</summary>
    public static ProjectRecord ActiveProject(SimState state, string projectId)
    {
        ProjectRecord project = state.Projects.Get(projectId);
        if (project.Status == "archived")
        {
            throw ApiException.BadRequest($"Project '{projectId}' is archived; archived projects have no service accounts, keys or limits to change.", null, "project_archived");
        }

        return project;
    }
}

/// <summary>Project service accounts and their keys (inventory §6.15, §6.16).</summary>
internal static class ProjectServiceAccountsApi
{
    /// <summary>Id-cursor, limit 1..100 (default 20), no <c>order</c>.</summary>
    public static readonly ListContract List = ListContract.IdCursor(1, 100, 20);

    private const string Base = "/organization/projects/{projectId}/service_accounts";

    public static void Map(RouteGroupBuilder v1, SimState state)
    {
        ServiceAccountsStore store = state.ServiceAccounts;

        v1.MapGet(Base, (HttpContext context, string projectId) =>
        {
            var list = ListRequest.Read(context, state, List);
            lock (state.Gate)
            {
                ServiceAccountsStore.ActiveProject(state, projectId);
                return SimJson.Ok(list.Page("service_accounts." + projectId, store.Items.Where(a => a.ProjectId == projectId), a => a.Id));
            }
        });

        v1.MapPost(Base, (HttpContext context, string projectId) =>
        {
            JsonBody body = JsonBody.Read(context, "name", "create_service_account_only");
            string name = body.String("name", required: true, allowEmpty: false)!;
            bool accountOnly = body.Bool("create_service_account_only") ?? false;
            lock (state.Gate)
            {
                ServiceAccountsStore.ActiveProject(state, projectId);
                var account = new ServiceAccountRecord
                {
                    Id = state.Ids.New(IdShape.ServiceAccount),
                    Name = name,
                    Role = accountOnly ? "none" : "member",
                    CreatedAt = state.Now,
                    ProjectId = projectId,
                };
                store.Items.Add(account);
                ProjectApiKeyIssued? key = accountOnly ? null : state.ProjectApiKeys.IssueForServiceAccount(state, account, "Secret key");
                return SimJson.Ok(new
                {
                    @object = account.Object,
                    id = account.Id,
                    name = account.Name,
                    role = account.Role,
                    created_at = account.CreatedAt,
                    api_key = key,
                });
            }
        });

        v1.MapGet(Base + "/{serviceAccountId}", (string projectId, string serviceAccountId) =>
        {
            lock (state.Gate)
            {
                state.Projects.Get(projectId);
                return SimJson.Ok(store.Get(projectId, serviceAccountId));
            }
        });

        v1.MapPost(Base + "/{serviceAccountId}", (HttpContext context, string projectId, string serviceAccountId) =>
        {
            JsonBody body = JsonBody.Read(context, "name", "role");
            string? name = body.String("name", allowEmpty: false);
            string? role = body.Enum("role", new[] { "member", "owner" });
            lock (state.Gate)
            {
                ServiceAccountsStore.ActiveProject(state, projectId);
                ServiceAccountRecord account = store.Get(projectId, serviceAccountId);
                account.Name = name ?? account.Name;
                account.Role = role ?? account.Role;
                return SimJson.Ok(account);
            }
        });

        v1.MapDelete(Base + "/{serviceAccountId}", (string projectId, string serviceAccountId) =>
        {
            lock (state.Gate)
            {
                ServiceAccountsStore.ActiveProject(state, projectId);
                ServiceAccountRecord account = store.Get(projectId, serviceAccountId);
                store.Items.Remove(account);
                // The account's keys go with it.
                state.ProjectApiKeys.Items.RemoveAll(k => k.ProjectId == projectId && k.Owner.ServiceAccount?.Id == account.Id);
                return SimJson.Ok(new { @object = "organization.project.service_account.deleted", id = account.Id, deleted = true });
            }
        });

        v1.MapPost(Base + "/{serviceAccountId}/api_keys", (HttpContext context, string projectId, string serviceAccountId) =>
        {
            JsonBody body = JsonBody.Read(context, "name", "scopes");
            string? name = body.String("name", allowEmpty: false);
            body.StringArray("scopes", 0, 100);
            lock (state.Gate)
            {
                ServiceAccountsStore.ActiveProject(state, projectId);
                ServiceAccountRecord account = store.Get(projectId, serviceAccountId);
                return SimJson.Ok(state.ProjectApiKeys.IssueForServiceAccount(state, account, name ?? "Secret key"));
            }
        });
    }
}
