using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAIAdmin.Resources
{
    /// <summary>A project's model policy: <c>/organization/projects/{project_id}/model_permissions</c> (one object, no list).</summary>
    public sealed class ProjectModelPermissionsClient : ResourceClient
    {
        internal ProjectModelPermissionsClient(ApiConnection connection) : base(connection) { }

        public async Task<ProjectModelPermissions> GetAsync(string projectId, CancellationToken cancellationToken = default) =>
            InProject(projectId, await Connection.GetAsync<ProjectModelPermissions>(Path(projectId), null, cancellationToken).ConfigureAwait(false));

        /// <param name="mode"><c>allow_list</c> or <c>deny_list</c>.</param>
        public async Task<ProjectModelPermissions> UpdateAsync(string projectId, string mode, IReadOnlyCollection<string> modelIds, CancellationToken cancellationToken = default)
        {
            if (mode != "allow_list" && mode != "deny_list")
            {
                throw InputError.Invalid($"'{InputError.Shorten(mode ?? string.Empty)}' is not a model permission mode; use allow_list or deny_list.");
            }

            var request = new ModelPermissionsRequest { Mode = mode, ModelIds = (modelIds ?? new string[0]).Distinct().ToList() };
            return InProject(projectId, await Connection.PostAsync<ProjectModelPermissions>(Path(projectId), request, cancellationToken).ConfigureAwait(false));
        }

        /// <summary>Lifts the policy; the API's answer has no id, so <see cref="DeletedObject.Id"/> is the project id.</summary>
        public Task<DeletedObject> DeleteAsync(string projectId, CancellationToken cancellationToken = default) =>
            Delete(() => Path(projectId), projectId, cancellationToken, projectId);

        private static string Path(string projectId) => ApiPath.Project(projectId) + "/model_permissions";

        private static ProjectModelPermissions InProject(string projectId, ProjectModelPermissions permissions)
        {
            permissions.ProjectId = projectId;
            return permissions;
        }

        private sealed class ModelPermissionsRequest
        {
            public string Mode { get; set; } = string.Empty;

            public List<string> ModelIds { get; set; } = new List<string>();
        }
    }

    /// <summary>A project's hosted tools: <c>/organization/projects/{project_id}/hosted_tool_permissions</c>.</summary>
    public sealed class ProjectHostedToolPermissionsClient : ResourceClient
    {
        internal ProjectHostedToolPermissionsClient(ApiConnection connection) : base(connection) { }

        public async Task<ProjectHostedToolPermissions> GetAsync(string projectId, CancellationToken cancellationToken = default) =>
            (await Connection.GetAsync<Wire>(Path(projectId), null, cancellationToken).ConfigureAwait(false)).ToPublic(projectId);

        /// <summary>Changes the tools set in <paramref name="update"/>; the others are not sent and keep their state.</summary>
        public async Task<ProjectHostedToolPermissions> UpdateAsync(string projectId, HostedToolPermissionsUpdate update, CancellationToken cancellationToken = default)
        {
            if (update == null || update.IsEmpty)
            {
                throw InputError.Invalid("Give at least one hosted tool to enable or disable.");
            }

            var request = new Wire
            {
                FileSearch = Tool.Of(update.FileSearch),
                WebSearch = Tool.Of(update.WebSearch),
                ImageGeneration = Tool.Of(update.ImageGeneration),
                Mcp = Tool.Of(update.Mcp),
                CodeInterpreter = Tool.Of(update.CodeInterpreter),
            };
            return (await Connection.PostAsync<Wire>(Path(projectId), request, cancellationToken).ConfigureAwait(false)).ToPublic(projectId);
        }

        private static string Path(string projectId) => ApiPath.Project(projectId) + "/hosted_tool_permissions";

        /// <summary><c>ProjectHostedToolPermissions</c> and its update request: one <c>{enabled}</c> per tool.</summary>
        private sealed class Wire
        {
            public Tool? FileSearch { get; set; }

            public Tool? WebSearch { get; set; }

            public Tool? ImageGeneration { get; set; }

            public Tool? Mcp { get; set; }

            public Tool? CodeInterpreter { get; set; }

            public ProjectHostedToolPermissions ToPublic(string projectId) => new ProjectHostedToolPermissions
            {
                ProjectId = projectId,
                FileSearch = FileSearch?.Enabled,
                WebSearch = WebSearch?.Enabled,
                ImageGeneration = ImageGeneration?.Enabled,
                Mcp = Mcp?.Enabled,
                CodeInterpreter = CodeInterpreter?.Enabled,
            };
        }

        private sealed class Tool
        {
            public bool Enabled { get; set; }

            public static Tool? Of(bool? enabled) => enabled == null ? null : new Tool { Enabled = enabled.Value };
        }
    }

    public sealed partial class ProjectsClient
    {
        private ProjectModelPermissionsClient? _modelPermissions;
        private ProjectHostedToolPermissionsClient? _hostedToolPermissions;

        /// <summary>A project's model allow or deny list.</summary>
        public ProjectModelPermissionsClient ModelPermissions => _modelPermissions ??= new ProjectModelPermissionsClient(Connection);

        /// <summary>Which hosted tools a project may use.</summary>
        public ProjectHostedToolPermissionsClient HostedToolPermissions => _hostedToolPermissions ??= new ProjectHostedToolPermissionsClient(Connection);
    }
}
