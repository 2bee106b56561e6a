using System;
using System.Management.Automation;

namespace OpenAIAdmin.Commands
{
    // Project groups. -ProjectId is the parent; -Id is the group on the three *-OAIProjectGroup cmdlets (groups piped
    // from Get-OAIGroup bind it by their GroupId alias property). A ProjectGroup has ProjectId and GroupId and no Id.
    // On the role cmdlets -GroupId is the principal and -RoleId (alias Id) the role, as on *-OAIGroupRole.

    [Cmdlet(VerbsCommon.Get, "OAIProjectGroup", SupportsPaging = true)]
    [ApiOperation("GET", "/organization/projects/{project_id}/groups")]
    [ApiOperation("GET", "/organization/projects/{project_id}/groups/{group_id}")]
    [OutputType(typeof(ProjectGroup))]
    public sealed class GetOAIProjectGroupCommand : OAIProjectCmdlet
    {
        /// <summary>Looks up these groups of the project instead of listing all.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("GroupId", "group_id")]
        [PipedBlankIsAbsent]
        [ArgumentCompleter(typeof(GroupIdCompleter))]
        public string[]? Id { get; set; }

        /// <summary>The kind of group: with -Id the kind to look up (the API's default is group), else the kind listed.</summary>
        [Parameter]
        [ValidateSet("group", "tenant_group")]
        public string? GroupType { get; set; }

        [Parameter]
        [SupportsWildcards]
        [ValidateNotBlank]
        public string? Name { get; set; }

        [Parameter]
        [ValidateRange(1, 100)]
        [WholeNumber]
        public int? PageSize { get; set; }

        protected override object? ErrorTarget => ProjectId;

        protected override void ProcessItem()
        {
            string? groupType = GroupType;
            GetOrList(Id, id => Client.Projects.Groups.GetAsync(ProjectId, id, groupType, CancellationToken),
                o => Client.Projects.Groups.ListAsync(ProjectId, null, o, CancellationToken), PageSize, Name, g => g.GroupName,
                groupType == null ? null : g => string.Equals(g.GroupType, groupType, StringComparison.Ordinal));
        }
    }

    [Cmdlet(VerbsCommon.Add, "OAIProjectGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [ApiOperation("POST", "/organization/projects/{project_id}/groups")]
    [OutputType(typeof(ProjectGroup))]
    public sealed class AddOAIProjectGroupCommand : OAIProjectCmdlet
    {
        /// <summary>The group to give access; groups piped from Get-OAIGroup bind here.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("GroupId", "group_id")]
        [ValidateNotBlank]
        [ArgumentCompleter(typeof(GroupIdCompleter))]
        public string Id { get; set; } = null!;

        /// <summary>The project role the group gets: a role id of the project (Get-OAIProjectRole).</summary>
        [Parameter(Mandatory = true, Position = 2)]
        [Alias("role_id")]
        [ValidateNotBlank]
        [ArgumentCompleter(typeof(ProjectRoleIdCompleter))]
        public string RoleId { get; set; } = null!;

        protected override object? ErrorTarget => Id;

        protected override void ProcessItem() =>
            Change(Describe("project", ProjectId), $"Give {Describe("group", Id)} access with role {RoleId}",
                () => Client.Projects.Groups.AddAsync(ProjectId, Id, RoleId, CancellationToken));
    }

    [Cmdlet(VerbsCommon.Remove, "OAIProjectGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = InputObjectSet)]
    [ApiOperation("DELETE", "/organization/projects/{project_id}/groups/{group_id}")]
    [OutputType(typeof(DeletedObject))]
    public sealed class RemoveOAIProjectGroupCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("project_id")]
        [ValidateNotBlank]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        public string ProjectId { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("GroupId", "group_id")]
        [ValidateNotBlank]
        [ArgumentCompleter(typeof(GroupIdCompleter))]
        public string Id { get; set; } = null!;

        /// <summary>A project group piped from Get-OAIProjectGroup; the confirmation then names the group.</summary>
        [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public ProjectGroup InputObject { get; set; } = null!;

        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private bool FromObject => ParameterSetName == InputObjectSet;

        protected override object? ErrorTarget => FromObject ? InputObject.GroupId : Id;

        protected override void ProcessItem()
        {
            string project = FromObject ? InputObject.ProjectId : ProjectId;
            string group = FromObject ? Target("group", InputObject.GroupId, InputObject.GroupName) : Describe("group", Id);
            string groupId = FromObject ? InputObject.GroupId : Id;
            Change($"{group} in project {project}", "Revoke the group's access to the project (and its project roles there)",
                () => Client.Projects.Groups.RemoveAsync(project, groupId, CancellationToken));
        }
    }

    [Cmdlet(VerbsCommon.Get, "OAIProjectGroupRole", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [ApiOperation("GET", "/projects/{project_id}/groups/{group_id}/roles")]
    [ApiOperation("GET", "/projects/{project_id}/groups/{group_id}/roles/{role_id}")]
    [OutputType(typeof(ProjectGroupRoleAssignment))]
    public sealed class GetOAIProjectGroupRoleCommand : OAIProjectCmdlet
    {
        private const string RoleSet = "Role";

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("group_id")]
        [ValidateNotBlank]
        [ArgumentCompleter(typeof(GroupIdCompleter))]
        public string GroupId { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 2, ParameterSetName = RoleSet)]
        [Alias("Id", "role_id")]
        [ValidateNotBlank]
        [ArgumentCompleter(typeof(ProjectRoleIdCompleter))]
        public string[] RoleId { get; set; } = null!;

        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, 1000)]
        [WholeNumber]
        public int? PageSize { get; set; }

        protected override object? ErrorTarget => GroupId;

        protected override void ProcessItem() =>
            GetOrList(RoleId, id => Client.Projects.Groups.Roles.GetAsync(ProjectId, GroupId, id, CancellationToken),
                o => Client.Projects.Groups.Roles.ListAsync(ProjectId, GroupId, null, o, CancellationToken), PageSize);
    }

    [Cmdlet(VerbsCommon.Add, "OAIProjectGroupRole", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [ApiOperation("POST", "/projects/{project_id}/groups/{group_id}/roles")]
    [OutputType(typeof(ProjectGroupRoleAssignment))]
    public sealed class AddOAIProjectGroupRoleCommand : OAIProjectCmdlet
    {
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("group_id")]
        [ValidateNotBlank]
        [ArgumentCompleter(typeof(GroupIdCompleter))]
        public string GroupId { get; set; } = null!;

        /// <summary>A role of the project; project roles piped from Get-OAIProjectRole bind here.</summary>
        [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "role_id")]
        [ValidateNotBlank]
        [ArgumentCompleter(typeof(ProjectRoleIdCompleter))]
        public string RoleId { get; set; } = null!;

        protected override object? ErrorTarget => GroupId;

        protected override void ProcessItem() =>
            Change($"group {GroupId} in project {ProjectId}", $"Assign {Describe("role", RoleId)}",
                () => Client.Projects.Groups.Roles.AssignAsync(ProjectId, GroupId, RoleId, CancellationToken));
    }

    [Cmdlet(VerbsCommon.Remove, "OAIProjectGroupRole", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = InputObjectSet)]
    [ApiOperation("DELETE", "/projects/{project_id}/groups/{group_id}/roles/{role_id}")]
    [OutputType(typeof(DeletedRoleAssignment))]
    public sealed class RemoveOAIProjectGroupRoleCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("project_id")]
        [ValidateNotBlank]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        public string ProjectId { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("group_id")]
        [ValidateNotBlank]
        [ArgumentCompleter(typeof(GroupIdCompleter))]
        public string GroupId { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 2, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "role_id")]
        [ValidateNotBlank]
        [ArgumentCompleter(typeof(ProjectRoleIdCompleter))]
        public string RoleId { get; set; } = null!;

        /// <summary>An assignment piped from Get-OAIProjectGroupRole; the confirmation then names the role.</summary>
        [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public ProjectGroupRoleAssignment InputObject { get; set; } = null!;

        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private bool FromObject => ParameterSetName == InputObjectSet;

        protected override object? ErrorTarget => FromObject ? InputObject.RoleId : RoleId;

        protected override void ProcessItem()
        {
            string project = FromObject ? InputObject.ProjectId : ProjectId;
            string group = FromObject ? InputObject.GroupId : GroupId;
            string role = FromObject ? InputObject.RoleId : RoleId;
            string target = $"{Target("role", role, FromObject ? InputObject.RoleName : null)} of group {group} in project {project}";
            Change(target, "Unassign", () => Client.Projects.Groups.Roles.UnassignAsync(project, group, role, CancellationToken));
        }
    }
}
