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
        [ValidateNotBlank]
        [ArgumentCompleter(typeof(GroupIdCompleter))]
        public string[] Id { get; set; } = null!;

        /// <summary>Filtered in PowerShell: the API has no group filter.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ValidateNotBlank]
        public string? Name { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, 1000)]
        [WholeNumber]
        public int? PageSize { get; set; }

        protected override void ProcessItem() =>
            GetOrList(Id, id => Client.Groups.GetAsync(id, CancellationToken),
                o => Client.Groups.ListAsync(null, o, CancellationToken), PageSize, Name, g => g.Name);
    }

    [Cmdlet(VerbsCommon.New, "OAIGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [ApiOperation("POST", "/organization/groups")]
    [OutputType(typeof(Group))]
    public sealed class NewOAIGroupCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotBlank]
        [ValidateLength(1, GroupNameRequest.MaxNameLength)]
        public string Name { get; set; } = null!;

        protected override object? ErrorTarget => Name;

        protected override void ProcessItem() =>
            Change($"group '{Name}'", "Create", () => Client.Groups.CreateAsync(Name, CancellationToken));
    }

    [Cmdlet(VerbsCommon.Set, "OAIGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = InputObjectSet)]
    [ApiOperation("POST", "/organization/groups/{group_id}")]
    [OutputType(typeof(Group))]
    public sealed class SetOAIGroupCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("GroupId", "group_id")]
        [ValidateNotBlank]
        [ArgumentCompleter(typeof(GroupIdCompleter))]
        public string Id { get; set; } = null!;

        [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public Group InputObject { get; set; } = null!;

        /// <summary>The new name. Not bound from the pipeline, where it would be the group's current name.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotBlank]
        [ValidateLength(1, GroupNameRequest.MaxNameLength)]
        public string Name { get; set; } = null!;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override object? ErrorTarget => TargetId(Id);

        protected override void ProcessItem()
        {
            string id = TargetId(Id);
            Change(Describe("group", id), $"Rename to '{Name}'", () => Client.Groups.UpdateAsync(id, Name, CancellationToken));
        }
    }

    [Cmdlet(VerbsCommon.Remove, "OAIGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = InputObjectSet)]
    [ApiOperation("DELETE", "/organization/groups/{group_id}")]
    [OutputType(typeof(DeletedObject))]
    public sealed class RemoveOAIGroupCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("GroupId", "group_id")]
        [ValidateNotBlank]
        [ArgumentCompleter(typeof(GroupIdCompleter))]
        public string Id { get; set; } = null!;

        [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public Group InputObject { get; set; } = null!;

        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override object? ErrorTarget => TargetId(Id);

        protected override void ProcessItem()
        {
            string id = TargetId(Id);
            Change(Describe("group", id), "Delete", () => Client.Groups.DeleteAsync(id, CancellationToken));
        }
    }
}
