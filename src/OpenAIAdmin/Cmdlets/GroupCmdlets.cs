using System.Management.Automation;

namespace OpenAIAdmin.Commands
{
    [Cmdlet(VerbsCommon.Get, "OAIGroup", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [ApiOperation("GET", "/organization/groups")]
    [ApiOperation("GET", "/organization/groups/{group_id}")]
    [OutputType(typeof(Group))]
    public sealed class GetOAIGroupCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("GroupId", "group_id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(GroupIdCompleter))]
        public string[] Id { get; set; } = null!;

        /// <summary>Filtered in PowerShell: the API has no group filter.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, 1000)]
        public int? PageSize { get; set; }

        protected override void ProcessItem()
        {
            if (ParameterSetName == IdSet)
            {
                WriteEach(Id, id => Client.Groups.GetAsync(id, CancellationToken));

                return;
            }

            WildcardPattern? name = Wildcard(Name);
            WriteList(o => Client.Groups.ListAsync(null, o, CancellationToken), PageSize,
                name == null ? null : g => name.IsMatch(g.Name ?? string.Empty));
        }
    }

    [Cmdlet(VerbsCommon.New, "OAIGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [ApiOperation("POST", "/organization/groups")]
    [OutputType(typeof(Group))]
    public sealed class NewOAIGroupCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateLength(1, GroupNameRequest.MaxNameLength)]
        public string Name { get; set; } = null!;

        protected override object? ErrorTarget => Name;

        protected override void ProcessItem()
        {
            if (!ShouldProcess($"group '{Name}'", "Create"))
            {
                return;
            }

            WriteObject(Await(Client.Groups.CreateAsync(Name, CancellationToken)));
        }
    }

    [Cmdlet(VerbsCommon.Set, "OAIGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = InputObjectSet)]
    [ApiOperation("POST", "/organization/groups/{group_id}")]
    [OutputType(typeof(Group))]
    public sealed class SetOAIGroupCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("GroupId", "group_id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(GroupIdCompleter))]
        public string Id { get; set; } = null!;

        [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public Group InputObject { get; set; } = null!;

        /// <summary>The new name. Not bound from the pipeline, where it would be the group's current name.</summary>
        [Parameter(Mandatory = true)]
        [ValidateLength(1, GroupNameRequest.MaxNameLength)]
        public string Name { get; set; } = null!;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private string GroupId => ParameterSetName == InputObjectSet ? InputObject.Id : Id;

        protected override object? ErrorTarget => GroupId;

        protected override void ProcessItem()
        {
            if (!ShouldProcess(GroupTarget.Describe(ParameterSetName == InputObjectSet ? InputObject : null, GroupId), $"Rename to '{Name}'"))
            {
                return;
            }

            Group group = Await(Client.Groups.UpdateAsync(GroupId, Name, CancellationToken));
            if (PassThru)
            {
                WriteObject(group);
            }
        }
    }

    [Cmdlet(VerbsCommon.Remove, "OAIGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = InputObjectSet)]
    [ApiOperation("DELETE", "/organization/groups/{group_id}")]
    [OutputType(typeof(DeletedObject))]
    public sealed class RemoveOAIGroupCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("GroupId", "group_id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(GroupIdCompleter))]
        public string Id { get; set; } = null!;

        [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public Group InputObject { get; set; } = null!;

        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private string GroupId => ParameterSetName == InputObjectSet ? InputObject.Id : Id;

        protected override object? ErrorTarget => GroupId;

        protected override void ProcessItem()
        {
            if (!ShouldChange(GroupTarget.Describe(ParameterSetName == InputObjectSet ? InputObject : null, GroupId), "Delete", Force))
            {
                return;
            }

            DeletedObject deleted = Await(Client.Groups.DeleteAsync(GroupId, CancellationToken));
            if (PassThru)
            {
                WriteObject(deleted);
            }
        }
    }

    /// <summary>How confirmation messages name a group: by name and id when the object is at hand, else by id.</summary>
    internal static class GroupTarget
    {
        public static string Describe(Group? group, string id) =>
            group?.Name != null ? $"group '{group.Name}' ({id})" : $"group {id}";

        public static string Describe(string? name, string id) =>
            name != null ? $"group '{name}' ({id})" : $"group {id}";
    }
}
