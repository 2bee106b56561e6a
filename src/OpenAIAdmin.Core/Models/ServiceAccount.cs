using System;
using System.Security;

namespace OpenAIAdmin
{
    /// <summary>A service account of a project (API type <c>organization.project.service_account</c>).</summary>
    public class ProjectServiceAccount
    {
        public string Id { get; set; } = string.Empty;

        public string? Object { get; set; }

        public string? Name { get; set; }

        /// <summary><c>owner</c>, <c>member</c>, or <c>none</c> (created with <c>create_service_account_only</c>).</summary>
        public string? Role { get; set; }

        public DateTimeOffset CreatedAt { get; set; }

        /// <summary>The project the account belongs to; filled by the client (the API does not send it).</summary>
        public string? ProjectId { get; set; }

        public override string ToString() => Id;
    }

    /// <summary>
    /// A service account just created. <see cref="ApiKey"/> carries its first key, whose value the API returns only
    /// this once; it is null when the account was created without a key.
    /// </summary>
    public sealed class ProjectServiceAccountCreated : ProjectServiceAccount
    {
        public ServiceAccountApiKeySecret? ApiKey { get; set; }
    }

    /// <summary>
    /// A service-account API key just issued (API type <c>organization.project.service_account.api_key</c>).
    /// <see cref="Value"/> is the secret as a SecureString; ToString gives the key id, never the secret.
    /// </summary>
    public sealed class ServiceAccountApiKeySecret
    {
        public string Id { get; set; } = string.Empty;

        public string? Object { get; set; }

        public string? Name { get; set; }

        public DateTimeOffset CreatedAt { get; set; }

        public SecureString? Value { get; set; }

        /// <summary>Filled by the client from the request.</summary>
        public string? ProjectId { get; set; }

        /// <summary>Filled by the client from the request.</summary>
        public string? ServiceAccountId { get; set; }

        public override string ToString() => Id;
    }

    internal sealed class ServiceAccountCreateRequest
    {
        public string Name { get; set; } = string.Empty;

        public bool? CreateServiceAccountOnly { get; set; }
    }

    /// <summary>The fields a service-account update may change; null fields are not sent.</summary>
    public sealed class ServiceAccountUpdateRequest
    {
        public string? Name { get; set; }

        /// <summary><c>owner</c> or <c>member</c>.</summary>
        public string? Role { get; set; }
    }

    internal sealed class ServiceAccountApiKeyCreateRequest
    {
        public string? Name { get; set; }

        public string[]? Scopes { get; set; }
    }
}
