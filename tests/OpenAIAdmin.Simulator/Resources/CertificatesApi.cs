using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OpenAIAdmin.Simulator.Infrastructure;

namespace OpenAIAdmin.Simulator.Resources;

/// <summary>
/// One uploaded certificate and where it is active. The wire has three shapes of it (inventory X10), written by
/// <see cref="CertificateViews"/>: <c>certificate</c> (upload/get/modify, no <c>active</c>), <c>organization.certificate</c>
/// (organization list and (de)activation) and <c>organization.project.certificate</c> (project list and (de)activation).
/// </summary>
internal sealed class CertificateRecord
{
    public required string Id { get; init; }

    public string? Name { get; set; }

    public long CreatedAt { get; init; }

    public long ValidAt { get; init; }

    public long ExpiresAt { get; init; }

    /// <summary>The PEM text. Seeded certificates get theirs on first request: making five keys on every reset would slow every test.</summary>
    public string? Content { get; set; }

    /// <summary>Active in the organization.</summary>
    public bool Active { get; set; }

    /// <summary>Project id → active in that project, for every project that has (de)activated the certificate.</summary>
    public Dictionary<string, bool> Projects { get; } = new(StringComparer.Ordinal);
}

/// <summary>The three wire shapes of a certificate.</summary>
internal static class CertificateViews
{
    public static object Plain(CertificateRecord c, bool includeContent) => new
    {
        @object = "certificate",
        id = c.Id,
        name = c.Name,
        created_at = c.CreatedAt,
        certificate_details = includeContent
            ? (object)new { valid_at = c.ValidAt, expires_at = c.ExpiresAt, content = CertificatesStore.ContentOf(c) }
            : new { valid_at = c.ValidAt, expires_at = c.ExpiresAt },
    };

    public static object InOrganization(CertificateRecord c) => new
    {
        @object = "organization.certificate",
        id = c.Id,
        name = c.Name,
        active = c.Active,
        created_at = c.CreatedAt,
        certificate_details = new { valid_at = c.ValidAt, expires_at = c.ExpiresAt },
    };

    public static object InProject(CertificateRecord c, string projectId) => new
    {
        @object = "organization.project.certificate",
        id = c.Id,
        name = c.Name,
        active = c.Projects.TryGetValue(projectId, out bool active) && active,
        created_at = c.CreatedAt,
        certificate_details = new { valid_at = c.ValidAt, expires_at = c.ExpiresAt },
    };
}

/// <summary>Certificates of the organization and their activation in projects.</summary>
internal sealed class CertificatesStore : IResourceStore
{
    public const int MaxIdsPerCall = 10;

    /// <summary>"Organizations can upload up to 50 certificates" (inventory §6.22).</summary>
    public const int MaxCertificates = 50;

    /// <summary>
    /// Names, organization state, and expiry in days from the reset (so exactly one, cert 0003, expires within 30
    /// days whenever the tests run). The default project has cert 0001 active and cert 0002 inactive in its own list.
    /// </summary>
    private static readonly (string Name, bool Active, int ExpiresInDays)[] SeedData =
    {
        ("corp-root-2025", false, 400),
        ("partner-gateway-2025", true, 200),
        ("legacy-proxy-2024", false, 10),
        ("staging-client-2025", false, 90),
        ("prod-client-2026", true, 700),
    };

    /// <summary>In upload order.</summary>
    public List<CertificateRecord> Items { get; } = new();

    public void Seed(SimState state)
    {
        Items.Clear();
        for (int i = 0; i < SeedData.Length; i++)
        {
            long created = SimState.At(TimeSpan.FromDays(100 + (i * 30)));
            Items.Add(new CertificateRecord
            {
                Id = SeedIds.Certificate(i + 1),
                Name = SeedData[i].Name,
                CreatedAt = created,
                ValidAt = created - 86_400,
                ExpiresAt = state.Now + (long)TimeSpan.FromDays(SeedData[i].ExpiresInDays).TotalSeconds,
                Active = SeedData[i].Active,
            });
        }

        Items[0].Projects[ProjectsStore.DefaultProjectId] = true;
        Items[1].Projects[ProjectsStore.DefaultProjectId] = false;
    }

    public CertificateRecord Get(string id) =>
        Items.Find(c => c.Id == id) ?? throw ApiException.NotFound("certificate", id);

    /// <summary>The PEM text; a seeded certificate gets a real self-signed one matching its name and validity.</summary>
    public static string ContentOf(CertificateRecord certificate)
    {
        if (certificate.Content == null)
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=" + certificate.Name, key, HashAlgorithmName.SHA256);
            using X509Certificate2 generated = request.CreateSelfSigned(
                DateTimeOffset.FromUnixTimeSeconds(certificate.ValidAt), DateTimeOffset.FromUnixTimeSeconds(certificate.ExpiresAt));
            certificate.Content = generated.ExportCertificatePem();
        }

        return certificate.Content;
    }
}

/// <summary>
/// Certificates (inventory §6.22, §6.23): organization list (id-cursor, order desc by default), upload, get (with
/// <c>include[]=content</c>), modify (name only), delete (only when inactive everywhere), activate/deactivate
/// (1..10 ids, atomic and idempotent); project list and project activate/deactivate of the organization's certificates.
/// </summary>
internal static class CertificatesApi
{
    /// <summary>
    /// Organization and project lists: id-cursor, limit 1..100 (default 20), <c>order</c> desc by default; the
    /// contract requires <c>first_id</c>/<c>last_id</c> (nullable) on both.
    /// </summary>
    public static readonly ListContract List = ListContract.IdCursor(1, 100, 20, descendingByDefault: true) with { BoundsRequired = true };

    public static void Map(RouteGroupBuilder v1, SimState state)
    {
        CertificatesStore store = state.Certificates;

        v1.MapGet("/organization/certificates", (HttpContext context) =>
        {
            var list = ListRequest.Read(context, state, List);
            lock (state.Gate)
            {
                return SimJson.Ok(list.Page("certificates", store.Items, c => c.Id, CertificateViews.InOrganization));
            }
        });

        v1.MapPost("/organization/certificates", (HttpContext context) =>
        {
            JsonBody body = JsonBody.Read(context, "name", "certificate");
            string pem = body.String("certificate", required: true, allowEmpty: false)!;
            string? name = body.String("name");
            (long validAt, long expiresAt) = ReadCertificate(pem);
            lock (state.Gate)
            {
                if (store.Items.Count >= CertificatesStore.MaxCertificates)
                {
                    throw ApiException.BadRequest(
                        $"Organizations can upload up to {CertificatesStore.MaxCertificates} certificates. Delete a certificate before uploading another.",
                        null, "certificate_limit_reached");
                }

                var certificate = new CertificateRecord
                {
                    Id = state.Ids.New(IdShape.Certificate),
                    Name = name,
                    CreatedAt = state.Now,
                    ValidAt = validAt,
                    ExpiresAt = expiresAt,
                    Content = pem,
                };
                store.Items.Add(certificate);
                return SimJson.Ok(CertificateViews.Plain(certificate, includeContent: false));
            }
        });

        v1.MapPost("/organization/certificates/activate", (HttpContext context) => Toggle(context, state, null, active: true));
        v1.MapPost("/organization/certificates/deactivate", (HttpContext context) => Toggle(context, state, null, active: false));

        v1.MapGet("/organization/certificates/{certificateId}", (HttpContext context, string certificateId) =>
        {
            bool includeContent = false;
            foreach (string include in QueryReader.Array(context, "include"))
            {
                includeContent = include == "content"
                    ? true
                    : throw ApiException.InvalidValue("include", $"'{include}' is not one of 'content'.");
            }

            lock (state.Gate)
            {
                return SimJson.Ok(CertificateViews.Plain(store.Get(certificateId), includeContent));
            }
        });

        v1.MapPost("/organization/certificates/{certificateId}", (HttpContext context, string certificateId) =>
        {
            JsonBody body = JsonBody.Read(context, "name");
            string? name = body.String("name", allowEmpty: false);
            lock (state.Gate)
            {
                CertificateRecord certificate = store.Get(certificateId);
                certificate.Name = name ?? certificate.Name;
                return SimJson.Ok(CertificateViews.Plain(certificate, includeContent: false));
            }
        });

        v1.MapDelete("/organization/certificates/{certificateId}", (string certificateId) =>
        {
            lock (state.Gate)
            {
                CertificateRecord certificate = store.Get(certificateId);
                if (certificate.Active)
                {
                    throw ApiException.BadRequest(
                        $"Certificate '{certificateId}' is active for the organization. Deactivate it before deleting it.", null, "certificate_active");
                }

                string? project = certificate.Projects.Where(p => p.Value).Select(p => p.Key).FirstOrDefault();
                if (project != null)
                {
                    throw ApiException.BadRequest(
                        $"Certificate '{certificateId}' is active for project '{project}'. Deactivate it in every project before deleting it.", null, "certificate_active");
                }

                store.Items.Remove(certificate);

                // The delete answer has an id but no "deleted" flag (inventory X4).
                return SimJson.Ok(new { @object = "certificate.deleted", id = certificate.Id });
            }
        });

        v1.MapGet("/organization/projects/{projectId}/certificates", (HttpContext context, string projectId) =>
        {
            var list = ListRequest.Read(context, state, List);
            lock (state.Gate)
            {
                state.Projects.Get(projectId);
                var inProject = store.Items.Where(c => c.Projects.ContainsKey(projectId));
                return SimJson.Ok(list.Page($"project_certificates.{projectId}", inProject, c => c.Id, c => CertificateViews.InProject(c, projectId)));
            }
        });

        v1.MapPost("/organization/projects/{projectId}/certificates/activate", (HttpContext context, string projectId) => Toggle(context, state, projectId, active: true));
        v1.MapPost("/organization/projects/{projectId}/certificates/deactivate", (HttpContext context, string projectId) => Toggle(context, state, projectId, active: false));
    }

    /// <summary>Atomic and idempotent: the project and every id are checked before any certificate changes.</summary>
    private static IResult Toggle(HttpContext context, SimState state, string? projectId, bool active)
    {
        JsonBody body = JsonBody.Read(context, "certificate_ids");
        IReadOnlyList<string> ids = body.StringArray("certificate_ids", 1, CertificatesStore.MaxIdsPerCall, required: true)!;
        lock (state.Gate)
        {
            if (projectId != null)
            {
                state.Projects.Get(projectId);
            }

            List<CertificateRecord> certificates = ids.Distinct(StringComparer.Ordinal).Select(state.Certificates.Get).ToList();
            foreach (CertificateRecord certificate in certificates)
            {
                if (projectId == null)
                {
                    certificate.Active = active;
                }
                else
                {
                    certificate.Projects[projectId] = active;
                }
            }

            string kind = (projectId == null ? "organization.certificate" : "organization.project.certificate") + (active ? ".activation" : ".deactivation");
            List<object> data = certificates
                .Select(c => projectId == null ? CertificateViews.InOrganization(c) : CertificateViews.InProject(c, projectId))
                .ToList();
            return SimJson.Ok(new { @object = kind, data });
        }
    }

    /// <summary>The validity of an uploaded PEM certificate; anything else is the 400 a real upload would get.</summary>
    private static (long ValidAt, long ExpiresAt) ReadCertificate(string pem)
    {
        if (pem.Contains("PRIVATE KEY", StringComparison.Ordinal))
        {
            throw ApiException.BadRequest("The certificate must not contain a private key.", "certificate", "invalid_certificate");
        }

        try
        {
            using X509Certificate2 certificate = X509Certificate2.CreateFromPem(pem);
            return (new DateTimeOffset(certificate.NotBefore.ToUniversalTime()).ToUnixTimeSeconds(),
                new DateTimeOffset(certificate.NotAfter.ToUniversalTime()).ToUnixTimeSeconds());
        }
        catch (CryptographicException)
        {
            throw ApiException.BadRequest("Invalid 'certificate': expected an X.509 certificate in PEM format.", "certificate", "invalid_certificate");
        }
    }
}
