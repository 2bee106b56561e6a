using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using OpenAIAdmin.Simulator.Infrastructure;
using OpenAIAdmin.Tests.Core;
using Xunit;

namespace OpenAIAdmin.Tests.Simulator;

/// <summary>Certificate upload, get, modify, delete and project scope, straight over HTTP (inventory §6.22, §6.23, X10).</summary>
public sealed class CertificateResourceTests : SimulatorHttpTests
{
    public CertificateResourceTests(SimulatorFixture sim)
        : base(sim)
    {
    }

    private static string Body(object value) => JsonSerializer.Serialize(value);

    [Fact]
    public async Task Seed_has_one_certificate_expiring_within_30_days_and_a_project_list()
    {
        Reply list = await Api.GetAsync("organization/certificates");
        long soon = DateTimeOffset.UtcNow.AddDays(30).ToUnixTimeSeconds();
        var expiring = list.Data.EnumerateArray().Where(c => c.GetProperty("certificate_details").GetProperty("expires_at").GetInt64() < soon).ToList();
        Assert.Equal("cert_0003JUyO6gBcswgwkPp3vlao", Assert.Single(expiring).Str("id"));
        Assert.Equal("corp-root-2025", list.Data.EnumerateArray().Single(c => c.Str("id") == "cert_0001M3du8cKjMwmMCx22qNSu").Str("name"));

        Reply project = await Api.GetAsync("organization/projects/proj_defaultSbtsIO0rWI91rcsUU/certificates");
        project.Ok();
        Assert.Equal("list", project.Json.Str("object"));
        Assert.Equal(new[] { "cert_0002LmNAjHn1wac56gmIa6Fy", "cert_0001M3du8cKjMwmMCx22qNSu" }, project.Data.Ids());
        Assert.All(project.Data.EnumerateArray(), c => Assert.Equal("organization.project.certificate", c.Str("object")));
        Assert.Equal(new[] { false, true }, project.Data.EnumerateArray().Select(c => c.GetProperty("active").GetBoolean()));
        Assert.Equal("cert_0002LmNAjHn1wac56gmIa6Fy", project.Json.Str("first_id"));
        Assert.Equal("cert_0001M3du8cKjMwmMCx22qNSu", project.Json.Str("last_id"));
        Assert.False(project.Json.GetProperty("has_more").GetBoolean());
        Assert.Equal(new[] { "cert_0001M3du8cKjMwmMCx22qNSu" }, (await Api.GetAsync("organization/projects/proj_defaultSbtsIO0rWI91rcsUU/certificates?order=asc&limit=1")).Data.Ids());
        (await Api.GetAsync("organization/projects/proj_defaultSbtsIO0rWI91rcsUU/certificates?limit=101")).BadRequest("limit");
        Assert.Contains("proj_nope", (await Api.GetAsync("organization/projects/proj_nope/certificates")).Error(404).Str("message"));
    }

    [Fact]
    public async Task Upload_returns_the_plain_shape_with_the_certificate_validity()
    {
        var (pem, key, certificate) = CertificatePemTests.NewCertificate("CN=sim.example.com");
        Reply uploaded = await Api.PostAsync("organization/certificates", Body(new { name = "sim-upload", certificate = pem }));
        uploaded.Ok();
        JsonElement json = uploaded.Json;
        Assert.Equal("certificate", json.Str("object"));
        Assert.True(IdShape.Certificate.Matches(json.Str("id")), json.Str("id"));
        Assert.Equal("sim-upload", json.Str("name"));
        Assert.False(json.TryGetProperty("active", out _));
        Assert.Equal(new DateTimeOffset(certificate.NotAfter.ToUniversalTime()).ToUnixTimeSeconds(), json.GetProperty("certificate_details").GetProperty("expires_at").GetInt64());
        Assert.False(json.GetProperty("certificate_details").TryGetProperty("content", out _));

        Reply listed = await Api.GetAsync("organization/certificates?limit=1");
        Assert.Equal(json.Str("id"), listed.Data[0].Str("id"));
        Assert.False(listed.Data[0].GetProperty("active").GetBoolean());

        (await Api.PostAsync("organization/certificates", Body(new { name = "x" }))).BadRequest("certificate");
        (await Api.PostAsync("organization/certificates", Body(new { certificate = "not pem" }))).BadRequest("certificate");
        (await Api.PostAsync("organization/certificates", Body(new { certificate = pem + key }))).BadRequest("certificate");
        (await Api.PostAsync("organization/certificates", Body(new { certificate = pem, project_id = "p" }))).BadRequest("project_id");
    }

    [Fact]
    public async Task Upload_stops_at_fifty_certificates()
    {
        string pem = CertificatePemTests.NewCertificate().Pem;
        for (int i = 5; i < 50; i++)
        {
            (await Api.PostAsync("organization/certificates", Body(new { certificate = pem }))).Ok();
        }

        JsonElement error = (await Api.PostAsync("organization/certificates", Body(new { certificate = pem }))).Error(400);
        Assert.Contains("50", error.Str("message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_returns_content_only_with_include_content()
    {
        Reply plain = await Api.GetAsync("organization/certificates/cert_0001M3du8cKjMwmMCx22qNSu");
        plain.Ok();
        Assert.Equal("certificate", plain.Json.Str("object"));
        Assert.False(plain.Json.TryGetProperty("active", out _));
        Assert.False(plain.Json.GetProperty("certificate_details").TryGetProperty("content", out _));

        Reply full = await Api.GetAsync("organization/certificates/cert_0001M3du8cKjMwmMCx22qNSu?include[]=content");
        string content = full.Json.GetProperty("certificate_details").Str("content");
        using var parsed = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(content);
        Assert.Equal("CN=corp-root-2025", parsed.Subject);
        Assert.Equal(full.Json.GetProperty("certificate_details").GetProperty("expires_at").GetInt64(), new DateTimeOffset(parsed.NotAfter.ToUniversalTime()).ToUnixTimeSeconds());
        Assert.Equal(content, (await Api.GetAsync("organization/certificates/cert_0001M3du8cKjMwmMCx22qNSu?include=content")).Json.GetProperty("certificate_details").Str("content"));

        (await Api.GetAsync("organization/certificates/cert_0001M3du8cKjMwmMCx22qNSu?include[]=key")).BadRequest("include");
        Assert.Contains("cert_nope", (await Api.GetAsync("organization/certificates/cert_nope")).Error(404).Str("message"));
    }

    [Fact]
    public async Task Modify_changes_only_the_name()
    {
        Reply renamed = await Api.PostAsync("organization/certificates/cert_0004iMFJ3N1UW35hviwyrsXH", Body(new { name = "renamed" }));
        renamed.Ok();
        Assert.Equal("certificate", renamed.Json.Str("object"));
        Assert.Equal("renamed", renamed.Json.Str("name"));
        Assert.Equal("renamed", (await Api.GetAsync("organization/certificates/cert_0004iMFJ3N1UW35hviwyrsXH")).Json.Str("name"));
        (await Api.PostAsync("organization/certificates/cert_0004iMFJ3N1UW35hviwyrsXH", Body(new { name = "" }))).BadRequest("name");
        (await Api.PostAsync("organization/certificates/cert_0004iMFJ3N1UW35hviwyrsXH", Body(new { active = true }))).BadRequest("active");
        (await Api.PostAsync("organization/certificates/cert_nope", Body(new { name = "x" }))).Error(404);
    }

    [Fact]
    public async Task Delete_needs_the_certificate_inactive_everywhere()
    {
        // cert_0002LmNAjHn1wac56gmIa6Fy: active in the organization; cert_0001M3du8cKjMwmMCx22qNSu: active in proj_defaultSbtsIO0rWI91rcsUU only.
        Assert.Contains("organization", (await Api.DeleteAsync("organization/certificates/cert_0002LmNAjHn1wac56gmIa6Fy")).Error(400).Str("message"));
        Assert.Contains("proj_defaultSbtsIO0rWI91rcsUU", (await Api.DeleteAsync("organization/certificates/cert_0001M3du8cKjMwmMCx22qNSu")).Error(400).Str("message"));

        Reply deactivated = await Api.PostAsync("organization/projects/proj_defaultSbtsIO0rWI91rcsUU/certificates/deactivate", Body(new { certificate_ids = new[] { "cert_0001M3du8cKjMwmMCx22qNSu" } }));
        deactivated.Ok();
        Reply deleted = await Api.DeleteAsync("organization/certificates/cert_0001M3du8cKjMwmMCx22qNSu");
        deleted.Ok();
        Assert.Equal("certificate.deleted", deleted.Json.Str("object"));
        Assert.Equal("cert_0001M3du8cKjMwmMCx22qNSu", deleted.Json.Str("id"));
        Assert.False(deleted.Json.TryGetProperty("deleted", out _));
        (await Api.GetAsync("organization/certificates/cert_0001M3du8cKjMwmMCx22qNSu")).Error(404);
        Assert.DoesNotContain("cert_0001M3du8cKjMwmMCx22qNSu", (await Api.GetAsync("organization/projects/proj_defaultSbtsIO0rWI91rcsUU/certificates")).Data.Ids());
        (await Api.DeleteAsync("organization/certificates/cert_0001M3du8cKjMwmMCx22qNSu")).Error(404);
    }

    [Fact]
    public async Task Project_toggle_is_atomic_and_leaves_the_organization_alone()
    {
        Reply missing = await Api.PostAsync("organization/projects/proj_defaultSbtsIO0rWI91rcsUU/certificates/activate", Body(new { certificate_ids = new[] { "cert_0004iMFJ3N1UW35hviwyrsXH", "cert_nope" } }));
        Assert.Contains("cert_nope", missing.Error(404).Str("message"));
        Assert.DoesNotContain("cert_0004iMFJ3N1UW35hviwyrsXH", (await Api.GetAsync("organization/projects/proj_defaultSbtsIO0rWI91rcsUU/certificates")).Data.Ids());
        (await Api.PostAsync("organization/projects/proj_nope/certificates/activate", Body(new { certificate_ids = new[] { "cert_0004iMFJ3N1UW35hviwyrsXH" } }))).Error(404);
        (await Api.PostAsync("organization/projects/proj_defaultSbtsIO0rWI91rcsUU/certificates/activate", Body(new { certificate_ids = Array.Empty<string>() }))).BadRequest("certificate_ids");

        Reply activated = await Api.PostAsync("organization/projects/proj_defaultSbtsIO0rWI91rcsUU/certificates/activate", Body(new { certificate_ids = new[] { "cert_0004iMFJ3N1UW35hviwyrsXH", "cert_0004iMFJ3N1UW35hviwyrsXH" } }));
        activated.Ok();
        Assert.Equal("organization.project.certificate.activation", activated.Json.Str("object"));
        JsonElement item = Assert.Single(activated.Data.EnumerateArray());
        Assert.Equal("organization.project.certificate", item.Str("object"));
        Assert.True(item.GetProperty("active").GetBoolean());

        Reply deactivated = await Api.PostAsync("organization/projects/proj_defaultSbtsIO0rWI91rcsUU/certificates/deactivate", Body(new { certificate_ids = new[] { "cert_0004iMFJ3N1UW35hviwyrsXH" } }));
        Assert.Equal("organization.project.certificate.deactivation", deactivated.Json.Str("object"));
        Assert.False(deactivated.Data[0].GetProperty("active").GetBoolean());

        Reply organization = await Api.GetAsync("organization/certificates");
        Assert.False(organization.Data.EnumerateArray().Single(c => c.Str("id") == "cert_0004iMFJ3N1UW35hviwyrsXH").GetProperty("active").GetBoolean());
        Assert.Equal(new[] { "cert_0004iMFJ3N1UW35hviwyrsXH", "cert_0002LmNAjHn1wac56gmIa6Fy", "cert_0001M3du8cKjMwmMCx22qNSu" }, (await Api.GetAsync("organization/projects/proj_defaultSbtsIO0rWI91rcsUU/certificates")).Data.Ids());
    }
}
