using System.Management.Automation;

namespace OpenAIAdmin.Commands
{
    // Binding: -Id is the role on all six cmdlets. Get-* takes the principal from piped users or groups (their UserId
    // and GroupId alias properties bind -UserId/-GroupId); Add-* and Remove-* take the role from piped roles (RoleId)
    // while the principal is named explicitly, and Remove-* also takes assignments piped from Get-* (-InputObject).

    [Cmdlet(VerbsCommon.Get, "OAIUserRole", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [ApiOperation("GET", "/organization/users/{user_id}/roles")]
    [ApiOperation("GET", "/organization/users/{user_id}/roles/{role_id}")]
    [OutputType(typeof(UserRoleAssignment))]
    public sealed class GetOAIUserRoleCommand : OAICmdlet
    {
        private const string RoleSet = "Role";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("user_id")]
        [ValidateNotBlank]
        public string UserId { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = RoleSet)]
        [Alias("Id", "role_id")]
        [ValidateNotBlank]
        [ArgumentCompleter(typeof(RoleIdCompleter))]
        public string[] RoleId { get; set; } = null!;

        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, 1000)]
        [WholeNumber]
        public int? PageSize { get; set; }

        protected override object? ErrorTarget => UserId;

        protected override void ProcessItem() =>
            GetOrList(RoleId, id => Client.Users.Roles.GetAsync(UserId, id, CancellationToken),
                o => Client.Users.Roles.ListAsync(UserId, null, o, CancellationToken), PageSize);
    }

    [Cmdlet(VerbsCommon.Add, "OAIUserRole", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [ApiOperation("POST", "/organization/users/{user_id}/roles")]
    [OutputType(typeof(UserRoleAssignment))]
    public sealed class AddOAIUserRoleCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("user_id")]
        [ValidateNotBlank]
        public string UserId { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "role_id")]
        [ValidateNotBlank]
        [ArgumentCompleter(typeof(RoleIdCompleter))]
        public string RoleId { get; set; } = null!;

        protected override object? ErrorTarget => UserId;

        protected override void ProcessItem() =>
            Change(Describe("user", UserId), $"Assign {Describe("role", RoleId)}", () => Client.Users.Roles.AssignAsync(UserId, RoleId, CancellationToken));
    }

    [Cmdlet(VerbsCommon.Remove, "OAIUserRole", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = InputObjectSet)]
    [ApiOperation("DELETE", "/organization/users/{user_id}/roles/{role_id}")]
    [OutputType(typeof(DeletedRoleAssignment))]
    public sealed class RemoveOAIUserRoleCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("user_id")]
        [ValidateNotBlank]
        public string UserId { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "role_id")]
        [ValidateNotBlank]
        [ArgumentCompleter(typeof(RoleIdCompleter))]
        public string RoleId { get; set; } = null!;

        [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public UserRoleAssignment InputObject { get; set; } = null!;

        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private bool FromObject => ParameterSetName == InputObjectSet;

        protected override object? ErrorTarget => FromObject ? InputObject.RoleId : RoleId;

        protected override void ProcessItem()
        {
            string user = FromObject ? InputObject.UserId : UserId;
            string role = FromObject ? InputObject.RoleId : RoleId;
            string target = $"{Target("role", role, FromObject ? InputObject.RoleName : null)} of user {user}";
            Change(target, "Unassign", () => Client.Users.Roles.UnassignAsync(user, role, CancellationToken));
        }
    }

    [Cmdlet(VerbsCommon.Get, "OAIGroupRole", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [ApiOperation("GET", "/organization/groups/{group_id}/roles")]
    [ApiOperation("GET", "/organization/groups/{group_id}/roles/{role_id}")]
    [OutputType(typeof(GroupRoleAssignment))]
    public sealed class GetOAIGroupRoleCommand : OAICmdlet
    {
        private const string RoleSet = "Role";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("group_id")]
        [ValidateNotBlank]
        [ArgumentCompleter(typeof(GroupIdCompleter))]
        public string GroupId { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = RoleSet)]
        [Alias("Id", "role_id")]
        [ValidateNotBlank]
        [ArgumentCompleter(typeof(RoleIdCompleter))]
        public string[] RoleId { get; set; } = null!;

        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, 1000)]
        [WholeNumber]
        public int? PageSize { get; set; }

        protected override object? ErrorTarget => GroupId;

        protected override void ProcessItem() =>
            GetOrList(RoleId, id => Client.Groups.Roles.GetAsync(GroupId, id, CancellationToken),
                o => Client.Groups.Roles.ListAsync(GroupId, null, o, CancellationToken), PageSize);
    }

    [Cmdlet(VerbsCommon.Add, "OAIGroupRole", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [ApiOperation("POST", "/organization/groups/{group_id}/roles")]
    [OutputType(typeof(GroupRoleAssignment))]
    public sealed class AddOAIGroupRoleCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("group_id")]
        [ValidateNotBlank]
        [ArgumentCompleter(typeof(GroupIdCompleter))]
        public string GroupId { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "role_id")]
        [ValidateNotBlank]
        [ArgumentCompleter(typeof(RoleIdCompleter))]
        public string RoleId { get; set; } = null!;

        protected override object? ErrorTarget => GroupId;

        protected override void ProcessItem() =>
            Change(Describe("group", GroupId), $"Assign {Describe("role", RoleId)}", () => Client.Groups.Roles.AssignAsync(GroupId, RoleId, CancellationToken));
    }

    [Cmdlet(VerbsCommon.Remove, "OAIGroupRole", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = InputObjectSet)]
    [ApiOperation("DELETE", "/organization/groups/{group_id}/roles/{role_id}")]
    [OutputType(typeof(DeletedRoleAssignment))]
    public sealed class RemoveOAIGroupRoleCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("group_id")]
        [ValidateNotBlank]
        [ArgumentCompleter(typeof(GroupIdCompleter))]
        public string GroupId { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "role_id")]
        [ValidateNotBlank]
        [ArgumentCompleter(typeof(RoleIdCompleter))]
        public string RoleId { get; set; } = null!;

        [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public GroupRoleAssignment InputObject { get; set; } = null!;

        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private bool FromObject => ParameterSetName == InputObjectSet;

        protected override object? ErrorTarget => FromObject ? InputObject.RoleId : RoleId;

        protected override void ProcessItem()
        {
            string group = FromObject ? InputObject.GroupId : GroupId;
            string role = FromObject ? InputObject.RoleId : RoleId;
            string target = $"{Target("role", role, FromObject ? InputObject.RoleName : null)} of group {group}";
            Change(target, "Unassign", () => Client.Groups.Roles.UnassignAsync(group, role, CancellationToken));
        }
    }
}
