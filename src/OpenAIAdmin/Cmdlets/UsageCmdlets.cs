using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using OpenAIAdmin.Resources;

namespace OpenAIAdmin.Commands
{
    /// <summary>
    /// Usage of one kind per time bucket, one object per bucket result. The windows, their concurrency, paging, token
    /// recovery and names live in the core (<c>AdminClient.Usage</c>); this class is the parameters, the checks of what
    /// the kind takes (before any request), the default range and one streamed call.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OAIUsage")]
    [ApiOperation("GET", "/organization/usage/completions")]
    [ApiOperation("GET", "/organization/usage/embeddings")]
    [ApiOperation("GET", "/organization/usage/moderations")]
    [ApiOperation("GET", "/organization/usage/images")]
    [ApiOperation("GET", "/organization/usage/audio_speeches")]
    [ApiOperation("GET", "/organization/usage/audio_transcriptions")]
    [ApiOperation("GET", "/organization/usage/vector_stores")]
    [ApiOperation("GET", "/organization/usage/code_interpreter_sessions")]
    [ApiOperation("GET", "/organization/usage/file_search_calls")]
    [ApiOperation("GET", "/organization/usage/web_search_calls")]
    [ApiOperation("GET", "/organization/projects", Lookup = true)]
    [ApiOperation("GET", "/organization/users", Lookup = true)]
    [ApiOperation("GET", "/organization/projects/{project_id}/api_keys", Lookup = true)]
    [OutputType(typeof(UsageCompletionsResult), typeof(UsageEmbeddingsResult), typeof(UsageModerationsResult), typeof(UsageImagesResult),
        typeof(UsageAudioSpeechesResult), typeof(UsageAudioTranscriptionsResult), typeof(UsageVectorStoresResult),
        typeof(UsageCodeInterpreterSessionsResult), typeof(UsageFileSearchCallsResult), typeof(UsageWebSearchCallsResult))]
    public sealed class GetOAIUsageCommand : OAIBucketCmdlet
    {
        /// <summary>Which usage operation to read.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateSet("Completions", "Embeddings", "Moderations", "Images", "AudioSpeeches", "AudioTranscriptions", "VectorStores",
            "CodeInterpreterSessions", "FileSearchCalls", "WebSearchCalls")]
        public string Kind { get; set; } = null!;

        [Parameter]
        [ValidateSet("1d", "1h", "1m")]
        public string BucketWidth { get; set; } = "1d";

        /// <summary>The API's group_by values; which ones depends on -Kind (checked before any request, completed per kind).</summary>
        [Parameter]
        [ArgumentCompleter(typeof(UsageGroupByCompleter))]
        [ValidateNotBlank]
        public string[]? GroupBy { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("project_id")]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        [ValidateNotBlank]
        public string[]? ProjectId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("user_id")]
        [ValidateNotBlank]
        public string[]? UserId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("api_key_id")]
        [ValidateNotBlank]
        public string[]? ApiKeyId { get; set; }

        [Parameter]
        [ValidateNotBlank]
        public string[]? Model { get; set; }

        /// <summary>Completions: $true for batch requests only, $false for the others only; without it, both.</summary>
        [Parameter]
        public bool? Batch { get; set; }

        [Parameter]
        [ValidateSet("image.generation", "image.edit", "image.variation")]
        public string[]? Source { get; set; }

        [Parameter]
        [ValidateSet("256x256", "512x512", "1024x1024", "1792x1792", "1024x1792")]
        public string[]? Size { get; set; }

        [Parameter]
        [ValidateSet("low", "medium", "high")]
        public string[]? ContextLevel { get; set; }

        [Parameter]
        [ValidateNotBlank]
        public string[]? VectorStoreId { get; set; }

        /// <summary>Each parameter's filter, by the API's query name.</summary>
        private static readonly (string Parameter, string Filter)[] FilterParameters =
        {
            ("ProjectId", UsageKindInfo.ProjectIds), ("UserId", UsageKindInfo.UserIds), ("ApiKeyId", UsageKindInfo.ApiKeyIds),
            ("Model", UsageKindInfo.Models), ("Batch", UsageKindInfo.Batch), ("Source", UsageKindInfo.Sources), ("Size", UsageKindInfo.Sizes),
            ("ContextLevel", UsageKindInfo.ContextLevels), ("VectorStoreId", UsageKindInfo.VectorStoreIds),
        };

        protected override void ProcessItem()
        {
            var kind = (UsageKind)Enum.Parse(typeof(UsageKind), Kind, ignoreCase: true);
            UsageKindInfo info = UsageKindInfo.For(kind);
            string[] refused = FilterParameters
                .Where(p => MyInvocation.BoundParameters.ContainsKey(p.Parameter) && !info.TakesFilter(p.Filter))
                .Select(p => "-" + p.Parameter).ToArray();
            if (refused.Length > 0)
            {
                string takes = string.Join(", ", FilterParameters.Where(p => info.TakesFilter(p.Filter)).Select(p => "-" + p.Parameter));
                ThrowTerminatingError(ErrorRecords.Create("FilterNotSupported", ErrorCategory.InvalidArgument,
                    $"{kind} usage cannot be filtered by {string.Join(", ", refused)}; it takes {takes}.", Kind));
            }

            GroupBy = CheckGroupBy(GroupBy, info.GroupBy, $"{kind} usage");
            (DateTimeOffset start, DateTimeOffset? end) = Range(BucketWidth);
            var query = new UsageQuery
            {
                StartTime = start,
                EndTime = end,
                BucketWidth = BucketWidth,
                GroupBy = GroupBy,
                ProjectIds = ProjectId,
                UserIds = UserId,
                ApiKeyIds = ApiKeyId,
                Models = Model,
                Batch = Batch,
                Sources = Source,
                Sizes = Size,
                ContextLevels = ContextLevel,
                VectorStoreIds = VectorStoreId,
            };
            var options = new BucketReadOptions { ThrottleLimit = ThrottleLimit, IncludeNames = IncludeName.IsPresent };
            WriteList(_ => Client.Usage.ListAsync(kind, query, options, CancellationToken));
        }
    }

    /// <summary>Costs per day bucket, one object per bucket result; the reading lives in the core (<c>AdminClient.Costs</c>).</summary>
    [Cmdlet(VerbsCommon.Get, "OAICost")]
    [ApiOperation("GET", "/organization/costs")]
    [ApiOperation("GET", "/organization/projects", Lookup = true)]
    [ApiOperation("GET", "/organization/projects/{project_id}/api_keys", Lookup = true)]
    [OutputType(typeof(CostsResult))]
    public sealed class GetOAICostCommand : OAIBucketCmdlet
    {
        /// <summary>Costs come in day buckets only.</summary>
        [Parameter]
        [ValidateSet("1d")]
        public string BucketWidth { get; set; } = "1d";

        [Parameter]
        [ValidateSet("project_id", "line_item", "api_key_id")]
        public string[]? GroupBy { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("project_id")]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        [ValidateNotBlank]
        public string[]? ProjectId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("api_key_id")]
        [ValidateNotBlank]
        public string[]? ApiKeyId { get; set; }

        protected override void ProcessItem()
        {
            (DateTimeOffset start, DateTimeOffset? end) = Range(BucketWidth);
            var query = new CostsQuery
            {
                StartTime = start,
                EndTime = end,
                BucketWidth = BucketWidth,
                GroupBy = GroupBy,
                ProjectIds = ProjectId,
                ApiKeyIds = ApiKeyId,
            };
            var options = new BucketReadOptions { ThrottleLimit = ThrottleLimit, IncludeNames = IncludeName.IsPresent };
            WriteList(_ => Client.Costs.ListAsync(query, options, CancellationToken));
        }
    }

    /// <summary>
    /// What Get-OAIUsage and Get-OAICost share: the time range (default: the last seven complete UTC days), -ThrottleLimit,
    /// -IncludeName and the group_by check. No member's signature names a core type (see <see cref="OAICmdlet"/>).
    /// </summary>
    public abstract class OAIBucketCmdlet : OAICmdlet
    {
        /// <summary>The start of the range (inclusive). A DateTime of kind Local or Unspecified is local time of this computer.</summary>
        [Parameter]
        [InvariantTime]
        public DateTimeOffset? StartTime { get; set; }

        /// <summary>The end of the range (exclusive).</summary>
        [Parameter]
        [InvariantTime]
        public DateTimeOffset? EndTime { get; set; }

        /// <summary>At most this many windows (one request each at a time) are read at once.</summary>
        [Parameter]
        [ValidateRange(1, 16)]
        [WholeNumber]
        public int ThrottleLimit { get; set; } = 4;

        /// <summary>Add ProjectName, UserEmail and ApiKeyName from listings read once per command.</summary>
        [Parameter]
        public SwitchParameter IncludeName { get; set; }

        /// <summary>
        /// The range to read: both ends as given; only -StartTime: up to now (the open bucket included); only -EndTime: the
        /// seven days before it; neither: the last seven complete UTC days (from 00:00 UTC seven days ago to 00:00 UTC today).
        /// </summary>
        private protected (DateTimeOffset Start, DateTimeOffset? End) Range(string bucketWidth)
        {
            if (bucketWidth == "1d" && !_dayWarned)
            {
                _dayWarned = true;
                WarnLocalMidnight("StartTime", StartTime, start: true);
                WarnLocalMidnight("EndTime", EndTime, start: false);
            }

            DateTimeOffset today = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero);
            DateTimeOffset? end = EndTime?.ToUniversalTime() ?? (StartTime == null ? today : (DateTimeOffset?)null);
            DateTimeOffset start = StartTime?.ToUniversalTime() ?? end!.Value.AddDays(-7);
            if (end is DateTimeOffset e && e <= start)
            {
                ThrowTerminatingError(ErrorRecords.Create("InvalidTimeRange", ErrorCategory.InvalidArgument,
                    $"-EndTime ({Utc(e)} UTC) must be after -StartTime ({Utc(start)} UTC).", EndTime));
            }

            DateTimeOffset now = DateTimeOffset.UtcNow;
            if (start >= now)
            {
                // Nothing after now is read (no request is sent for it): a mistyped year wrote nothing, like a month without usage.
                ThrowTerminatingError(ErrorRecords.Create("InvalidTimeRange", ErrorCategory.InvalidArgument,
                    $"-StartTime ({Utc(start)} UTC) is not in the past (it is {Utc(now)} UTC now): there is nothing to read yet.", StartTime));
            }

            return (start, end);
        }

        /// <summary>The group-by values as the API spells them (any casing is taken, as a ValidateSet would); refuses the others.</summary>
        private protected string[]? CheckGroupBy(string[]? groupBy, IReadOnlyList<string> allowed, string what)
        {
            if (groupBy == null)
            {
                return null;
            }

            string?[] spelled = groupBy.Select(g => allowed.FirstOrDefault(a => string.Equals(a, g, StringComparison.OrdinalIgnoreCase))).ToArray();
            string[] refused = groupBy.Where((g, i) => spelled[i] == null).ToArray();
            if (refused.Length > 0)
            {
                ThrowTerminatingError(ErrorRecords.Create("GroupByNotSupported", ErrorCategory.InvalidArgument,
                    $"{what} cannot be grouped by {string.Join(", ", refused.Select(r => "'" + ErrorRecords.Shorten(r) + "'"))}; it takes {string.Join(", ", allowed)}.",
                    string.Join(",", refused)));
            }

            return spelled!;
        }

        private static string Utc(DateTimeOffset time) =>
            time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

        private bool _dayWarned;

        /// <summary>
        /// A day given as local midnight ('2026-12-01' read as this computer's time) away from UTC falls inside a UTC day,
        /// and day buckets are UTC days: the bucket holding it is read. For -EndTime in New York that is the day it names,
        /// which an exclusive end leaves out (two monthly reports counted it twice); for -StartTime east of UTC it is the
        /// day before. Said once per command, only when it changes which days are read.
        /// </summary>
        private void WarnLocalMidnight(string parameter, DateTimeOffset? value, bool start)
        {
            if (!(value is DateTimeOffset time) || time.Offset == TimeSpan.Zero || time.TimeOfDay != TimeSpan.Zero)
            {
                return;
            }

            DateTime utcDay = time.UtcDateTime.Date;
            bool extraDay = start ? utcDay != time.Date : utcDay == time.Date;
            if (!extraDay)
            {
                return;
            }

            var invariant = System.Globalization.CultureInfo.InvariantCulture;
            string day = time.Date.ToString("yyyy-MM-dd", invariant);
            string offset = (time.Offset < TimeSpan.Zero ? "-" : "+") + time.Offset.ToString(@"hh\:mm", invariant);
            WriteWarning($"-{parameter} {day} is midnight at UTC{offset} ({Utc(time)} UTC), inside the UTC day {utcDay.ToString("yyyy-MM-dd", invariant)}, "
                + $"whose bucket is read too: day buckets are UTC days. For whole UTC days write {day}Z.");
        }
    }

    /// <summary>Completes -GroupBy of Get-OAIUsage with the values of the -Kind on the command line (all kinds' values without one).</summary>
    public sealed class UsageGroupByCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            object? given = fakeBoundParameters?["Kind"];
            string? kind = (given is PSObject wrapped ? wrapped.BaseObject : given) as string;
            IEnumerable<string> values = Enum.TryParse(kind, ignoreCase: true, out UsageKind parsed) && Enum.IsDefined(typeof(UsageKind), parsed)
                ? UsageKindInfo.For(parsed).GroupBy
                : UsageKindInfo.All.SelectMany(i => i.GroupBy).Distinct(StringComparer.Ordinal);
            string word = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return values
                .Where(v => v.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                .Select(v => new CompletionResult(v, v, CompletionResultType.ParameterValue, v))
                .ToList();
        }
    }
}
