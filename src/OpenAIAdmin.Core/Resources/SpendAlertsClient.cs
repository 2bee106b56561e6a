using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using OpenAIAdmin.Paging;

namespace OpenAIAdmin.Resources
{
    /// <summary>
    /// The organization's spend alerts: <c>/organization/spend_alerts</c> (id-cursor list of up to 100 a page, create,
    /// get, update, delete). An update replaces every field: <see cref="SpendAlertUpdate.ApplyTo"/> merges changes into
    /// the alert as it is.
    /// </summary>
    public sealed class SpendAlertsClient : ResourceClient
    {
        private const string Path = "organization/spend_alerts";

        internal SpendAlertsClient(ApiConnection connection) : base(connection) { }

        /// <param name="order"><c>asc</c> or <c>desc</c>; null uses the API default (asc).</param>
        public IAsyncEnumerable<OrganizationSpendAlert> ListAsync(string? order = null, ListOptions? options = null, CancellationToken cancellationToken = default) =>
            SpendAlertWire.Map(List(SpendAlertWire.ListRequest(Path, order), options, cancellationToken), w => w.Fill(new OrganizationSpendAlert()), cancellationToken);

        public async Task<OrganizationSpendAlert> GetAsync(string alertId, CancellationToken cancellationToken = default) =>
            (await Connection.GetAsync<SpendAlertWire>(Item(alertId), null, cancellationToken).ConfigureAwait(false)).Fill(new OrganizationSpendAlert());

        public async Task<OrganizationSpendAlert> CreateAsync(SpendAlertSettings settings, CancellationToken cancellationToken = default) =>
            (await Connection.PostAsync<SpendAlertWire>(Path, SpendAlertWire.Request(settings), cancellationToken).ConfigureAwait(false)).Fill(new OrganizationSpendAlert());

        /// <summary>Replaces every field of the alert with <paramref name="settings"/>.</summary>
        public async Task<OrganizationSpendAlert> UpdateAsync(string alertId, SpendAlertSettings settings, CancellationToken cancellationToken = default)
        {
            string path = Item(alertId);
            return (await Connection.PostAsync<SpendAlertWire>(path, SpendAlertWire.Request(settings), cancellationToken).ConfigureAwait(false)).Fill(new OrganizationSpendAlert());
        }

        public Task<DeletedObject> DeleteAsync(string alertId, CancellationToken cancellationToken = default) =>
            Delete(() => Item(alertId), alertId, cancellationToken);

        private static string Item(string alertId) => ApiPath.Item(Path, alertId, "spend alert id");
    }

    /// <summary>A project's spend alerts: <c>/organization/projects/{project_id}/spend_alerts</c>.</summary>
    public sealed class ProjectSpendAlertsClient : ResourceClient
    {
        internal ProjectSpendAlertsClient(ApiConnection connection) : base(connection) { }

        /// <param name="order"><c>asc</c> or <c>desc</c>; null uses the API default (asc).</param>
        public IAsyncEnumerable<ProjectSpendAlert> ListAsync(string projectId, string? order = null, ListOptions? options = null, CancellationToken cancellationToken = default) =>
            SpendAlertWire.Map(List(SpendAlertWire.ListRequest(Path(projectId), order), options, cancellationToken),
                w => w.Fill(new ProjectSpendAlert { ProjectId = projectId }), cancellationToken);

        public async Task<ProjectSpendAlert> GetAsync(string projectId, string alertId, CancellationToken cancellationToken = default) =>
            (await Connection.GetAsync<SpendAlertWire>(Item(projectId, alertId), null, cancellationToken).ConfigureAwait(false)).Fill(new ProjectSpendAlert { ProjectId = projectId });

        public async Task<ProjectSpendAlert> CreateAsync(string projectId, SpendAlertSettings settings, CancellationToken cancellationToken = default)
        {
            string path = Path(projectId);
            return (await Connection.PostAsync<SpendAlertWire>(path, SpendAlertWire.Request(settings), cancellationToken).ConfigureAwait(false)).Fill(new ProjectSpendAlert { ProjectId = projectId });
        }

        /// <summary>Replaces every field of the alert with <paramref name="settings"/>.</summary>
        public async Task<ProjectSpendAlert> UpdateAsync(string projectId, string alertId, SpendAlertSettings settings, CancellationToken cancellationToken = default)
        {
            string path = Item(projectId, alertId);
            return (await Connection.PostAsync<SpendAlertWire>(path, SpendAlertWire.Request(settings), cancellationToken).ConfigureAwait(false)).Fill(new ProjectSpendAlert { ProjectId = projectId });
        }

        public Task<DeletedObject> DeleteAsync(string projectId, string alertId, CancellationToken cancellationToken = default) =>
            Delete(() => Item(projectId, alertId), alertId, cancellationToken, projectId);

        private static string Path(string projectId) => ApiPath.Project(projectId) + "/spend_alerts";

        private static string Item(string projectId, string alertId) => ApiPath.Item(Path(projectId), alertId, "spend alert id");
    }

    /// <summary><c>OrganizationSpendAlert</c>/<c>ProjectSpendAlert</c> as sent, and <c>CreateSpendAlertBody</c>.</summary>
    internal sealed class SpendAlertWire
    {
        /// <summary>The API's range for <c>limit</c> is 0..100 (default 20); the pager asks for whole pages.</summary>
        public const int MaxPageSize = 100;

        public string Id { get; set; } = string.Empty;

        public string? Object { get; set; }

        public long ThresholdAmount { get; set; }

        public string? Currency { get; set; }

        public string? Interval { get; set; }

        public ChannelWire? NotificationChannel { get; set; }

        public static ListRequest<SpendAlertWire> ListRequest(string path, string? order)
        {
            if (order != null && order != "asc" && order != "desc")
            {
                throw InputError.Invalid($"'{InputError.Shorten(order)}' is not a sort order; use asc or desc.");
            }

            return new ListRequest<SpendAlertWire>(path, PagingStyle.IdCursor, MaxPageSize, w => w.Id) { Query = new Query().Add("order", order) };
        }

        public static AlertRequest Request(SpendAlertSettings settings)
        {
            if (settings == null)
            {
                throw InputError.Invalid("Give the settings of the spend alert.");
            }

            long cents = settings.Validate();
            return new AlertRequest
            {
                ThresholdAmount = cents,
                NotificationChannel = new ChannelWire
                {
                    Type = "email",
                    Recipients = SpendAlertSettings.Distinct(settings.Recipients),
                    SubjectPrefix = string.IsNullOrEmpty(settings.SubjectPrefix) ? null : settings.SubjectPrefix,
                },
            };
        }

        public T Fill<T>(T alert) where T : SpendAlert
        {
            alert.Id = Id;
            alert.Object = Object;
            alert.ThresholdAmountCents = ThresholdAmount;
            alert.Currency = Currency;
            alert.Interval = Interval;
            alert.NotificationType = NotificationChannel?.Type;
            alert.Recipients = NotificationChannel?.Recipients ?? new List<string>();
            alert.SubjectPrefix = NotificationChannel?.SubjectPrefix;
            return alert;
        }

        public static async IAsyncEnumerable<T> Map<T>(IAsyncEnumerable<SpendAlertWire> wires, Func<SpendAlertWire, T> map,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (SpendAlertWire wire in wires.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                yield return map(wire);
            }
        }

        internal sealed class ChannelWire
        {
            public string? Type { get; set; }

            public List<string>? Recipients { get; set; }

            public string? SubjectPrefix { get; set; }
        }

        internal sealed class AlertRequest
        {
            public long ThresholdAmount { get; set; }

            public string Currency { get; set; } = SpendAmount.Currency;

            public string Interval { get; set; } = SpendAmount.Interval;

            public ChannelWire NotificationChannel { get; set; } = new ChannelWire();
        }
    }

    public sealed partial class ProjectsClient
    {
        private ProjectSpendAlertsClient? _spendAlerts;

        /// <summary>A project's spend alerts.</summary>
        public ProjectSpendAlertsClient SpendAlerts => _spendAlerts ??= new ProjectSpendAlertsClient(Connection);
    }
}

namespace OpenAIAdmin
{
    public sealed partial class AdminClient
    {
        private Resources.SpendAlertsClient? _spendAlerts;

        /// <summary>The organization's spend alerts.</summary>
        public Resources.SpendAlertsClient SpendAlerts => _spendAlerts ??= new Resources.SpendAlertsClient(_connection);
    }
}
