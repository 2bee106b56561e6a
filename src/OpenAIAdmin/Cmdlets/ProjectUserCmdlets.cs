using System.Management.Automation;

namespace OpenAIAdmin.Commands
{
    // Project users. -ProjectId is the parent (projects piped in bind it by their ProjectId alias property); -Id is the
    // user on all four cmdlets (users piped from Get-OAIUser bind it by their UserId alias property). A project user
    // carries both, so it pipes from one cmdlet into the next.

    [Cmdlet(VerbsCommon.Get, "OAIProjectUser", SupportsPaging = true)]
    [ApiOperation("GET", "/organization/projects/{project_id}/users")]
    [ApiOperation("GET", "/organization/projects/{project_id}/users/{user_id}")]
    [OutputType(typeof(ProjectUser))]
    public sealed class GetOAIProjectUserCommand : OAIProjectCmdlet
    {
        /// <summary>Looks up these users of the project instead of listing all.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("UserId", "user_id")]
        [PipedBlankIsAbsent]
        public string[]? Id { get; set; }

        [Parameter]
        [SupportsWildcards]
        [ValidateNotBlank]
        public string? Name { get; set; }

        [Parameter]
        [ValidateRange(1, 100)]
        [WholeNumber]
        public int? PageSize { get; set; }

        protected override object? ErrorTarget => ProjectId;

        protected override void ProcessItem() =>
            GetOrList(Id, id => Client.Projects.Users.GetAsync(ProjectId, id, CancellationToken),
                o => Client.Projects.Users.ListAsync(ProjectId, o, CancellationToken), PageSize, Name, u => u.Name);
    }

    [Cmdlet(VerbsCommon.Add, "OAIProjectUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = IdSet)]
    [ApiOperation("POST", "/organization/projects/{project_id}/users")]
    [OutputType(typeof(ProjectUser))]
    public sealed class AddOAIProjectUserCommand : OAIProjectCmdlet
    {
        private const string EmailSet = "Email";

        /// <summary>The organization user to add; users piped from Get-OAIUser bind here.</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("UserId", "user_id")]
        [ValidateNotBlank]
        public string Id { get; set; } = null!;

        /// <summary>The e-mail address of the organization user to add (never bound from the pipeline).</summary>
        [Parameter(Mandatory = true, ParameterSetName = EmailSet)]
        [ValidateNotBlank]
        public string Email { get; set; } = null!;

        /// <summary>The project role; not bound from the pipeline, where an organization user's Role means something else.</summary>
        [Parameter(Mandatory = true)]
        [ValidateSet("owner", "member")]
        public string Role { get; set; } = null!;

        private bool ByEmail => ParameterSetName == EmailSet;

        protected override object? ErrorTarget => ByEmail ? Email : Id;

        protected override void ProcessItem()
        {
            string user = ByEmail ? $"user <{Email}>" : Describe("user", Id);
            Change(Describe("project", ProjectId), $"Add {user} as {Role}",
                () => Client.Projects.Users.AddAsync(ProjectId, ByEmail ? null : Id, ByEmail ? Email : null, Role, CancellationToken));
        }
    }

    [Cmdlet(VerbsCommon.Set, "OAIProjectUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [ApiOperation("POST", "/organization/projects/{project_id}/users/{user_id}")]
    [OutputType(typeof(ProjectUser))]
    public sealed class SetOAIProjectUserCommand : OAIProjectCmdlet
    {
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("UserId", "user_id")]
        [ValidateNotBlank]
        public string Id { get; set; } = null!;

        /// <summary>The new project role (not bound from the pipeline: a piped user's current role is not a change).</summary>
        [Parameter(Mandatory = true)]
        [ValidateSet("owner", "member")]
        public string Role { get; set; } = null!;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override object? ErrorTarget => Id;

        protected override void ProcessItem() =>
            Change($"{Describe("user", Id)} in project {ProjectId}", $"Make {Role} of the project",
                () => Client.Projects.Users.UpdateAsync(ProjectId, Id, Role, CancellationToken));
    }

    [Cmdlet(VerbsCommon.Remove, "OAIProjectUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = InputObjectSet)]
    [ApiOperation("DELETE", "/organization/projects/{project_id}/users/{user_id}")]
    [OutputType(typeof(DeletedObject))]
    public sealed class RemoveOAIProjectUserCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("project_id")]
        [ValidateNotBlank]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        public string ProjectId { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("UserId", "user_id")]
        [ValidateNotBlank]
        public string Id { get; set; } = null!;

        /// <summary>A project user piped from Get-OAIProjectUser; the confirmation then names the person.</summary>
        [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public ProjectUser InputObject { get; set; } = null!;

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
            Change($"{Describe("user", id)} in project {projectId}", "Remove from the project (the user stays in the organization)",
                () => Client.Projects.Users.RemoveAsync(projectId, id, CancellationToken));
        }
    }

    [Cmdlet(VerbsCommon.Get, "OAIProjectUserRole", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [ApiOperation("GET", "/projects/{project_id}/users/{user_id}/roles")]
    [ApiOperation("GET", "/projects/{project_id}/users/{user_id}/roles/{role_id}")]
    [OutputType(typeof(ProjectUserRoleAssignment))]
    public sealed class GetOAIProjectUserRoleCommand : OAIProjectCmdlet
    {
        private const string RoleSet = "Role";

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("user_id")]
        [ValidateNotBlank]
        public string UserId { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 2, ParameterSetName = RoleSet)]
        [Alias("Id", "role_id")]
        [ValidateNotBlank]
        [ArgumentCompleter(typeof(ProjectRoleIdCompleter))]
        public string[] RoleId { get; set; } = null!;

        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, 1000)]
        [WholeNumber]
        public int? PageSize { get; set; }

        protected override object? ErrorTarget => UserId;

        protected override void ProcessItem() =>
            GetOrList(RoleId, id => Client.Projects.Users.Roles.GetAsync(ProjectId, UserId, id, CancellationToken),
                o => Client.Projects.Users.Roles.ListAsync(ProjectId, UserId, null, o, CancellationToken), PageSize);
    }

    [Cmdlet(VerbsCommon.Add, "OAIProjectUserRole", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [ApiOperation("POST", "/projects/{project_id}/users/{user_id}/roles")]
    [OutputType(typeof(ProjectUserRoleAssignment))]
    public sealed class AddOAIProjectUserRoleCommand : OAIProjectCmdlet
    {
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("user_id")]
        [ValidateNotBlank]
        public string UserId { get; set; } = null!;

        /// <summary>A role of the project; project roles piped from Get-OAIProjectRole bind here.</summary>
        [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "role_id")]
        [ValidateNotBlank]
        [ArgumentCompleter(typeof(ProjectRoleIdCompleter))]
        public string RoleId { get; set; } = null!;

        protected override object? ErrorTarget => UserId;

        protected override void ProcessItem() =>
            Change($"user {UserId} in project {ProjectId}", $"Assign {Describe("role", RoleId)}",
                () => Client.Projects.Users.Roles.AssignAsync(ProjectId, UserId, RoleId, CancellationToken));
    }

    [Cmdlet(VerbsCommon.Remove, "OAIProjectUserRole", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = InputObjectSet)]
    [ApiOperation("DELETE", "/projects/{project_id}/users/{user_id}/roles/{role_id}")]
    [OutputType(typeof(DeletedRoleAssignment))]
    public sealed class RemoveOAIProjectUserRoleCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("project_id")]
        [ValidateNotBlank]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        public string ProjectId { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("user_id")]
        [ValidateNotBlank]
        public string UserId { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 2, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "role_id")]
        [ValidateNotBlank]
        [ArgumentCompleter(typeof(ProjectRoleIdCompleter))]
        public string RoleId { get; set; } = null!;

        /// <summary>An assignment piped from Get-OAIProjectUserRole; the confirmation then names the role.</summary>
        [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public ProjectUserRoleAssignment InputObject { get; set; } = null!;

        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private bool FromObject => ParameterSetName == InputObjectSet;

        protected override object? ErrorTarget => FromObject ? InputObject.RoleId : RoleId;

        protected override void ProcessItem()
        {
            string project = FromObject ? InputObject.ProjectId : ProjectId;
            string user = FromObject ? InputObject.UserId : UserId;
            string role = FromObject ? InputObject.RoleId : RoleId;
            string target = $"{Target("role", role, FromObject ? InputObject.RoleName : null)} of user {user} in project {project}";
            Change(target, "Unassign", () => Client.Projects.Users.Roles.UnassignAsync(project, user, role, CancellationToken));
        }
    }
}
