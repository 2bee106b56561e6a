using System;
using OpenAIAdmin.Resources;

namespace OpenAIAdmin
{
    /// <summary>
    /// Entry point of the client core: one per connection, one HttpClient pipeline, one resource group per area
    /// of the Administration API. Knows nothing of PowerShell.
    /// </summary>
    public sealed class AdminClient : IDisposable
    {
        private readonly ApiConnection _connection;

        public AdminClient(AdminClientOptions options)
        {
            _connection = new ApiConnection(options ?? throw new ArgumentNullException(nameof(options)));
            Projects = new ProjectsClient(_connection);
            AdminApiKeys = new AdminApiKeysClient(_connection);
            Users = new UsersClient(_connection);
            Groups = new GroupsClient(_connection);
            Certificates = new CertificatesClient(_connection);
            Costs = new CostsClient(_connection);
        }

        public AdminClientOptions Options => _connection.Options;

        public ProjectsClient Projects { get; }

        public AdminApiKeysClient AdminApiKeys { get; }

        public UsersClient Users { get; }

        public GroupsClient Groups { get; }

        public CertificatesClient Certificates { get; }

        public CostsClient Costs { get; }

        public void Dispose() => _connection.Dispose();
    }
}
