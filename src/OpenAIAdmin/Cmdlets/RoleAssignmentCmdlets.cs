using System.Management.Automation;

namespace OpenAIAdmin.Commands
{
    // Binding: Get-* takes the principal from piped users or groups (their Id binds -UserId/-GroupId);
    // Add-* and Remove-* take the role from piped roles (their Id binds -RoleId) while the principal is named
    // explicitly, and Remove-* also takes assignments piped from Get-* (-InputObject, which names the role).

    [Cmdlet(VerbsCommon.Get, "OAIUserRole", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [ApiOperation("GET", "/organization/users/{user_id}/roles")]
    [ApiOperation("GET", "/organization/users/{user_id}/roles/{role_id}")]
    [OutputType(typeof(UserRoleAssignment))]
    public sealed class GetOAIUserRoleCommand : OAICmdlet
    {
        private const string RoleSet = "Role";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "user_id")]
        [ValidateNotNullOrEmpty]
        public string UserId { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = RoleSet, ValueFromPipelineByPropertyName = true)]
        [Alias("role_id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(RoleIdCompleter))]
        public string[] RoleId { get; set; } = null!;

        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, 1000)]
        public int? PageSize { get; set; }

        protected override object? ErrorTarget => UserId;

        protected override void ProcessItem()
        {
            if (ParameterSetName == RoleSet)
            {
                WriteEach(RoleId, id => Client.UserRoles.GetAsync(UserId, id, CancellationToken));

                return;
            }

            WriteList(o => Client.UserRoles.ListAsync(UserId, null, o, CancellationToken), PageSize);
        }
    }

    [Cmdlet(VerbsCommon.Add, "OAIUserRole", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [ApiOperation("POST", "/organization/users/{user_id}/roles")]
    [OutputType(typeof(UserRoleAssignment))]
    public sealed class AddOAIUserRoleCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("user_id")]
        [ValidateNotNullOrEmpty]
        public string UserId { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "role_id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(RoleIdCompleter))]
        public string RoleId { get; set; } = null!;

        protected override object? ErrorTarget => RoleId;

        protected override void ProcessItem()
        {
            if (!ShouldProcess($"user {UserId}", $"Assign role {RoleId}"))
            {
                return;
            }

            WriteObject(Await(Client.UserRoles.AssignAsync(UserId, RoleId, CancellationToken)));
        }
    }

    [Cmdlet(VerbsCommon.Remove, "OAIUserRole", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = InputObjectSet)]
    [ApiOperation("DELETE", "/organization/users/{user_id}/roles/{role_id}")]
    [OutputType(typeof(DeletedRoleAssignment))]
    public sealed class RemoveOAIUserRoleCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("user_id")]
        [ValidateNotNullOrEmpty]
        public string UserId { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "role_id")]
        [ValidateNotNullOrEmpty]
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
            string target = $"{RoleText.Target(FromObject ? InputObject.RoleName : null, role)} of user {user}";
            if (!ShouldChange(target, "Unassign", Force))
            {
                return;
            }

            DeletedRoleAssignment deleted = Await(Client.UserRoles.UnassignAsync(user, role, CancellationToken));
            if (PassThru)
            {
                WriteObject(deleted);
            }
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
        [Alias("Id", "group_id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(GroupIdCompleter))]
        public string GroupId { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = RoleSet, ValueFromPipelineByPropertyName = true)]
        [Alias("role_id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(RoleIdCompleter))]
        public string[] RoleId { get; set; } = null!;

        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, 1000)]
        public int? PageSize { get; set; }

        protected override object? ErrorTarget => GroupId;

        protected override void ProcessItem()
        {
            if (ParameterSetName == RoleSet)
            {
                WriteEach(RoleId, id => Client.GroupRoles.GetAsync(GroupId, id, CancellationToken));

                return;
            }

            WriteList(o => Client.GroupRoles.ListAsync(GroupId, null, o, CancellationToken), PageSize);
        }
    }

    [Cmdlet(VerbsCommon.Add, "OAIGroupRole", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [ApiOperation("POST", "/organization/groups/{group_id}/roles")]
    [OutputType(typeof(GroupRoleAssignment))]
    public sealed class AddOAIGroupRoleCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("group_id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(GroupIdCompleter))]
        public string GroupId { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "role_id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(RoleIdCompleter))]
        public string RoleId { get; set; } = null!;

        protected override object? ErrorTarget => RoleId;

        protected override void ProcessItem()
        {
            if (!ShouldProcess($"group {GroupId}", $"Assign role {RoleId}"))
            {
                return;
            }

            WriteObject(Await(Client.GroupRoles.AssignAsync(GroupId, RoleId, CancellationToken)));
        }
    }

    [Cmdlet(VerbsCommon.Remove, "OAIGroupRole", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = InputObjectSet)]
    [ApiOperation("DELETE", "/organization/groups/{group_id}/roles/{role_id}")]
    [OutputType(typeof(DeletedRoleAssignment))]
    public sealed class RemoveOAIGroupRoleCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("group_id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(GroupIdCompleter))]
        public string GroupId { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "role_id")]
        [ValidateNotNullOrEmpty]
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
            string target = $"{RoleText.Target(FromObject ? InputObject.RoleName : null, role)} of group {group}";
            if (!ShouldChange(target, "Unassign", Force))
            {
                return;
            }

            DeletedRoleAssignment deleted = Await(Client.GroupRoles.UnassignAsync(group, role, CancellationToken));
            if (PassThru)
            {
                WriteObject(deleted);
            }
        }
    }
}
