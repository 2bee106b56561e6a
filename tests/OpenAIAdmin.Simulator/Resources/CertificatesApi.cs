using System.Globalization;
using OpenAIAdmin.Simulator.Infrastructure;

namespace OpenAIAdmin.Simulator.Resources;

/// <summary>The API's <c>OrganizationCertificate</c> (list/activate/deactivate shape, with <c>active</c>).</summary>
internal sealed class CertificateRecord
{
    public string Object => "organization.certificate";

    public required string Id { get; init; }

    public string? Name { get; set; }

    public long CreatedAt { get; init; }

    public required CertificateDetails CertificateDetails { get; init; }

    public bool Active { get; set; }
}

internal sealed record CertificateDetails(long ValidAt, long ExpiresAt);

/// <summary>Organization certificates. List and (de)activation so far; upload/get/modify/delete and project scope extend this.</summary>
internal sealed class CertificatesStore : IResourceStore
{
    public const int MaxIdsPerCall = 10;

    private static readonly (string Name, bool Active)[] SeedData =
    {
        ("Corporate root CA", false),
        ("Partner gateway", true),
        ("Legacy proxy", false),
        ("Staging client", false),
        ("Production client", true),
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
                Id = "cert_" + (i + 1).ToString("0000", CultureInfo.InvariantCulture),
                Name = SeedData[i].Name,
                CreatedAt = created,
                CertificateDetails = new CertificateDetails(created - 86_400, created + (long)TimeSpan.FromDays(730).TotalSeconds),
                Active = SeedData[i].Active,
            });
        }
    }

    public CertificateRecord Get(string id) =>
        Items.Find(c => c.Id == id) ?? throw ApiException.NotFound("certificate", id);
}

/// <summary>Organization certificates (inventory §6.22): id-cursor list (order desc by default), activate, deactivate.</summary>
internal static class CertificatesApi
{
    public static void Map(RouteGroupBuilder v1, SimState state)
    {
        CertificatesStore store = state.Certificates;

        v1.MapGet("/organization/certificates", (HttpContext context) =>
        {
            int limit = QueryReader.Limit(context, 1, 100, 20);
            bool descending = QueryReader.Descending(context, defaultDescending: true);
            lock (state.Gate)
            {
                var ordered = descending ? Enumerable.Reverse(store.Items).ToList() : store.Items.ToList();
                return SimJson.Ok(Paging.IdCursor(context, ordered, c => c.Id, limit));
            }
        });

        v1.MapPost("/organization/certificates/activate", (HttpContext context) => Toggle(context, state, active: true));
        v1.MapPost("/organization/certificates/deactivate", (HttpContext context) => Toggle(context, state, active: false));
    }

    /// <summary>Atomic and idempotent: every id is checked before any certificate changes.</summary>
    private static IResult Toggle(HttpContext context, SimState state, bool active)
    {
        JsonBody body = JsonBody.Read(context, "certificate_ids");
        IReadOnlyList<string> ids = body.StringArray("certificate_ids", 1, CertificatesStore.MaxIdsPerCall, required: true)!;
        lock (state.Gate)
        {
            List<CertificateRecord> certificates = ids.Distinct(StringComparer.Ordinal).Select(state.Certificates.Get).ToList();
            foreach (CertificateRecord certificate in certificates)
            {
                certificate.Active = active;
            }

            string kind = active ? "organization.certificate.activation" : "organization.certificate.deactivation";
            return SimJson.Ok(new { @object = kind, data = certificates });
        }
    }
}
