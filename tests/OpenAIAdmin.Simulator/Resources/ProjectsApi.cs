using System.Text.Json.Serialization;
using OpenAIAdmin.Simulator.Infrastructure;

namespace OpenAIAdmin.Simulator.Resources;

/// <summary>The API's <c>Project</c> object (inventory §6.12).</summary>
internal sealed class ProjectRecord
{
    public string Object => "organization.project";

    public required string Id { get; init; }

    public string? Name { get; set; }

    public long CreatedAt { get; init; }

    public long? ArchivedAt { get; set; }

    /// <summary><c>active</c> or <c>archived</c>.</summary>
    public string Status { get; set; } = "active";

    public string? ExternalKeyId { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Residency { get; set; }
}

internal sealed class ProjectsStore : IResourceStore
{
    public static readonly string DefaultProjectId = SeedIds.Project("default");

    /// <summary>Values of <c>PublicProjectResidency</c>.</summary>
    public static readonly string[] Residencies =
    {
        "GLOBAL", "US_STORAGE_PROCESSING", "EU_STORAGE_PROCESSING", "JP_STORAGE", "KR_STORAGE", "CA_STORAGE",
        "SG_STORAGE", "IN_STORAGE", "AU_STORAGE", "GB_STORAGE", "AE_STORAGE", "AE_STORAGE_PROCESSING",
    };

    /// <summary>Seeded projects, in creation order; the default project comes first.</summary>
    public static readonly (string Id, string Name, bool Archived)[] Seeded =
    {
        (DefaultProjectId, "Default project", false),
        (SeedIds.Project("productionchatbot"), "Production chatbot", false),
        (SeedIds.Project("datascience"), "Data science", false),
        (SeedIds.Project("supportbot"), "Support bot", false),
        (SeedIds.Project("internaltools"), "Internal tools", false),
        (SeedIds.Project("legacychatbot"), "Legacy chatbot", true),
        (SeedIds.Project("tmploadtest"), "tmp-load-test", false),
        (SeedIds.Project("tmpexperiment"), "tmp-experiment", false),
        (SeedIds.Project("tmphackathon"), "tmp-hackathon", false),
    };

    /// <summary>All projects in creation order (the list order).</summary>
    public List<ProjectRecord> Items { get; } = new();

    public void Seed(SimState state)
    {
        Items.Clear();
        for (int i = 0; i < Seeded.Length; i++)
        {
            var (id, name, archived) = Seeded[i];
            long created = SimState.At(TimeSpan.FromDays(i * 10));
            Items.Add(new ProjectRecord
            {
                Id = id,
                Name = name,
                CreatedAt = created,
                Status = archived ? "archived" : "active",
                ArchivedAt = archived ? created + (long)TimeSpan.FromDays(200).TotalSeconds : null,
                ExternalKeyId = i == 1 ? "ekm_key_prod_01" : null,
            });
        }
    }

    public ProjectRecord Get(string id) =>
        Items.Find(p => p.Id == id) ?? throw ApiException.NotFound("project", id);
}

/// <summary>Projects: list, create, retrieve, modify, archive.</summary>
internal static class ProjectsApi
{
    /// <summary>Id-cursor, limit 1..100 (default 20), no <c>order</c>.</summary>
    public static readonly ListContract List = ListContract.IdCursor(1, 100, 20);

    public static void Map(RouteGroupBuilder v1, SimState state)
    {
        ProjectsStore store = state.Projects;

        v1.MapGet("/organization/projects", (HttpContext context) =>
        {
            bool includeArchived = QueryReader.Bool(context, "include_archived", false);
            var list = ListRequest.Read(context, state, List);
            lock (state.Gate)
            {
                var visible = store.Items.Where(p => includeArchived || p.Status != "archived");
                return SimJson.Ok(list.Page("projects", visible, p => p.Id));
            }
        });

        v1.MapPost("/organization/projects", (HttpContext context) =>
        {
            JsonBody body = JsonBody.Read(context, "name", "residency", "external_key_id");
            string name = body.String("name", required: true, allowEmpty: false)!;
            string? residency = body.Enum("residency", ProjectsStore.Residencies);
            string? externalKeyId = body.String("external_key_id");
            lock (state.Gate)
            {
                var project = new ProjectRecord
                {
                    Id = state.Ids.New(IdShape.Project),
                    Name = name,
                    CreatedAt = state.Now,
                    ExternalKeyId = externalKeyId,
                    Residency = residency,
                };
                store.Items.Add(project);
                return SimJson.Ok(project);
            }
        });

        v1.MapGet("/organization/projects/{projectId}", (string projectId) =>
        {
            lock (state.Gate)
            {
                return SimJson.Ok(store.Get(projectId));
            }
        });

        v1.MapPost("/organization/projects/{projectId}", (HttpContext context, string projectId) =>
        {
            JsonBody body = JsonBody.Read(context, "name", "external_key_id");
            string? name = body.String("name", allowEmpty: false);
            string? externalKeyId = body.String("external_key_id");
            lock (state.Gate)
            {
                ProjectRecord project = store.Get(projectId);
                if (project.Id == ProjectsStore.DefaultProjectId)
                {
                    throw ApiException.BadRequest("The default project cannot be modified.", null, "default_project_immutable");
                }

                if (project.Status == "archived")
                {
                    throw ApiException.BadRequest($"Project '{projectId}' is archived; archived projects cannot be updated.", null, "project_archived");
                }

                project.Name = name ?? project.Name;
                project.ExternalKeyId = externalKeyId ?? project.ExternalKeyId;
                return SimJson.Ok(project);
            }
        });

        v1.MapPost("/organization/projects/{projectId}/archive", (HttpContext context, string projectId) =>
        {
            JsonBody.Read(context);
            lock (state.Gate)
            {
                ProjectRecord project = store.Get(projectId);
                if (project.Id == ProjectsStore.DefaultProjectId)
                {
                    throw ApiException.BadRequest("The default project cannot be archived.", null, "default_project_immutable");
                }

                // Archiving is idempotent: an archived project keeps its original archived_at.
                if (project.Status != "archived")
                {
                    project.Status = "archived";
                    project.ArchivedAt = state.Now;
                }

                return SimJson.Ok(project);
            }
        });
    }
}
