using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAIAdmin.Commands
{
    [Cmdlet(VerbsCommon.Get, "OAIAuditLog", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [ApiOperation("GET", "/organization/audit_logs")]
    [OutputType(typeof(AuditLog))]
    public sealed class GetOAIAuditLogCommand : OAICmdlet
    {
        /// <summary>Events at or after this time (inclusive).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [InvariantTime]
        public DateTimeOffset StartTime { get; set; }

        /// <summary>Events before this time (exclusive).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [InvariantTime]
        public DateTimeOffset EndTime { get; set; }

        [Parameter(ParameterSetName = ListSet, Position = 0)]
        [SupportsWildcards]
        [ValidateNotBlank]
        [ArgumentCompleter(typeof(AuditLogEventTypeCompleter))]
        public string[]? EventType { get; set; }

        [Parameter(ParameterSetName = ListSet, ValueFromPipelineByPropertyName = true)]
        [Alias("project_id")]
        [ValidateNotBlank]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        public string[]? ProjectId { get; set; }

        /// <summary>User ids, service account ids or API key tracking ids.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotBlank]
        public string[]? ActorId { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotBlank]
        public string[]? ActorEmail { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotBlank]
        public string[]? ResourceId { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter TenantOnly { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, 100)]
        [WholeNumber]
        public int? PageSize { get; set; }

        protected override void ProcessItem()
        {
            var query = new Resources.AuditLogQuery
            {
                StartTime = AuditLogFilter.Time(this, "StartTime", StartTime),
                EndTime = AuditLogFilter.Time(this, "EndTime", EndTime),
                EventTypes = AuditLogFilter.EventTypes(this, EventType, TenantOnly),
                ProjectIds = AuditLogFilter.Trimmed(ProjectId),
                ActorIds = AuditLogFilter.Trimmed(ActorId),
                ActorEmails = AuditLogFilter.Trimmed(ActorEmail),
                ResourceIds = AuditLogFilter.Trimmed(ResourceId),
                TenantOnly = TenantOnly,
            };
            AuditLogFilter.CheckRange(this, query.StartTime, query.EndTime);
            WriteList(o => AuditLogFilter.ForPowerShell(Client.AuditLogs.ListAsync(query, o, CancellationToken), CancellationToken), PageSize);
        }
    }

    /// <summary>
    /// Appends new audit log events to a JSON Lines file, exactly once per event, oldest first (see
    /// <c>AuditLogExport</c> in the core for how, and docs/ARCHITECTURE.md "Audit logs and the export" for why).
    /// </summary>
    [Cmdlet(VerbsData.Export, "OAIAuditLog", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [ApiOperation("GET", "/organization/audit_logs", Lookup = true)]
    [OutputType(typeof(AuditLogExportResult), typeof(AuditLog))]
    public sealed class ExportOAIAuditLogCommand : OAICmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotBlank]
        public string Path { get; set; } = null!;

        [Parameter]
        [ValidateNotBlank]
        public string? StatePath { get; set; }

        [Parameter]
        [SupportsWildcards]
        [ValidateNotBlank]
        [ArgumentCompleter(typeof(AuditLogEventTypeCompleter))]
        public string[]? EventType { get; set; }

        [Parameter]
        [Alias("project_id")]
        [ValidateNotBlank]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        public string[]? ProjectId { get; set; }

        [Parameter]
        public SwitchParameter TenantOnly { get; set; }

        /// <summary>Where the first run begins (the file holds no events yet).</summary>
        [Parameter]
        [InvariantTime]
        public DateTimeOffset StartTime { get; set; }

        /// <summary>Go on although the state file records another filter.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private int _warningsWritten;

        protected override object? ErrorTarget => Path;

        protected override void ProcessItem()
        {
            string path = FileSystemPath(Path, "Path");
            string? statePath = StatePath == null ? null : FileSystemPath(StatePath, "StatePath");
            // The export also writes <path>.lock, and the state <state>.tmp before renaming it: none may be another's file.
            string[] exportFiles = { path, path + ".lock" };
            if (statePath != null && (exportFiles.Contains(statePath, Resources.AuditLogExportRequest.PathComparer) || exportFiles.Contains(statePath + ".tmp", Resources.AuditLogExportRequest.PathComparer)))
            {
                ThrowTerminatingError(ErrorRecords.Create("InvalidPath", ErrorCategory.InvalidArgument,
                    $"-StatePath must name a file of its own: not -Path, nor the export's lock file '{path}.lock'.", StatePath));
            }

            var request = new Resources.AuditLogExportRequest
            {
                Path = path,
                StatePath = statePath,
                EventTypes = AuditLogFilter.EventTypes(this, EventType, TenantOnly),
                EventTypeFilter = EventType?.Select(t => t.Trim()).ToArray(),
                ProjectIds = AuditLogFilter.Trimmed(ProjectId),
                TenantOnly = TenantOnly,
                StartTime = AuditLogFilter.Time(this, "StartTime", StartTime),
                AcceptFilterChange = Force,
                DryRun = WhatIfRequested(),
            };

            try
            {
                using Resources.AuditLogExport export = Await(Client.AuditLogs.PrepareExportAsync(request, CancellationToken));
                WriteWarnings(export);

                if (!export.HasChanges)
                {
                    WriteVerbose($"Nothing to append to '{path}'.");
                    if (request.DryRun)
                    {
                        // Only the What if line: a run that has nothing to do asks nothing.
                        ShouldProcess(path, Action(export));
                    }
                    else
                    {
                        export.Finish();
                        Report(export);
                    }

                    return;
                }

                if (!ShouldProcess(path, Action(export)))
                {
                    return;
                }

                WriteList(_ => AuditLogFilter.ForPowerShell(export.WriteAsync(PassThru, CancellationToken), CancellationToken));
                Report(export);
            }
            catch (Resources.AuditLogExportException ex)
            {
                ThrowTerminatingError(ErrorRecords.Create(ex.ErrorId, CategoryOf(ex.ErrorId), ex.Message, Path, Advice(ex.ErrorId)));
            }
        }

        /// <summary>The export's warnings not written yet (it may add one when it writes the state file).</summary>
        private void WriteWarnings(Resources.AuditLogExport export)
        {
            for (; _warningsWritten < export.Warnings.Count; _warningsWritten++)
            {
                WriteWarning(export.Warnings[_warningsWritten]);
            }
        }

        private void Report(Resources.AuditLogExport export)
        {
            WriteWarnings(export);

            if (!PassThru)
            {
                WriteObject(export.Result);
            }
        }

        private static string Action(Resources.AuditLogExport export)
        {
            string action = export.PendingEvents == 0
                ? "Append no events"
                : $"Append {export.PendingEvents} audit log {(export.PendingEvents == 1 ? "event" : "events")} ({AuditLogFilter.Utc(export.FirstPendingEffectiveAt)} to {AuditLogFilter.Utc(export.LastPendingEffectiveAt)} UTC)";
            return export.IncompleteLineBytes > 0
                ? $"{action} after removing an incomplete last line ({export.IncompleteLineBytes} bytes)"
                : action;
        }

        private static string? Advice(string errorId) => errorId switch
        {
            Resources.AuditLogExportException.FilterChanged =>
                "Export another selection to a new -Path (with its own -StatePath), or add -Force to go on with the new filter from the file's last event on.",
            Resources.AuditLogExportException.InProgress => "Schedule runs of one file so that they do not overlap (Task Scheduler: do not start a new instance).",
            Resources.AuditLogExportException.FileChanged => "Run the export again; only one program should write the file.",
            _ => null,
        };

        private static ErrorCategory CategoryOf(string errorId) => errorId switch
        {
            Resources.AuditLogExportException.InProgress => ErrorCategory.ResourceBusy,
            Resources.AuditLogExportException.FileInvalid => ErrorCategory.InvalidData,
            Resources.AuditLogExportException.FileChanged => ErrorCategory.ResourceBusy,
            Resources.AuditLogExportException.FilterChanged => ErrorCategory.InvalidOperation,
            _ => ErrorCategory.WriteError,
        };

        /// <summary>A path of the FileSystem provider (relative to the current location, which need not exist yet).</summary>
        private string FileSystemPath(string path, string parameter)
        {
            string resolved;
            ProviderInfo provider;
            try
            {
                resolved = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _);
            }
            catch (Exception ex) when (ex is ItemNotFoundException || ex is DriveNotFoundException || ex is ProviderNotFoundException || ex is NotSupportedException || ex is ArgumentException)
            {
                ThrowTerminatingError(ErrorRecords.Create("InvalidPath", ErrorCategory.InvalidArgument, $"-{parameter} '{path}' is not a usable file path: {ex.Message}", path));
                throw;
            }

            if (provider.Name != "FileSystem")
            {
                ThrowTerminatingError(ErrorRecords.Create("InvalidPath", ErrorCategory.InvalidArgument,
                    $"-{parameter} '{path}' is a path of the {provider.Name} provider; give a file system path.", path));
            }

            try
            {
                return System.IO.Path.GetFullPath(resolved);
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is System.IO.PathTooLongException)
            {
                // A character no file name may hold (a NUL from a script's string) is found by the file system's rules.
                ThrowTerminatingError(ErrorRecords.Create("InvalidPath", ErrorCategory.InvalidArgument, $"-{parameter} '{path}' is not a usable file path: {ex.Message}", path));
                throw;
            }
        }
    }

    /// <summary>What Get- and Export-OAIAuditLog share: event type validation, times, and output for PowerShell.</summary>
    internal static class AuditLogFilter
    {
        public const string InvalidEventType = "InvalidEventType";
        public const string TenantOnlyRequired = "TenantOnlyRequired";
        public const string EventTypeNotTenantScoped = "EventTypeNotTenantScoped";
        public const string InvalidTimeRange = "InvalidTimeRange";

        /// <summary>
        /// Ids and e-mails as the API knows them: a space copied along with one matched nothing, so the filter returned no
        /// event at all (and the export's state recorded the trimmed filter the request did not send).
        /// </summary>
        public static string[]? Trimmed(string[]? values) => values?.Select(value => value.Trim()).ToArray();

        /// <summary>
        /// The event types to send for the names and patterns given: each name must be a known type of the scope asked for
        /// (tenant-scoped types need -TenantOnly, and -TenantOnly takes only them); a pattern stands for the known types of
        /// that scope it matches and must match one. Refused before any request, with a stable error id.
        /// </summary>
        public static IList<string>? EventTypes(PSCmdlet cmdlet, string[]? given, bool tenantOnly)
        {
            if (given == null)
            {
                return null;
            }

            var types = new List<string>();
            IReadOnlyList<string> scope = tenantOnly ? AuditLogEventTypes.TenantScoped : AuditLogEventTypes.OrganizationScoped;
            foreach (string raw in given)
            {
                string name = raw.Trim();
                if (WildcardPattern.ContainsWildcardCharacters(name))
                {
                    var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
                    List<string> matches = scope.Where(t => pattern.IsMatch(t)).ToList();
                    if (matches.Count == 0)
                    {
                        Fail(cmdlet, InvalidEventType, raw, $"-EventType '{ErrorRecords.Shorten(name)}' matches no {(tenantOnly ? "tenant-scoped" : "organization")} event type."
                            + (tenantOnly ? string.Empty : " Tenant-scoped types (tenant.*) need -TenantOnly."));
                    }

                    types.AddRange(matches);
                    continue;
                }

                string? known = AuditLogEventTypes.All.FirstOrDefault(t => string.Equals(t, name, StringComparison.OrdinalIgnoreCase));
                if (known == null)
                {
                    Fail(cmdlet, InvalidEventType, raw, $"'{ErrorRecords.Shorten(name)}' is not an audit log event type{Suggest(name)}. "
                        + "Press Tab after -EventType for the list, or use wildcards (login.*).");
                }
                else if (AuditLogEventTypes.IsTenantScoped(known) && !tenantOnly)
                {
                    Fail(cmdlet, TenantOnlyRequired, raw, $"'{known}' is a tenant-scoped event type: the API lists it only with -TenantOnly.");
                }
                else if (!AuditLogEventTypes.IsTenantScoped(known) && tenantOnly)
                {
                    Fail(cmdlet, EventTypeNotTenantScoped, raw, $"'{known}' is not a tenant-scoped event type: with -TenantOnly every event type must be tenant-scoped.");
                }

                types.Add(known!);
            }

            return types.Distinct(StringComparer.Ordinal).ToList();
        }

        /// <summary>A bound time parameter as UTC (a DateTime of Kind Local or Unspecified is local time), else null.</summary>
        public static DateTimeOffset? Time(PSCmdlet cmdlet, string parameter, DateTimeOffset value) =>
            cmdlet.MyInvocation.BoundParameters.ContainsKey(parameter) ? value.ToUniversalTime() : (DateTimeOffset?)null;

        public static void CheckRange(PSCmdlet cmdlet, DateTimeOffset? start, DateTimeOffset? end)
        {
            if (start != null && end != null && end <= start)
            {
                Fail(cmdlet, InvalidTimeRange, end, $"-EndTime ({Utc(end)} UTC) must be after -StartTime ({Utc(start)} UTC): the range would hold nothing.");
            }
        }

        public static string Utc(DateTimeOffset? time) =>
            time?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) ?? "-";

        /// <summary>
        /// Events as PowerShell users read them: the event's own data (and a session's address details) as
        /// PSCustomObjects with the API's field names, which Format-List, ConvertTo-Json and Export-Clixml show naturally.
        /// </summary>
        public static async IAsyncEnumerable<AuditLog> ForPowerShell(IAsyncEnumerable<AuditLog> events, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (AuditLog log in events.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                log.Details = ToPowerShell(log.Details);
                if (log.Actor?.Session != null)
                {
                    log.Actor.Session.IpAddressDetails = ToPowerShell(log.Actor.Session.IpAddressDetails);
                }

                yield return log;
            }
        }

        internal static object? ToPowerShell(object? value)
        {
            switch (value)
            {
                case IDictionary<string, object?> fields:
                    var result = new PSObject();
                    foreach (KeyValuePair<string, object?> field in fields)
                    {
                        result.Properties.Add(new PSNoteProperty(field.Key, ToPowerShell(field.Value)));
                    }

                    return result;
                case object?[] items:
                    return items.Select(ToPowerShell).ToArray();
                default:
                    return value;
            }
        }

        private static string Suggest(string name)
        {
            int dot = name.IndexOf('.');
            string head = (dot > 0 ? name.Substring(0, dot) : name).ToLowerInvariant();
            List<string> near = AuditLogEventTypes.All.Where(t => t.StartsWith(head + ".", StringComparison.Ordinal)).Take(6).ToList();
            return near.Count == 0 ? string.Empty : " (did you mean " + string.Join(", ", near) + "?)";
        }

        private static void Fail(PSCmdlet cmdlet, string errorId, object? target, string message) =>
            cmdlet.ThrowTerminatingError(ErrorRecords.Create(errorId, ErrorCategory.InvalidArgument, message, target));
    }

    /// <summary>Completes -EventType from the known event types; with -TenantOnly on the line, the tenant-scoped ones only.</summary>
    public sealed class AuditLogEventTypeCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string word = (wordToComplete ?? string.Empty).Trim('\'', '"');
            bool tenantOnly = fakeBoundParameters != null && fakeBoundParameters.Contains("TenantOnly") && LanguagePrimitives.IsTrue(fakeBoundParameters["TenantOnly"]);
            IEnumerable<string> types = tenantOnly ? AuditLogEventTypes.TenantScoped : AuditLogEventTypes.All;
            var pattern = new WildcardPattern(word + "*", WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
            return types
                .Where(t => pattern.IsMatch(t))
                .OrderBy(t => AuditLogEventTypes.IsTenantScoped(t))
                .ThenBy(t => t, StringComparer.Ordinal)
                .Select(t => new CompletionResult(t, t, CompletionResultType.ParameterValue,
                    AuditLogEventTypes.IsTenantScoped(t) ? t + " (tenant-scoped: use with -TenantOnly)" : t))
                .ToList();
        }
    }
}
