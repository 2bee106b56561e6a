using System.Management.Automation;

namespace OpenAIAdmin.Commands
{
    /// <summary>
    /// Members of a group. A group piped in binds to -InputObject, so each member also carries the group's name;
    /// other objects bind their GroupId or group_id property to -GroupId. -Id is the member (a user id) on all three
    /// member cmdlets.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OAIGroupMember", DefaultParameterSetName = InputObjectSet, SupportsPaging = true)]
    [ApiOperation("GET", "/organization/groups/{group_id}/users")]
    [ApiOperation("GET", "/organization/groups/{group_id}/users/{user_id}")]
    [OutputType(typeof(GroupMember))]
    public sealed class GetOAIGroupMemberCommand : OAICmdlet
    {
        private const string GroupIdSet = "GroupId";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = GroupIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("group_id")]
        [ValidateNotBlank]
        [ArgumentCompleter(typeof(GroupIdCompleter))]
        public string GroupId { get; set; } = null!;

        [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public Group InputObject { get; set; } = null!;

        /// <summary>Looks up these members (GET …/users/{user_id}), which also returns picture, service-account flag and user type.</summary>
        [Parameter]
        [Alias("Id", "user_id")]
        [ValidateNotBlank]
        public string[]? UserId { get; set; }

        /// <summary>The API lists members in descending order unless asked otherwise.</summary>
        [Parameter]
        public SwitchParameter Ascending { get; set; }

        [Parameter]
        [ValidateRange(1, 1000)]
        [WholeNumber]
        public int? PageSize { get; set; }

        private string TargetGroupId => ParameterSetName == InputObjectSet ? InputObject.Id : GroupId;

        protected override object? ErrorTarget => TargetGroupId;

        protected override void ProcessItem()
        {
            string groupId = TargetGroupId;
            if (UserId != null)
            {
                string? groupName = ParameterSetName == InputObjectSet ? InputObject.Name : null;
                Resources.GroupUsersClient users = Client.Groups.Users;
                WriteEach(UserId, async id =>
                {
                    GroupMember member = await users.GetAsync(groupId, id, CancellationToken).ConfigureAwait(false);
                    member.GroupName = groupName;
                    return member;
                });

                return;
            }

            string? order = Ascending ? "asc" : null;
            if (ParameterSetName == InputObjectSet)
            {
                WriteList(o => Client.Groups.Users.ListAsync(InputObject, order, o, CancellationToken), PageSize);
            }
            else
            {
                WriteList(o => Client.Groups.Users.ListAsync(groupId, order, o, CancellationToken), PageSize);
            }
        }
    }

    [Cmdlet(VerbsCommon.Add, "OAIGroupMember", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [ApiOperation("POST", "/organization/groups/{group_id}/users")]
    [OutputType(typeof(GroupMember))]
    public sealed class AddOAIGroupMemberCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("group_id")]
        [ValidateNotBlank]
        [ArgumentCompleter(typeof(GroupIdCompleter))]
        public string GroupId { get; set; } = null!;

        /// <summary>Users piped from Get-OAIUser bind their Id here.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "user_id")]
        [ValidateNotBlank]
        public string UserId { get; set; } = null!;

        protected override object? ErrorTarget => UserId;

        protected override void ProcessItem() =>
            Change(Target("group", GroupId, null), $"Add {Describe("user", UserId)}", () => Client.Groups.Users.AddAsync(GroupId, UserId, CancellationToken));
    }

    [Cmdlet(VerbsCommon.Remove, "OAIGroupMember", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = InputObjectSet)]
    [ApiOperation("DELETE", "/organization/groups/{group_id}/users/{user_id}")]
    [OutputType(typeof(DeletedObject))]
    public sealed class RemoveOAIGroupMemberCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("group_id")]
        [ValidateNotBlank]
        [ArgumentCompleter(typeof(GroupIdCompleter))]
        public string GroupId { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "user_id")]
        [ValidateNotBlank]
        public string UserId { get; set; } = null!;

        /// <summary>A membership piped from Get-OAIGroupMember; the confirmation then names the user and the group.</summary>
        [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public GroupMember InputObject { get; set; } = null!;

        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private bool ByObject => ParameterSetName == InputObjectSet;

        private string TargetGroupId => ByObject ? InputObject.GroupId : GroupId;

        private string TargetUserId => ByObject ? InputObject.UserId : UserId;

        protected override object? ErrorTarget => TargetUserId;

        protected override void ProcessItem()
        {
            if (ByObject && (string.IsNullOrEmpty(InputObject.GroupId) || string.IsNullOrEmpty(InputObject.UserId)))
            {
                WriteError(ErrorRecords.Create("IncompleteMembership", ErrorCategory.InvalidArgument,
                    "The membership object has no GroupId or UserId; give -GroupId and -UserId instead.", InputObject));
                return;
            }

            string user = Target("user", TargetUserId, ByObject ? InputObject.Name : null, ByObject ? InputObject.Email : null);
            string group = Target("group", TargetGroupId, ByObject ? InputObject.GroupName : null);
            Change($"{user} in {group}", "Remove from the group", () => Client.Groups.Users.RemoveAsync(TargetGroupId, TargetUserId, CancellationToken));
        }
    }
}
