using System.Threading;
using System.Threading.Tasks;

namespace OpenAIAdmin.Resources
{
    /// <summary>The organization's data retention: <c>/organization/data_retention</c> (get, update).</summary>
    public sealed class DataRetentionClient : ResourceClient
    {
        private const string Path = "organization/data_retention";

        internal DataRetentionClient(ApiConnection connection) : base(connection) { }

        public async Task<OrganizationDataRetention> GetAsync(CancellationToken cancellationToken = default) =>
            (await Connection.GetAsync<DataRetentionWire>(Path, null, cancellationToken).ConfigureAwait(false)).Fill(new OrganizationDataRetention());

        /// <param name="retentionType">One of <see cref="DataRetentionTypes.Organization"/> (case-insensitive); anything else throws before any request.</param>
        public async Task<OrganizationDataRetention> SetAsync(string retentionType, CancellationToken cancellationToken = default)
        {
            var request = DataRetentionWire.Request(retentionType, project: false);
            return (await Connection.PostAsync<DataRetentionWire>(Path, request, cancellationToken).ConfigureAwait(false)).Fill(new OrganizationDataRetention());
        }
    }

    /// <summary>A project's data retention: <c>/organization/projects/{project_id}/data_retention</c>.</summary>
    public sealed class ProjectDataRetentionClient : ResourceClient
    {
        internal ProjectDataRetentionClient(ApiConnection connection) : base(connection) { }

        public async Task<ProjectDataRetention> GetAsync(string projectId, CancellationToken cancellationToken = default) =>
            (await Connection.GetAsync<DataRetentionWire>(Path(projectId), null, cancellationToken).ConfigureAwait(false)).Fill(new ProjectDataRetention { ProjectId = projectId });

        /// <param name="retentionType">One of <see cref="DataRetentionTypes.Project"/> (case-insensitive); anything else throws before any request.</param>
        public async Task<ProjectDataRetention> SetAsync(string projectId, string retentionType, CancellationToken cancellationToken = default)
        {
            string path = Path(projectId);
            var request = DataRetentionWire.Request(retentionType, project: true);
            return (await Connection.PostAsync<DataRetentionWire>(path, request, cancellationToken).ConfigureAwait(false)).Fill(new ProjectDataRetention { ProjectId = projectId });
        }

        private static string Path(string projectId) => ApiPath.Project(projectId) + "/data_retention";
    }

    /// <summary>The API's answer <c>{object, type}</c>; the update body is <c>{retention_type}</c>.</summary>
    internal sealed class DataRetentionWire
    {
        public string? Object { get; set; }

        public string? Type { get; set; }

        public static RetentionRequest Request(string retentionType, bool project)
        {
            string? value = DataRetentionTypes.Find(retentionType, project);
            if (value == null)
            {
                string scope = project ? "a project" : "the organization";
                string allowed = string.Join(", ", project ? DataRetentionTypes.Project : DataRetentionTypes.Organization);
                throw InputError.Invalid($"'{InputError.Shorten(retentionType ?? string.Empty)}' is not a data retention type of {scope}; use one of {allowed}.");
            }

            return new RetentionRequest { RetentionType = value };
        }

        public T Fill<T>(T retention) where T : DataRetention
        {
            retention.Object = Object;
            retention.RetentionType = Type;
            return retention;
        }

        internal sealed class RetentionRequest
        {
            public string RetentionType { get; set; } = string.Empty;
        }
    }

    public sealed partial class ProjectsClient
    {
        private ProjectDataRetentionClient? _dataRetention;

        /// <summary>A project's data retention.</summary>
        public ProjectDataRetentionClient DataRetention => _dataRetention ??= new ProjectDataRetentionClient(Connection);
    }
}

namespace OpenAIAdmin
{
    public sealed partial class AdminClient
    {
        private Resources.DataRetentionClient? _dataRetention;

        /// <summary>The organization's data retention.</summary>
        public Resources.DataRetentionClient DataRetention => _dataRetention ??= new Resources.DataRetentionClient(_connection);
    }
}
