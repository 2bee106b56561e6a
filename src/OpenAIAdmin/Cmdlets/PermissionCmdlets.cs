using System;
using System.Linq;
using System.Management.Automation;

namespace OpenAIAdmin.Commands
{
    [Cmdlet(VerbsCommon.Get, "OAIModelPermission")]
    [ApiOperation("GET", "/organization/projects/{project_id}/model_permissions")]
    [OutputType(typeof(ProjectModelPermissions))]
    [ScopeSetting(typeof(ProjectModelPermissions))]
    public sealed class GetOAIModelPermissionCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("project_id")]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        [ValidateNotBlank]
        public string ProjectId { get; set; } = null!;

        protected override object? ErrorTarget => ProjectId;

        protected override void ProcessItem() => WriteObject(Await(Client.Projects.ModelPermissions.GetAsync(ProjectId, CancellationToken)));
    }

    /// <summary>Replaces a project's model policy with an allow list or a deny list.</summary>
    [Cmdlet(VerbsCommon.Set, "OAIModelPermission", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [ApiOperation("POST", "/organization/projects/{project_id}/model_permissions")]
    [OutputType(typeof(ProjectModelPermissions))]
    [ScopeSetting(typeof(ProjectModelPermissions))]
    public sealed class SetOAIModelPermissionCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("project_id")]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        [ValidateNotBlank]
        public string ProjectId { get; set; } = null!;

        [Parameter(Mandatory = true)]
        [ApiSpelling("allow_list", "deny_list")]
        [ValidateSet("AllowList", "DenyList")]
        public string Mode { get; set; } = null!;

        /// <summary>The whole list: it replaces the current one. Not bound from the pipeline.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [AllowEmptyCollection]
        [ValidateNotNull]
        public string[] ModelId { get; set; } = null!;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override object? ErrorTarget => ProjectId;

        protected override void ProcessItem()
        {
            if (ModelId.Any(string.IsNullOrWhiteSpace))
            {
                ThrowTerminatingError(ErrorRecords.Create("InvalidModelId", ErrorCategory.InvalidArgument, "A model id in -ModelId is blank.", ProjectId));
            }

            string mode = Mode == "AllowList" ? "allow_list" : "deny_list";
            // What the confirmation names is what is sent: each id trimmed (' o3 ' would be stored as it is, and allow
            // nothing), and once (model ids do not differ by case).
            string[] modelIds = ModelId.Select(model => model.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            string models = modelIds.Length == 0 ? "no models" : string.Join(", ", modelIds);
            // An empty allow list blocks every model at once, as grave as Remove-OAIModelPermission opening them all:
            // it asks as ConfirmImpact High would.
            bool blocksAll = mode == "allow_list" && modelIds.Length == 0;
            string action = blocksAll ? "Allow no model at all (every model request of the project is refused)"
                : mode == "allow_list" ? $"Allow only {models}" : $"Deny {models}";
            Change($"model permissions of project {ProjectId}", action,
                () => Client.Projects.ModelPermissions.UpdateAsync(ProjectId, mode, modelIds, CancellationToken), highImpact: blocksAll);
        }
    }

    /// <summary>Lifts a project's model policy: every model becomes usable again.</summary>
    [Cmdlet(VerbsCommon.Remove, "OAIModelPermission", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [ApiOperation("DELETE", "/organization/projects/{project_id}/model_permissions")]
    [OutputType(typeof(DeletedObject))]
    [ScopeSetting(typeof(ProjectModelPermissions))]
    public sealed class RemoveOAIModelPermissionCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("project_id")]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        [ValidateNotBlank]
        public string ProjectId { get; set; } = null!;

        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override object? ErrorTarget => ProjectId;

        protected override void ProcessItem() =>
            Change($"model permissions of project {ProjectId}", "Delete (lifts the restriction)",
                () => Client.Projects.ModelPermissions.DeleteAsync(ProjectId, CancellationToken));
    }

    [Cmdlet(VerbsCommon.Get, "OAIHostedToolPermission")]
    [ApiOperation("GET", "/organization/projects/{project_id}/hosted_tool_permissions")]
    [OutputType(typeof(ProjectHostedToolPermissions))]
    [ScopeSetting(typeof(ProjectHostedToolPermissions))]
    public sealed class GetOAIHostedToolPermissionCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("project_id")]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        [ValidateNotBlank]
        public string ProjectId { get; set; } = null!;

        protected override object? ErrorTarget => ProjectId;

        protected override void ProcessItem() => WriteObject(Await(Client.Projects.HostedToolPermissions.GetAsync(ProjectId, CancellationToken)));
    }

    /// <summary>Enables or disables hosted tools in a project; only the tools given change.</summary>
    [Cmdlet(VerbsCommon.Set, "OAIHostedToolPermission", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [ApiOperation("POST", "/organization/projects/{project_id}/hosted_tool_permissions")]
    [OutputType(typeof(ProjectHostedToolPermissions))]
    [ScopeSetting(typeof(ProjectHostedToolPermissions))]
    public sealed class SetOAIHostedToolPermissionCommand : OAICmdlet
    {
        private static readonly string[] Tools = { "FileSearch", "WebSearch", "ImageGeneration", "Mcp", "CodeInterpreter" };

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("project_id")]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        [ValidateNotBlank]
        public string ProjectId { get; set; } = null!;

        [Parameter]
        [ValidateSet("FileSearch", "WebSearch", "ImageGeneration", "Mcp", "CodeInterpreter")]
        public string[]? Enable { get; set; }

        [Parameter]
        [ValidateSet("FileSearch", "WebSearch", "ImageGeneration", "Mcp", "CodeInterpreter")]
        public string[]? Disable { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override object? ErrorTarget => ProjectId;

        protected override void ProcessItem()
        {
            string[] enable = Enable ?? new string[0];
            string[] disable = Disable ?? new string[0];
            if (enable.Length == 0 && disable.Length == 0)
            {
                ThrowTerminatingError(ErrorRecords.Create(ErrorRecords.NothingToChange, ErrorCategory.InvalidArgument,
                    "Give -Enable or -Disable with the tools to change: there is nothing to change.", ProjectId));
            }

            string[] both = enable.Intersect(disable, StringComparer.OrdinalIgnoreCase).ToArray();
            if (both.Length > 0)
            {
                ThrowTerminatingError(ErrorRecords.Create("ConflictingToolChange", ErrorCategory.InvalidArgument,
                    $"{string.Join(", ", both)} cannot be both enabled and disabled.", ProjectId));
            }

            bool? State(string tool) =>
                enable.Contains(tool, StringComparer.OrdinalIgnoreCase) ? true : disable.Contains(tool, StringComparer.OrdinalIgnoreCase) ? (bool?)false : null;
            var update = new HostedToolPermissionsUpdate
            {
                FileSearch = State("FileSearch"),
                WebSearch = State("WebSearch"),
                ImageGeneration = State("ImageGeneration"),
                Mcp = State("Mcp"),
                CodeInterpreter = State("CodeInterpreter"),
            };
            string changes = Changes(
                enable.Length > 0 ? "Enable " + string.Join(", ", Tools.Where(t => State(t) == true)) : null,
                disable.Length > 0 ? "Disable " + string.Join(", ", Tools.Where(t => State(t) == false)) : null);
            Change($"hosted tools of project {ProjectId}", changes,
                () => Client.Projects.HostedToolPermissions.UpdateAsync(ProjectId, update, CancellationToken));
        }
    }
}
