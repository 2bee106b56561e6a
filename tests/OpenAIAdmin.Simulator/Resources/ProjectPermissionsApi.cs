using OpenAIAdmin.Simulator.Infrastructure;

namespace OpenAIAdmin.Simulator.Resources;

/// <summary>The API's <c>ProjectModelPermissions</c> (inventory §6.30).</summary>
internal sealed record ModelPermissionsRecord(string Mode, List<string> ModelIds)
{
    [System.Text.Json.Serialization.JsonPropertyOrder(-1)]
    public string Object => "project.model_permissions";
}

/// <summary>One tool of <c>ProjectHostedToolPermissions</c> (inventory §6.31).</summary>
internal sealed record HostedToolRecord(bool Enabled);

internal sealed record HostedToolsRecord(HostedToolRecord FileSearch, HostedToolRecord WebSearch, HostedToolRecord ImageGeneration, HostedToolRecord Mcp, HostedToolRecord CodeInterpreter);

internal sealed class ProjectPermissionsStore : IResourceStore
{
    /// <summary>A project without a policy: a deny list of nothing, i.e. every model allowed.</summary>
    public static readonly ModelPermissionsRecord NoPolicy = new("deny_list", new List<string>());

    public Dictionary<string, ModelPermissionsRecord> Models { get; } = new();

    public Dictionary<string, HostedToolsRecord> Tools { get; } = new();

    public void Seed(SimState state)
    {
        Models.Clear();
        Tools.Clear();
        Models[ProjectsStore.Seeded[1].Id] = new ModelPermissionsRecord("allow_list", new List<string> { "gpt-4o", "gpt-4o-mini" });
        Models[ProjectsStore.Seeded[3].Id] = new ModelPermissionsRecord("deny_list", new List<string> { "dall-e-3" });
        var on = new HostedToolRecord(true);
        var off = new HostedToolRecord(false);
        Tools[ProjectsStore.Seeded[3].Id] = new HostedToolsRecord(on, off, on, off, on);
    }

    /// <summary>Every tool is enabled until a project turns it off.</summary>
    public HostedToolsRecord ToolsOf(string projectId)
    {
        var on = new HostedToolRecord(true);
        return Tools.TryGetValue(projectId, out HostedToolsRecord? tools) ? tools : new HostedToolsRecord(on, on, on, on, on);
    }
}

/// <summary>Project model permissions (retrieve, update, delete) and hosted tool permissions (retrieve, update).</summary>
internal static class ProjectPermissionsApi
{
    private static readonly string[] Modes = { "allow_list", "deny_list" };

    public static void Map(RouteGroupBuilder v1, SimState state)
    {
        ProjectPermissionsStore store = state.ProjectPermissions;

        v1.MapGet("/organization/projects/{projectId}/model_permissions", (string projectId) =>
        {
            lock (state.Gate)
            {
                state.Projects.Get(projectId);
                return SimJson.Ok(store.Models.GetValueOrDefault(projectId, ProjectPermissionsStore.NoPolicy));
            }
        });

        v1.MapPost("/organization/projects/{projectId}/model_permissions", (HttpContext context, string projectId) =>
        {
            JsonBody body = JsonBody.Read(context, "mode", "model_ids");
            string mode = body.Enum("mode", Modes, required: true)!;
            IReadOnlyList<string> ids = body.StringArray("model_ids", 0, 1000, required: true)!;
            lock (state.Gate)
            {
                ServiceAccountsStore.ActiveProject(state, projectId);
                var policy = new ModelPermissionsRecord(mode, ids.Distinct().ToList());
                store.Models[projectId] = policy;
                return SimJson.Ok(policy);
            }
        });

        v1.MapDelete("/organization/projects/{projectId}/model_permissions", (string projectId) =>
        {
            lock (state.Gate)
            {
                ServiceAccountsStore.ActiveProject(state, projectId);
                store.Models.Remove(projectId);
                return SimJson.Ok(new { @object = "project.model_permissions.deleted", deleted = true });
            }
        });

        v1.MapGet("/organization/projects/{projectId}/hosted_tool_permissions", (string projectId) =>
        {
            lock (state.Gate)
            {
                state.Projects.Get(projectId);
                return SimJson.Ok(store.ToolsOf(projectId));
            }
        });

        v1.MapPost("/organization/projects/{projectId}/hosted_tool_permissions", (HttpContext context, string projectId) =>
        {
            JsonBody body = JsonBody.Read(context, "file_search", "web_search", "image_generation", "mcp", "code_interpreter");
            HostedToolRecord? Read(string name) =>
                body.Object(name, "enabled") is JsonBody tool ? new HostedToolRecord(tool.Bool("enabled") ?? throw ApiException.Missing(name + ".enabled")) : null;
            HostedToolRecord? fileSearch = Read("file_search"), webSearch = Read("web_search"), imageGeneration = Read("image_generation"),
                mcp = Read("mcp"), codeInterpreter = Read("code_interpreter");
            lock (state.Gate)
            {
                ServiceAccountsStore.ActiveProject(state, projectId);
                HostedToolsRecord current = store.ToolsOf(projectId);
                var updated = new HostedToolsRecord(fileSearch ?? current.FileSearch, webSearch ?? current.WebSearch,
                    imageGeneration ?? current.ImageGeneration, mcp ?? current.Mcp, codeInterpreter ?? current.CodeInterpreter);
                store.Tools[projectId] = updated;
                return SimJson.Ok(updated);
            }
        });
    }
}
