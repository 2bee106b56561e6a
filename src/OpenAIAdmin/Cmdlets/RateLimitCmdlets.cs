using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace OpenAIAdmin.Commands
{
    [Cmdlet(VerbsCommon.Get, "OAIRateLimit", SupportsPaging = true)]
    [ApiOperation("GET", "/organization/projects/{project_id}/rate_limits")]
    [OutputType(typeof(ProjectRateLimit))]
    public sealed class GetOAIRateLimitCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("project_id")]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        [ValidateNotBlank]
        public string ProjectId { get; set; } = null!;

        /// <summary>Model names, wildcards allowed; filtered in PowerShell (the API has no filter). Limits piped in bind their Model here.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [PipedBlankIsAbsent]
        public string[]? Model { get; set; }

        [Parameter]
        [ValidateRange(1, 100)]
        [WholeNumber]
        public int? PageSize { get; set; }

        protected override object? ErrorTarget => ProjectId;

        protected override void ProcessItem()
        {
            string projectId = ProjectId;
            WildcardPattern[]? models = Model?.Select(m => Wildcard(m)!).ToArray();
            WriteList(o => Client.Projects.RateLimits.ListAsync(projectId, o, CancellationToken), PageSize,
                models == null ? null : (Func<ProjectRateLimit, bool>)(r => models.Any(m => m.IsMatch(r.Model ?? string.Empty))));
        }
    }

    /// <summary>
    /// Changes a project's limits for one model; only the limits given are sent. Given an id or a model name instead of
    /// a piped limit, it reads the project's list first to find the limit and its current values (the API has no
    /// single get), so that the confirmation shows old → new.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "OAIRateLimit", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = InputObjectSet)]
    [ApiOperation("POST", "/organization/projects/{project_id}/rate_limits/{rate_limit_id}")]
    [ApiOperation("GET", "/organization/projects/{project_id}/rate_limits", Lookup = true)]
    [OutputType(typeof(ProjectRateLimit))]
    public sealed class SetOAIRateLimitCommand : OAICmdlet
    {
        private const string ModelSet = "Model";

        [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(Mandatory = true, ParameterSetName = ModelSet, ValueFromPipelineByPropertyName = true)]
        [Alias("project_id")]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        [ValidateNotBlank]
        public string ProjectId { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("RateLimitId", "rate_limit_id")]
        [ValidateNotBlank]
        public string Id { get; set; } = null!;

        /// <summary>The model whose limit changes (exact name, case-insensitive).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ModelSet)]
        [ValidateNotBlank]
        public string Model { get; set; } = null!;

        [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public ProjectRateLimit InputObject { get; set; } = null!;

        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        [WholeNumber]
        public long? MaxRequestsPer1Minute { get; set; }

        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        [WholeNumber]
        public long? MaxTokensPer1Minute { get; set; }

        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        [WholeNumber]
        public long? MaxImagesPer1Minute { get; set; }

        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        [WholeNumber]
        public long? MaxAudioMegabytesPer1Minute { get; set; }

        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        [WholeNumber]
        public long? MaxRequestsPer1Day { get; set; }

        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        [WholeNumber]
        public long? Batch1DayMaxInputTokens { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>A row of ProjectId and Model names a limit too (it is looked up).</summary>
        protected internal override bool NamesInputWithoutId => true;

        protected override object? ErrorTarget => ParameterSetName switch
        {
            InputObjectSet => InputObject?.Id,
            ModelSet => Model,
            _ => Id,
        };

        protected override void ProcessItem()
        {
            var request = new ProjectRateLimitUpdateRequest
            {
                MaxRequestsPer1Minute = MaxRequestsPer1Minute,
                MaxTokensPer1Minute = MaxTokensPer1Minute,
                MaxImagesPer1Minute = MaxImagesPer1Minute,
                MaxAudioMegabytesPer1Minute = MaxAudioMegabytesPer1Minute,
                MaxRequestsPer1Day = MaxRequestsPer1Day,
                Batch1DayMaxInputTokens = Batch1DayMaxInputTokens,
            };
            if (request.IsEmpty)
            {
                ThrowTerminatingError(ErrorRecords.Create(ErrorRecords.NothingToChange, ErrorCategory.InvalidArgument,
                    "Give at least one -Max… or -Batch1DayMaxInputTokens limit: there is nothing to change.", ErrorTarget));
            }

            // A limit piped from Get-OAIRateLimit carries its current values; anything else (a CSV row of ProjectId and Id
            // or Model, which PowerShell turns into an empty limit) is looked up, so the preview shows what changes.
            bool given = ParameterSetName == InputObjectSet;
            ProjectRateLimit current = given && InputObjectCameAsItIs()
                ? InputObject
                : Await(Client.Projects.RateLimits.FindAsync(
                    given ? InputObject.ProjectId ?? string.Empty : ProjectId,
                    given ? (string.IsNullOrEmpty(InputObject.Id) ? InputObject.Model ?? string.Empty : InputObject.Id) : ParameterSetName == ModelSet ? Model : Id,
                    CancellationToken));
            string projectId = current.ProjectId ?? ProjectId;
            string changes = Changes(request.ChangesFrom(current).Select(Step).ToArray());
            string target = Target("rate limit", current.Id, current.Model) + $" in project {projectId}";
            Change(target, changes, () => Client.Projects.RateLimits.UpdateAsync(projectId, current.Id, request, CancellationToken));
        }

        private static string Step(RateLimitChange change) =>
            $"{change.Name} {(change.Old?.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) ?? "(none)")} → {change.New.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)}";
    }
}
