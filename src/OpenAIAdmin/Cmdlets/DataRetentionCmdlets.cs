using System.Management.Automation;

namespace OpenAIAdmin.Commands
{
    [Cmdlet(VerbsCommon.Get, "OAIDataRetention")]
    [ApiOperation("GET", "/organization/data_retention")]
    [ApiOperation("GET", "/organization/projects/{project_id}/data_retention")]
    [OutputType(typeof(OrganizationDataRetention), typeof(ProjectDataRetention))]
    [ScopeSetting(typeof(OrganizationDataRetention), typeof(ProjectDataRetention))]
    public sealed class GetOAIDataRetentionCommand : OAICmdlet
    {
        /// <summary>The project whose setting to get; without it, the organization's. Projects piped in bind here.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("project_id")]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        [PipedBlankIsAbsent]
        public string? ProjectId { get; set; }

        protected override object? ErrorTarget => ProjectId ?? "organization";

        protected override void ProcessItem() =>
            WriteObject(ProjectId == null
                ? Await(Client.DataRetention.GetAsync(CancellationToken))
                : (DataRetention)Await(Client.Projects.DataRetention.GetAsync(ProjectId, CancellationToken)));
    }

    /// <summary>
    /// Sets the data retention of the organization or of a project. What the API keeps, and for how long, changes at
    /// once for every request: ConfirmImpact High, with -Force for scripts. The current setting is read first, so the
    /// confirmation shows old → new and a setting already in place sends nothing.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "OAIDataRetention", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [ApiOperation("POST", "/organization/data_retention")]
    [ApiOperation("POST", "/organization/projects/{project_id}/data_retention")]
    [ApiOperation("GET", "/organization/data_retention", Lookup = true)]
    [ApiOperation("GET", "/organization/projects/{project_id}/data_retention", Lookup = true)]
    [OutputType(typeof(OrganizationDataRetention), typeof(ProjectDataRetention))]
    [ScopeSetting(typeof(OrganizationDataRetention), typeof(ProjectDataRetention))]
    public sealed class SetOAIDataRetentionCommand : OAICmdlet
    {
        public const string InvalidRetentionType = "InvalidRetentionType";

        /// <summary>
        /// The API's value (e.g. zero_data_retention); which values are allowed depends on the scope. Not bound from the
        /// pipeline: a piped object without a ProjectId would otherwise change the organization.
        /// </summary>
        [Parameter(Mandatory = true, Position = 0)]
        [Alias("retention_type")]
        [ArgumentCompleter(typeof(DataRetentionTypeCompleter))]
        [ValidateNotBlank]
        public string RetentionType { get; set; } = null!;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("project_id")]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        [ValidateNotBlank]
        public string? ProjectId { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override object? ErrorTarget => ProjectId ?? "organization";

        protected override void ProcessItem()
        {
            string? projectId = ProjectId;
            string? value = DataRetentionTypes.Find(RetentionType, project: projectId != null);
            if (value == null)
            {
                string scope = projectId == null ? "the organization" : "a project";
                string allowed = string.Join(", ", projectId == null ? DataRetentionTypes.Organization : DataRetentionTypes.Project);
                ThrowTerminatingError(ErrorRecords.Create(InvalidRetentionType, ErrorCategory.InvalidArgument,
                    $"'{ErrorRecords.Shorten(RetentionType)}' is not a data retention type of {scope}. Use one of: {allowed}. Nothing was sent.", ErrorTarget));
            }

            DataRetention current = projectId == null
                ? Await(Client.DataRetention.GetAsync(CancellationToken))
                : (DataRetention)Await(Client.Projects.DataRetention.GetAsync(projectId, CancellationToken));
            string target = "data retention of " + (projectId == null ? "the organization" : Describe("project", projectId));
            if (current.RetentionType == value)
            {
                WriteVerbose($"The {target} is already {value}: nothing to change.");
                if (PassThru)
                {
                    WriteObject(current);
                }

                return;
            }

            string action = $"Change from {current.RetentionType ?? "(unknown)"} to {value}";
            if (projectId == null)
            {
                Change(target, action, () => Client.DataRetention.SetAsync(value!, CancellationToken));
            }
            else
            {
                Change(target, action, () => Client.Projects.DataRetention.SetAsync(projectId, value!, CancellationToken));
            }
        }
    }
}
