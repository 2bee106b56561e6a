using System.Management.Automation;

namespace OpenAIAdmin.Commands
{
    /// <summary>
    /// One flat row per principal, scope and role for the whole organization (or the projects given). The crawl, its
    /// concurrency, pacing and progress events live in the core (<c>AdminClient.AccessReport</c>); this class is the
    /// parameters and one streamed call. It only reads, so each list it calls is declared as a lookup of its owner.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OAIAccessReport")]
    [ApiOperation("GET", "/organization/users", Lookup = true)]
    [ApiOperation("GET", "/organization/projects", Lookup = true)]
    [ApiOperation("GET", "/organization/projects/{project_id}", Lookup = true)]
    [ApiOperation("GET", "/organization/projects/{project_id}/users", Lookup = true)]
    [ApiOperation("GET", "/projects/{project_id}/users/{user_id}/roles", Lookup = true)]
    [ApiOperation("GET", "/organization/projects/{project_id}/groups", Lookup = true)]
    [ApiOperation("GET", "/projects/{project_id}/groups/{group_id}/roles", Lookup = true)]
    [ApiOperation("GET", "/organization/groups", Lookup = true)]
    [ApiOperation("GET", "/organization/groups/{group_id}/roles", Lookup = true)]
    [ApiOperation("GET", "/organization/groups/{group_id}/users", Lookup = true)]
    [ApiOperation("GET", "/organization/projects/{project_id}/service_accounts", Lookup = true)]
    [ApiOperation("GET", "/organization/projects/{project_id}/api_keys", Lookup = true)]
    [OutputType(typeof(AccessReportRow))]
    public sealed class GetOAIAccessReportCommand : OAICmdlet
    {
        /// <summary>Only these projects (no organization rows). Piped projects and project ids bind here.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("project_id")]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        [ValidateNotBlank]
        public string[]? ProjectId { get; set; }

        /// <summary>Mark keys and service accounts not used (or, never used, created) within this many days.</summary>
        [Parameter]
        [ValidateRange(1, 36500)]
        [WholeNumber]
        public int? StaleDays { get; set; }

        /// <summary>At most this many API requests in flight.</summary>
        [Parameter]
        [ValidateRange(1, AccessReportOptions.MaxThrottleLimit)]
        [WholeNumber]
        public int ThrottleLimit { get; set; } = AccessReportOptions.DefaultThrottleLimit;

        /// <summary>A client-side budget: at most this many request starts in any minute, one second's worth at once, then spread evenly.</summary>
        [Parameter]
        [ValidateRange(1, 100000)]
        [WholeNumber]
        public int? RequestsPerMinute { get; set; }

        /// <summary>Archived projects too (all projects only; -ProjectId reports the projects given).</summary>
        [Parameter]
        public SwitchParameter IncludeArchived { get; set; }

        private readonly System.Collections.Generic.List<string> _projectIds = new System.Collections.Generic.List<string>();
        private bool _piped;

        protected override void ProcessItem()
        {
            // Piped projects are gathered and crawled together, so that -ThrottleLimit spans all of them.
            if (ProjectId != null)
            {
                _projectIds.AddRange(ProjectId);
                _piped = true;
            }
        }

        protected override void EndItems()
        {
            if (MyInvocation.ExpectingInput && !_piped)
            {
                // Input was piped and none was a project (Get-OAIProject -Name with a typo matched nothing): a report of
                // the whole organization is not what that pipeline asked for.
                WriteWarning("No project came down the pipeline, so there is nothing to report. Run Get-OAIAccessReport without input for the whole organization.");
                return;
            }

            var options = new AccessReportOptions
            {
                ProjectIds = _piped ? _projectIds : null,
                IncludeArchived = IncludeArchived.IsPresent,
                ThrottleLimit = ThrottleLimit,
                RequestsPerMinute = RequestsPerMinute,
                StaleDays = StaleDays,
            };
            // A project the API refuses to show is left out and reported once the report has ended; the rest goes on.
            var skipped = new System.Collections.Concurrent.ConcurrentQueue<ErrorRecord>();
            options.ProjectSkipped = (projectId, error) => skipped.Enqueue(ErrorRecords.WithNote(
                ErrorRecords.FromException(error, projectId), $"The access report left out project {projectId}."));
            WriteList(_ => Client.AccessReport.ListAsync(options, CancellationToken));
            while (skipped.TryDequeue(out ErrorRecord? record))
            {
                WriteError(record);
            }
        }
    }
}
