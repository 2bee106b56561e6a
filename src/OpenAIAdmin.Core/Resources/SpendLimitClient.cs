using System.Threading;
using System.Threading.Tasks;

namespace OpenAIAdmin.Resources
{
    /// <summary>
    /// The organization's hard spend limit: <c>/organization/spend_limit</c> (one object: get, create-or-replace, delete).
    /// The API answers 404 when no limit is set; <see cref="GetAsync"/> then returns null.
    /// </summary>
    public sealed class SpendLimitClient : ResourceClient
    {
        private const string Path = "organization/spend_limit";

        internal SpendLimitClient(ApiConnection connection) : base(connection) { }

        /// <summary>The limit, or null when the organization has none (the API answers 404).</summary>
        public async Task<OrganizationSpendLimit?> GetAsync(CancellationToken cancellationToken = default)
        {
            SpendLimitWire? wire = await SpendLimitWire.GetOrNull(Connection, Path, cancellationToken).ConfigureAwait(false);
            if (wire == null)
            {
                ClientEvents.Verbose("The organization has no hard spend limit (GET /" + Path + " answered 404).");
                return null;
            }

            return wire.Fill(new OrganizationSpendLimit());
        }

        /// <summary>Sets (creates or replaces) the limit, in dollars a month: whole cents, at least 0.01.</summary>
        public async Task<OrganizationSpendLimit> SetAsync(decimal amount, CancellationToken cancellationToken = default)
        {
            var request = SpendLimitWire.Request(amount, "the organization's hard spend limit");
            return (await Connection.PostAsync<SpendLimitWire>(Path, request, cancellationToken).ConfigureAwait(false)).Fill(new OrganizationSpendLimit());
        }

        /// <summary>Removes the limit; the API's answer has no id, so <see cref="DeletedObject.Id"/> stays null. No limit set: ApiNotFound.</summary>
        public Task<DeletedObject> DeleteAsync(CancellationToken cancellationToken = default) =>
            Connection.DeleteAsync<DeletedObject>(Path, cancellationToken);
    }

    /// <summary>A project's hard spend limit: <c>/organization/projects/{project_id}/spend_limit</c>.</summary>
    public sealed class ProjectSpendLimitClient : ResourceClient
    {
        internal ProjectSpendLimitClient(ApiConnection connection) : base(connection) { }

        /// <summary>
        /// The limit, or null when the project has none. The API answers 404 both when no limit is set and when the
        /// project does not exist; on a 404 the project is looked up, so a wrong project id is still ApiNotFound.
        /// </summary>
        public async Task<ProjectSpendLimit?> GetAsync(string projectId, CancellationToken cancellationToken = default)
        {
            string path = Path(projectId);
            SpendLimitWire? wire = await SpendLimitWire.GetOrNull(Connection, path, cancellationToken).ConfigureAwait(false);
            if (wire == null)
            {
                await Connection.GetAsync<Project>(ApiPath.Project(projectId), null, cancellationToken).ConfigureAwait(false);
                ClientEvents.Verbose($"Project {projectId} has no hard spend limit (GET /{path} answered 404; the project exists).");
                return null;
            }

            return wire.Fill(new ProjectSpendLimit { ProjectId = projectId });
        }

        /// <summary>Sets (creates or replaces) the project's limit, in dollars a month: whole cents, at least 0.01.</summary>
        public async Task<ProjectSpendLimit> SetAsync(string projectId, decimal amount, CancellationToken cancellationToken = default)
        {
            string path = Path(projectId);
            var request = SpendLimitWire.Request(amount, "a project's hard spend limit");
            return (await Connection.PostAsync<SpendLimitWire>(path, request, cancellationToken).ConfigureAwait(false)).Fill(new ProjectSpendLimit { ProjectId = projectId });
        }

        /// <summary>Removes the project's limit; <see cref="DeletedObject.Id"/> is the project id (the API sends none). No limit set: ApiNotFound.</summary>
        public Task<DeletedObject> DeleteAsync(string projectId, CancellationToken cancellationToken = default) =>
            Delete(() => Path(projectId), projectId, cancellationToken, projectId);

        private static string Path(string projectId) => ApiPath.Project(projectId) + "/spend_limit";
    }

    /// <summary><c>OrganizationSpendLimitResource</c>/<c>ProjectSpendLimitResource</c> as sent, and the update body.</summary>
    internal sealed class SpendLimitWire
    {
        public string? Object { get; set; }

        public long ThresholdAmount { get; set; }

        public string? Currency { get; set; }

        public string? Interval { get; set; }

        public EnforcementWire? Enforcement { get; set; }

        public static async Task<SpendLimitWire?> GetOrNull(ApiConnection connection, string path, CancellationToken cancellationToken)
        {
            try
            {
                return await connection.GetAsync<SpendLimitWire>(path, null, cancellationToken).ConfigureAwait(false);
            }
            catch (OpenAIAdminException ex) when (ex.Kind == AdminErrorKind.ApiNotFound)
            {
                return null;
            }
        }

        public static LimitRequest Request(decimal amount, string what) => new LimitRequest
        {
            ThresholdAmount = SpendAmount.ToCents(amount, SpendAmount.MinimumLimitCents, what),
        };

        public T Fill<T>(T limit) where T : SpendLimit
        {
            limit.Object = Object;
            limit.ThresholdAmountCents = ThresholdAmount;
            limit.Currency = Currency;
            limit.Interval = Interval;
            limit.EnforcementStatus = Enforcement?.Status;
            return limit;
        }

        internal sealed class EnforcementWire
        {
            public string? Status { get; set; }
        }

        internal sealed class LimitRequest
        {
            public long ThresholdAmount { get; set; }

            public string Currency { get; set; } = SpendAmount.Currency;

            public string Interval { get; set; } = SpendAmount.Interval;
        }
    }

    public sealed partial class ProjectsClient
    {
        private ProjectSpendLimitClient? _spendLimit;

        /// <summary>A project's hard spend limit.</summary>
        public ProjectSpendLimitClient SpendLimit => _spendLimit ??= new ProjectSpendLimitClient(Connection);
    }
}

namespace OpenAIAdmin
{
    public sealed partial class AdminClient
    {
        private Resources.SpendLimitClient? _spendLimit;

        /// <summary>The organization's hard spend limit.</summary>
        public Resources.SpendLimitClient SpendLimit => _spendLimit ??= new Resources.SpendLimitClient(_connection);
    }
}
