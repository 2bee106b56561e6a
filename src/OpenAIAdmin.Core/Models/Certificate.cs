using System;

namespace OpenAIAdmin
{
    /// <summary>A certificate uploaded to the organization. <c>Object</c> depends on the call that returned it.</summary>
    public sealed class Certificate
    {
        public string Id { get; set; } = string.Empty;

        public string? Object { get; set; }

        public string? Name { get; set; }

        public DateTimeOffset CreatedAt { get; set; }

        public CertificateDetails? CertificateDetails { get; set; }

        /// <summary>Active at the scope of the call; null where the API does not say (single certificate get).</summary>
        public bool? Active { get; set; }

        public DateTimeOffset? ValidAt => CertificateDetails?.ValidAt;

        public DateTimeOffset? ExpiresAt => CertificateDetails?.ExpiresAt;

        public override string ToString() => Id;
    }

    public sealed class CertificateDetails
    {
        public DateTimeOffset? ValidAt { get; set; }

        public DateTimeOffset? ExpiresAt { get; set; }

        public string? Content { get; set; }
    }
}
