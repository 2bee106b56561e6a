using System.Management.Automation;

namespace OpenAIAdmin.Commands
{
    [Cmdlet(VerbsCommon.Get, "OAIProject", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [ApiOperation("GET", "/organization/projects")]
    [ApiOperation("GET", "/organization/projects/{project_id}")]
    [OutputType(typeof(Project))]
    public sealed class GetOAIProjectCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ProjectId", "project_id")]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        [ValidateNotBlank]
        public string[] Id { get; set; } = null!;

        [Parameter(ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ValidateNotBlank]
        public string? Name { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter IncludeArchived { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, 100)]
        [WholeNumber]
        public int? PageSize { get; set; }

        protected override void ProcessItem() =>
            GetOrList(Id, id => Client.Projects.GetAsync(id, CancellationToken),
                o => Client.Projects.ListAsync(IncludeArchived, o, CancellationToken), PageSize, Name, p => p.Name);
    }

    [Cmdlet(VerbsCommon.New, "OAIProject", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [ApiOperation("POST", "/organization/projects")]
    [OutputType(typeof(Project))]
    public sealed class NewOAIProjectCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotBlank]
        public string Name { get; set; } = null!;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateSet("GLOBAL", "US_STORAGE_PROCESSING", "EU_STORAGE_PROCESSING", "JP_STORAGE", "KR_STORAGE", "CA_STORAGE",
            "SG_STORAGE", "IN_STORAGE", "AU_STORAGE", "GB_STORAGE", "AE_STORAGE", "AE_STORAGE_PROCESSING")]
        public string? Residency { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [PipedBlankIsAbsent]
        public string? ExternalKeyId { get; set; }

        protected override object? ErrorTarget => Name;

        protected override void ProcessItem()
        {
            var request = new ProjectCreateRequest { Name = Name, Residency = Residency?.ToUpperInvariant(), ExternalKeyId = ExternalKeyId };
            Change($"project '{Name}'", "Create", () => Client.Projects.CreateAsync(request, CancellationToken));
        }
    }

    [Cmdlet(VerbsCommon.Set, "OAIProject", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [ApiOperation("POST", "/organization/projects/{project_id}")]
    [OutputType(typeof(Project))]
    public sealed class SetOAIProjectCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ProjectId", "project_id")]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        [ValidateNotBlank]
        public string Id { get; set; } = null!;

        [Parameter]
        [ValidateNotBlank]
        public string? Name { get; set; }

        [Parameter]
        [ValidateNotBlank]
        public string? ExternalKeyId { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override object? ErrorTarget => Id;

        protected override void ProcessItem()
        {
            if (Name == null && ExternalKeyId == null)
            {
                ThrowTerminatingError(ErrorRecords.Create(ErrorRecords.NothingToChange, ErrorCategory.InvalidArgument,
                    "Give -Name or -ExternalKeyId: there is nothing to change.", Id));
            }

            string changes = Changes(
                Name != null ? $"Rename to '{Name}'" : null,
                ExternalKeyId != null ? $"Set external key id '{ExternalKeyId}'" : null);
            var request = new ProjectUpdateRequest { Name = Name, ExternalKeyId = ExternalKeyId };
            Change(Describe("project", Id), changes, () => Client.Projects.UpdateAsync(Id, request, CancellationToken));
        }
    }

    /// <summary>Archiving is the API's only way to retire a project, and it cannot be undone.</summary>
    [Cmdlet(VerbsCommon.Remove, "OAIProject", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = InputObjectSet)]
    [ApiOperation("POST", "/organization/projects/{project_id}/archive")]
    [OutputType(typeof(Project))]
    public sealed class RemoveOAIProjectCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ProjectId", "project_id")]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        [ValidateNotBlank]
        public string Id { get; set; } = null!;

        [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public Project InputObject { get; set; } = null!;

        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override object? ErrorTarget => TargetId(Id);

        protected override void ProcessItem()
        {
            string id = TargetId(Id);
            Change(Describe("project", id), "Archive (irreversible)", () => Client.Projects.ArchiveAsync(id, CancellationToken));
        }
    }
}
