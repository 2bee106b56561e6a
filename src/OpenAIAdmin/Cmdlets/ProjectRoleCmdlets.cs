using System.Collections.Generic;
using System.Management.Automation;

namespace OpenAIAdmin.Commands
{
    // Project roles: -ProjectId is the parent, -Id the role (alias RoleId). A ProjectRole carries its ProjectId, so it
    // pipes into Set-/Remove-OAIProjectRole and into Add-OAIProjectUserRole/Add-OAIProjectGroupRole.

    [Cmdlet(VerbsCommon.Get, "OAIProjectRole", SupportsPaging = true)]
    [ApiOperation("GET", "/projects/{project_id}/roles")]
    [ApiOperation("GET", "/projects/{project_id}/roles/{role_id}")]
    [OutputType(typeof(ProjectRole))]
    public sealed class GetOAIProjectRoleCommand : OAIProjectCmdlet
    {
        /// <summary>Looks up these roles instead of listing all.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("RoleId", "role_id")]
        [PipedBlankIsAbsent]
        [ArgumentCompleter(typeof(ProjectRoleIdCompleter))]
        public string[]? Id { get; set; }

        [Parameter]
        [SupportsWildcards]
        [ValidateNotBlank]
        public string? Name { get; set; }

        [Parameter]
        [ValidateRange(1, 1000)]
        [WholeNumber]
        public int? PageSize { get; set; }

        protected override object? ErrorTarget => ProjectId;

        protected override void ProcessItem() =>
            GetOrList(Id, id => Client.Projects.Roles.GetAsync(ProjectId, id, CancellationToken),
                o => Client.Projects.Roles.ListAsync(ProjectId, null, o, CancellationToken), PageSize, Name, r => r.Name);
    }

    [Cmdlet(VerbsCommon.New, "OAIProjectRole", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [ApiOperation("POST", "/projects/{project_id}/roles")]
    [OutputType(typeof(ProjectRole))]
    public sealed class NewOAIProjectRoleCommand : OAIProjectCmdlet
    {
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotBlank]
        public string Name { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 2)]
        [Alias("Permissions")]
        [ValidateNotBlank]
        public string[] Permission { get; set; } = null!;

        [Parameter]
        [ValidateNotBlank]
        public string? Description { get; set; }

        protected override object? ErrorTarget => Name;

        protected override void ProcessItem()
        {
            List<string> permissions = RoleText.Distinct(Permission);
            var request = new RoleCreateRequest { RoleName = Name, Permissions = permissions, Description = Description };
            Change($"role '{Name}' with {RoleText.Permissions(permissions)} in {Describe("project", ProjectId)}", "Create",
                () => Client.Projects.Roles.CreateAsync(ProjectId, request, CancellationToken));
        }
    }

    [Cmdlet(VerbsCommon.Set, "OAIProjectRole", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = InputObjectSet)]
    [ApiOperation("POST", "/projects/{project_id}/roles/{role_id}")]
    [OutputType(typeof(ProjectRole))]
    public sealed class SetOAIProjectRoleCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("project_id")]
        [ValidateNotBlank]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        public string ProjectId { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("RoleId", "role_id")]
        [ValidateNotBlank]
        [ArgumentCompleter(typeof(ProjectRoleIdCompleter))]
        public string Id { get; set; } = null!;

        [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public ProjectRole InputObject { get; set; } = null!;

        /// <summary>The new name.</summary>
        [Parameter]
        [ValidateNotBlank]
        public string? Name { get; set; }

        /// <summary>The complete new permission set (replaces the current one).</summary>
        [Parameter]
        [Alias("Permissions")]
        [ValidateNotBlank]
        public string[]? Permission { get; set; }

        /// <summary>The new description; an empty string clears it.</summary>
        [Parameter]
        [AllowEmptyString]
        [ValidateNotNull]
        public string? Description { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private string TargetProjectId => ParameterSetName == InputObjectSet ? InputObject.ProjectId : ProjectId;

        protected override object? ErrorTarget => TargetId(Id);

        protected override void ProcessItem()
        {
            string id = TargetId(Id);
            string projectId = TargetProjectId;
            if (Name == null && Permission == null && Description == null)
            {
                ThrowTerminatingError(ErrorRecords.Create(ErrorRecords.NothingToChange, ErrorCategory.InvalidArgument,
                    "Give -Name, -Permission or -Description: there is nothing to change.", id));
            }

            string changes = Changes(
                Name != null ? $"Rename to '{Name}'" : null,
                Permission != null ? $"Set {RoleText.Permissions(RoleText.Distinct(Permission))}" : null,
                Description == null ? null : Description.Length == 0 ? "Clear the description" : "Set the description");

            var request = new RoleUpdateRequest
            {
                RoleName = Name,
                Permissions = Permission == null ? null : RoleText.Distinct(Permission),
                Description = Description,
            };
            Change($"{Describe("role", id)} in project {projectId}", changes, () => Client.Projects.Roles.UpdateAsync(projectId, id, request, CancellationToken));
        }
    }

    [Cmdlet(VerbsCommon.Remove, "OAIProjectRole", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = InputObjectSet)]
    [ApiOperation("DELETE", "/projects/{project_id}/roles/{role_id}")]
    [OutputType(typeof(DeletedObject))]
    public sealed class RemoveOAIProjectRoleCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("project_id")]
        [ValidateNotBlank]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        public string ProjectId { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("RoleId", "role_id")]
        [ValidateNotBlank]
        [ArgumentCompleter(typeof(ProjectRoleIdCompleter))]
        public string Id { get; set; } = null!;

        [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public ProjectRole InputObject { get; set; } = null!;

        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private string TargetProjectId => ParameterSetName == InputObjectSet ? InputObject.ProjectId : ProjectId;

        protected override object? ErrorTarget => TargetId(Id);

        protected override void ProcessItem()
        {
            string id = TargetId(Id);
            string projectId = TargetProjectId;
            Change($"{Describe("role", id)} in project {projectId}", "Delete (users and groups holding it in the project lose it)",
                () => Client.Projects.Roles.DeleteAsync(projectId, id, CancellationToken));
        }
    }
}
