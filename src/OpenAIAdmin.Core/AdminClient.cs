using System;
using OpenAIAdmin.Resources;

namespace OpenAIAdmin
{
    /// <summary>
    /// Entry point of the client core: one per connection, one HttpClient pipeline, one resource group per area
    /// of the Administration API. Knows nothing of PowerShell. Each area adds its resource group in its own
    /// partial file (Resources/*Client.cs declare the property next to the client they create).
    /// </summary>
    public sealed partial class AdminClient : IDisposable
    {
        private readonly ApiConnection _connection;

        public AdminClient(AdminClientOptions options)
        {
            _connection = new ApiConnection(options ?? throw new ArgumentNullException(nameof(options)));
        }

        public AdminClientOptions Options => _connection.Options;

        public void Dispose() => _connection.Dispose();
    }
}
