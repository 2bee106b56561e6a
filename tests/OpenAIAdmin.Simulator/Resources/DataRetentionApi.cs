using OpenAIAdmin.Simulator.Infrastructure;

namespace OpenAIAdmin.Simulator.Resources;

/// <summary>
/// Data retention of the organization and of each project (inventory §6.24, §6.25). The organization's type is one of
/// four (there is no "default" for it in the contract); a project follows the organization (<c>organization_default</c>)
/// until it is set to its own.
/// </summary>
internal sealed class DataRetentionStore : IResourceStore
{
    public static readonly string[] OrganizationTypes =
    {
        "zero_data_retention", "modified_abuse_monitoring", "enhanced_zero_data_retention", "enhanced_modified_abuse_monitoring",
    };

    public static readonly string[] ProjectTypes = new[] { "organization_default", "none" }.Concat(OrganizationTypes).ToArray();

    public string Organization { get; set; } = "modified_abuse_monitoring";

    /// <summary>Projects set to their own type; every other project answers <c>organization_default</c>.</summary>
    public Dictionary<string, string> Projects { get; } = new(StringComparer.Ordinal);

    public void Seed(SimState state)
    {
        Organization = "modified_abuse_monitoring";
        Projects.Clear();
        // Data science keeps no data at all.
        Projects[ProjectsStore.Seeded[2].Id] = "zero_data_retention";
    }
}

/// <summary>Organization and project data retention: get, update (<c>retention_type</c> in, <c>type</c> out).</summary>
internal static class DataRetentionApi
{
    public static void Map(RouteGroupBuilder v1, SimState state)
    {
        DataRetentionStore store = state.DataRetention;

        v1.MapGet("/organization/data_retention", () =>
        {
            lock (state.Gate)
            {
                return SimJson.Ok(new { @object = "organization.data_retention", type = store.Organization });
            }
        });

        v1.MapPost("/organization/data_retention", (HttpContext context) =>
        {
            JsonBody body = JsonBody.Read(context, "retention_type");
            string type = body.Enum("retention_type", DataRetentionStore.OrganizationTypes, required: true)!;
            lock (state.Gate)
            {
                store.Organization = type;
                return SimJson.Ok(new { @object = "organization.data_retention", type });
            }
        });

        v1.MapGet("/organization/projects/{projectId}/data_retention", (string projectId) =>
        {
            lock (state.Gate)
            {
                state.Projects.Get(projectId);
                return SimJson.Ok(new { @object = "project.data_retention", type = store.Projects.GetValueOrDefault(projectId, "organization_default") });
            }
        });

        v1.MapPost("/organization/projects/{projectId}/data_retention", (HttpContext context, string projectId) =>
        {
            JsonBody body = JsonBody.Read(context, "retention_type");
            string type = body.Enum("retention_type", DataRetentionStore.ProjectTypes, required: true)!;
            lock (state.Gate)
            {
                ServiceAccountsStore.ActiveProject(state, projectId);
                if (type == "organization_default")
                {
                    store.Projects.Remove(projectId);
                }
                else
                {
                    store.Projects[projectId] = type;
                }

                return SimJson.Ok(new { @object = "project.data_retention", type });
            }
        });
    }
}
