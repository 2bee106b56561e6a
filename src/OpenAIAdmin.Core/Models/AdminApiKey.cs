using System;
using System.Security;

namespace OpenAIAdmin
{
    /// <summary>An organization admin key (API type <c>organization.admin_api_key</c>). The secret is never part of it.</summary>
    public class AdminApiKey
    {
        public string Id { get; set; } = string.Empty;

        public string? Object { get; set; }

        public string? Name { get; set; }

        public string? RedactedValue { get; set; }

        public DateTimeOffset CreatedAt { get; set; }

        public DateTimeOffset? ExpiresAt { get; set; }

        public DateTimeOffset? LastUsedAt { get; set; }

        public AdminApiKeyOwner? Owner { get; set; }

        public override string ToString() => Id;
    }

    public sealed class AdminApiKeyOwner
    {
        public string? Type { get; set; }

        public string? Object { get; set; }

        public string? Id { get; set; }

        public string? Name { get; set; }

        public DateTimeOffset? CreatedAt { get; set; }

        public string? Role { get; set; }

        public override string ToString() => Name ?? Id ?? string.Empty;
    }

    /// <summary>
    /// A key just created. <see cref="Value"/> holds the secret, which the API returns only this once;
    /// ToString still gives the id so that the secret never lands in logs by accident.
    /// </summary>
    public sealed class AdminApiKeySecret : AdminApiKey
    {
        public SecureString? Value { get; set; }
    }

    internal sealed class AdminApiKeyCreateRequest
    {
        public string Name { get; set; } = string.Empty;

        public long? ExpiresInSeconds { get; set; }
    }
}
