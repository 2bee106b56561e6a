using System;
using System.Text.Json.Serialization;

namespace OpenAIAdmin
{
    /// <summary>
    /// A certificate uploaded to the organization, as every certificate operation returns it. The API uses three
    /// shapes of one object and tells them apart by <see cref="Object"/>: <c>certificate</c> (upload, get, rename;
    /// no <c>active</c>), <c>organization.certificate</c> (organization list and (de)activation; <c>active</c> at the
    /// organization) and <c>organization.project.certificate</c> (project list and (de)activation; <c>active</c> in
    /// that project). Users get this one type; <see cref="Active"/> and <see cref="ProjectId"/> say at which scope.
    /// </summary>
    public sealed class Certificate
    {
        /// <summary>Value of <see cref="Object"/> from upload, get and rename.</summary>
        public const string PlainObject = "certificate";

        /// <summary>Value of <see cref="Object"/> from the organization list and (de)activation.</summary>
        public const string OrganizationObject = "organization.certificate";

        /// <summary>Value of <see cref="Object"/> from the project list and (de)activation.</summary>
        public const string ProjectObject = "organization.project.certificate";

        public string Id { get; set; } = string.Empty;

        /// <summary>The API's object type, unchanged; it names the call that returned the certificate (see the class summary).</summary>
        public string? Object { get; set; }

        public string? Name { get; set; }

        public DateTimeOffset CreatedAt { get; set; }

        public CertificateDetails? CertificateDetails { get; set; }

        /// <summary>
        /// Active at the scope of the call: the organization, or the project in <see cref="ProjectId"/>. Null where the
        /// API does not say (upload, get, rename).
        /// </summary>
        public bool? Active { get; set; }

        /// <summary>
        /// The project whose certificate list or (de)activation returned this object; null at organization scope.
        /// The API does not send it: the client records the project it asked about, so piped certificates keep their scope.
        /// </summary>
        [JsonIgnore]
        public string? ProjectId { get; set; }

        public DateTimeOffset? ValidAt => CertificateDetails?.ValidAt;

        public DateTimeOffset? ExpiresAt => CertificateDetails?.ExpiresAt;

        /// <summary>The PEM text; only a get with content requested returns it.</summary>
        public string? Content => CertificateDetails?.Content;

        public override string ToString() => Id;
    }

    public sealed class CertificateDetails
    {
        public DateTimeOffset? ValidAt { get; set; }

        public DateTimeOffset? ExpiresAt { get; set; }

        public string? Content { get; set; }
    }

    /// <summary>Body of POST /organization/certificates.</summary>
    public sealed class CertificateUploadRequest
    {
        /// <summary>The certificate in PEM format.</summary>
        public string Certificate { get; set; } = string.Empty;

        public string? Name { get; set; }
    }

    /// <summary>Body of POST /organization/certificates/{id}: the name is the only thing that can change.</summary>
    public sealed class CertificateUpdateRequest
    {
        public string? Name { get; set; }
    }
}
