using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OpenAIAdmin.Paging;

namespace OpenAIAdmin.Resources
{
    /// <summary>What to list: every filter of <c>GET /organization/audit_logs</c>. Null or empty means "no filter".</summary>
    public sealed class AuditLogQuery
    {
        /// <summary>Events at or after this time (<c>effective_at[gte]</c>). The API counts whole seconds: a time inside a second starts at the next one.</summary>
        public DateTimeOffset? StartTime { get; set; }

        /// <summary>Events before this time (<c>effective_at[lt]</c>, exclusive). A time inside a second includes that second.</summary>
        public DateTimeOffset? EndTime { get; set; }

        /// <summary><c>event_types[]</c>. The API refuses types it does not know; see <see cref="AuditLogEventTypes"/>.</summary>
        public IList<string>? EventTypes { get; set; }

        public IList<string>? ProjectIds { get; set; }

        /// <summary>User ids, service account ids or API key tracking ids.</summary>
        public IList<string>? ActorIds { get; set; }

        public IList<string>? ActorEmails { get; set; }

        /// <summary>Ids of the targets (a project id for <c>project.updated</c>).</summary>
        public IList<string>? ResourceIds { get; set; }

        /// <summary>Only tenant-scoped events (<c>tenant_only=true</c>); every event type given must then be tenant-scoped.</summary>
        public bool TenantOnly { get; set; }

        /// <summary>Unix seconds of the first second that lies wholly at or after <paramref name="time"/>.</summary>
        internal static long CeilingSeconds(DateTimeOffset time)
        {
            long seconds = time.ToUnixTimeSeconds();
            return time.UtcTicks % TimeSpan.TicksPerSecond == 0 ? seconds : seconds + 1;
        }

        internal Query ToQuery(long? atLeastSecond = null)
        {
            long? gte = StartTime is DateTimeOffset start ? CeilingSeconds(start) : (long?)null;
            if (atLeastSecond is long floor && (gte == null || floor > gte))
            {
                gte = floor;
            }

            return new Query()
                .Add("effective_at[gte]", gte)
                .Add("effective_at[lt]", EndTime is DateTimeOffset end ? CeilingSeconds(end) : (long?)null)
                .AddArray("project_ids", NotEmpty(ProjectIds))
                .AddArray("event_types", NotEmpty(EventTypes))
                .AddArray("actor_ids", NotEmpty(ActorIds))
                .AddArray("actor_emails", NotEmpty(ActorEmails))
                .AddArray("resource_ids", NotEmpty(ResourceIds))
                .Add("tenant_only", TenantOnly ? true : (bool?)null);
        }

        private static IEnumerable<string>? NotEmpty(IList<string>? values) =>
            values == null || values.Count == 0 ? null : values.Distinct(StringComparer.Ordinal);
    }

    /// <summary>
    /// Audit logs: <c>GET /organization/audit_logs</c>, id-cursor paging (limit 1..100), newest first. <see cref="ListAsync"/>
    /// streams typed events; <see cref="PrepareExportAsync"/> appends new events to a JSON Lines file exactly once.
    /// </summary>
    public sealed class AuditLogsClient : ResourceClient
    {
        internal const int MaxPageSize = 100;

        internal AuditLogsClient(ApiConnection connection) : base(connection) { }

        /// <summary>Every event that matches <paramref name="query"/>, newest first, page by page as the consumer reads.</summary>
        public async IAsyncEnumerable<AuditLog> ListAsync(AuditLogQuery? query = null, ListOptions? options = null,
            [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await foreach (JsonElement element in ListRawAsync((query ?? new AuditLogQuery()).ToQuery(), options, cancellationToken).ConfigureAwait(false))
            {
                yield return Read(element);
            }
        }

        /// <summary>
        /// Reads the file at <see cref="AuditLogExportRequest.Path"/>, lists what is not in it yet and holds the run ready to
        /// write (see <see cref="AuditLogExport"/>). Dispose the result to give up without writing.
        /// </summary>
        public Task<AuditLogExport> PrepareExportAsync(AuditLogExportRequest request, CancellationToken cancellationToken = default) =>
            AuditLogExport.PrepareAsync(this, request, cancellationToken);

        /// <summary>The events as the API sent them, newest first.</summary>
        internal IAsyncEnumerable<JsonElement> ListRawAsync(Query query, ListOptions? options, CancellationToken cancellationToken) =>
            List(new ListRequest<JsonElement>(ApiPath.AuditLogs, PagingStyle.IdCursor, MaxPageSize, IdOf) { Query = query }, options, cancellationToken);

        internal static string? IdOf(JsonElement element) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty("id", out JsonElement id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;

        internal static AuditLog Read(JsonElement element)
        {
            try
            {
                return AuditLog.FromJson(element);
            }
            catch (Exception ex) when (ex is JsonException || ex is InvalidOperationException)
            {
                const string operation = "GET /" + ApiPath.AuditLogs;
                throw new OpenAIAdminException(
                    AdminErrorKind.ApiResponseInvalid,
                    $"{operation} returned an event that is not an audit log object ({ex.Message}) (id {IdOf(element) ?? "-"}).",
                    ex)
                { Operation = operation };
            }
        }
    }
}

namespace OpenAIAdmin
{
    public sealed partial class AdminClient
    {
        private Resources.AuditLogsClient? _auditLogs;

        public Resources.AuditLogsClient AuditLogs => _auditLogs ??= new Resources.AuditLogsClient(_connection);
    }
}
