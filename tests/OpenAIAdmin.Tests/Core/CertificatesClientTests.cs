using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace OpenAIAdmin.Tests.Core;

/// <summary>The certificate client against the simulator over real sockets.</summary>
public sealed class CertificatesClientTests : IClassFixture<SimulatorFixture>, IAsyncLifetime
{
    private readonly SimulatorFixture _sim;

    public CertificatesClientTests(SimulatorFixture sim) => _sim = sim;

    public Task InitializeAsync() => _sim.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Upload_sends_clean_pem_and_returns_the_plain_shape()
    {
        using AdminClient client = _sim.NewClient();
        var (pem, _, certificate) = CertificatePemTests.NewCertificate("CN=upload.example.com");

        Certificate uploaded = await client.Certificates.UploadAsync("subject=CN = upload.example.com\r\n" + pem.Replace("\n", "\r\n"), "upload-test");

        Assert.Equal(Certificate.PlainObject, uploaded.Object);
        Assert.Equal("upload-test", uploaded.Name);
        Assert.Null(uploaded.Active);
        Assert.Null(uploaded.ProjectId);
        Assert.Equal(new DateTimeOffset(certificate.NotAfter.ToUniversalTime()).ToUnixTimeSeconds(), uploaded.ExpiresAt!.Value.ToUnixTimeSeconds());
        var call = Assert.Single(await _sim.RequestsToAsync("/organization/certificates"), c => c.Method == "POST");
        using JsonDocument body = JsonDocument.Parse(call.Body!);
        Assert.Equal(pem + "\n", body.RootElement.GetProperty("certificate").GetString());
        Assert.Equal("upload-test", body.RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Upload_checks_the_text_before_any_request()
    {
        using AdminClient client = _sim.NewClient();
        var (pem, key, _) = CertificatePemTests.NewCertificate();
        var ex = await Assert.ThrowsAsync<CertificateFormatException>(() => client.Certificates.UploadAsync(pem + key));
        Assert.Equal(CertificateProblem.PrivateKeyNotAllowed, ex.Problem);
        await Assert.ThrowsAsync<CertificateFormatException>(() => client.Certificates.UploadAsync("nope"));
        Assert.Empty(await _sim.RequestsAsync());
    }

    [Fact]
    public async Task Get_asks_for_content_only_when_told()
    {
        using AdminClient client = _sim.NewClient();
        Certificate plain = await client.Certificates.GetAsync("cert_0001M3du8cKjMwmMCx22qNSu");
        Certificate full = await client.Certificates.GetAsync("cert_0001M3du8cKjMwmMCx22qNSu", includeContent: true);

        Assert.Null(plain.Content);
        Assert.Null(plain.Active);
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", full.Content, StringComparison.Ordinal);
        Assert.Equal("corp-root-2025", full.Name);
        var calls = await _sim.RequestsToAsync("/organization/certificates/cert_0001M3du8cKjMwmMCx22qNSu");
        Assert.Equal(string.Empty, calls[0].Query ?? string.Empty);
        Assert.Equal("include[]=content", Uri.UnescapeDataString(calls[1].Query!));
    }

    [Fact]
    public async Task Lists_tell_the_scope_of_active()
    {
        using AdminClient client = _sim.NewClient();
        var organization = await client.Certificates.ListAsync().ToListAsync();
        var project = await client.Projects.Certificates.ListAsync("proj_defaultSbtsIO0rWI91rcsUU").ToListAsync();

        Assert.Equal(new[] { "cert_0005LCPpPTKmBnk7pvK2BGKI", "cert_0004iMFJ3N1UW35hviwyrsXH", "cert_0003JUyO6gBcswgwkPp3vlao", "cert_0002LmNAjHn1wac56gmIa6Fy", "cert_0001M3du8cKjMwmMCx22qNSu" }, organization.Select(c => c.Id));
        Assert.All(organization, c => Assert.Equal(Certificate.OrganizationObject, c.Object));
        Assert.All(organization, c => Assert.Null(c.ProjectId));
        Assert.Equal(new[] { "cert_0002LmNAjHn1wac56gmIa6Fy", "cert_0005LCPpPTKmBnk7pvK2BGKI" }, organization.Where(c => c.Active == true).Select(c => c.Id).OrderBy(i => i));
        Assert.Equal(new[] { "cert_0002LmNAjHn1wac56gmIa6Fy", "cert_0001M3du8cKjMwmMCx22qNSu" }, project.Select(c => c.Id));
        Assert.All(project, c => Assert.Equal(Certificate.ProjectObject, c.Object));
        Assert.All(project, c => Assert.Equal("proj_defaultSbtsIO0rWI91rcsUU", c.ProjectId));
        Assert.Equal(new bool?[] { false, true }, project.Select(c => c.Active));
    }

    [Fact]
    public async Task Project_activation_changes_only_the_project()
    {
        using AdminClient client = _sim.NewClient();
        var result = await client.Projects.Certificates.ActivateAsync("proj_defaultSbtsIO0rWI91rcsUU", new[] { "cert_0004iMFJ3N1UW35hviwyrsXH" });

        Certificate activated = Assert.Single(result);
        Assert.True(activated.Active);
        Assert.Equal("proj_defaultSbtsIO0rWI91rcsUU", activated.ProjectId);
        Assert.Equal(Certificate.ProjectObject, activated.Object);
        Assert.Single(await _sim.RequestsToAsync("/organization/projects/proj_defaultSbtsIO0rWI91rcsUU/certificates/activate"));
        Assert.False((await client.Certificates.ListAsync().ToListAsync()).Single(c => c.Id == "cert_0004iMFJ3N1UW35hviwyrsXH").Active);
        var deactivated = await client.Projects.Certificates.DeactivateAsync("proj_defaultSbtsIO0rWI91rcsUU", new[] { "cert_0004iMFJ3N1UW35hviwyrsXH", "cert_0001M3du8cKjMwmMCx22qNSu" });
        Assert.All(deactivated, c => Assert.False(c.Active));
        Assert.DoesNotContain(await client.Projects.Certificates.ListAsync("proj_defaultSbtsIO0rWI91rcsUU").ToListAsync(), c => c.Active == true);
    }

    [Fact]
    public async Task Rename_and_delete_follow_the_api_rules()
    {
        using AdminClient client = _sim.NewClient();
        Certificate renamed = await client.Certificates.UpdateAsync("cert_0004iMFJ3N1UW35hviwyrsXH", "staging-renamed");
        Assert.Equal("staging-renamed", renamed.Name);
        Assert.Equal(Certificate.PlainObject, renamed.Object);

        // Active in proj_defaultSbtsIO0rWI91rcsUU only: the API refuses until it is inactive everywhere.
        var refused = await Assert.ThrowsAsync<OpenAIAdminApiException>(() => client.Certificates.DeleteAsync("cert_0001M3du8cKjMwmMCx22qNSu"));
        Assert.Equal(AdminErrorKind.ApiBadRequest, refused.Kind);
        Assert.Contains("proj_defaultSbtsIO0rWI91rcsUU", refused.Message, StringComparison.Ordinal);
        await client.Projects.Certificates.DeactivateAsync("proj_defaultSbtsIO0rWI91rcsUU", new[] { "cert_0001M3du8cKjMwmMCx22qNSu" });

        DeletedObject deleted = await client.Certificates.DeleteAsync("cert_0001M3du8cKjMwmMCx22qNSu");
        Assert.Equal("cert_0001M3du8cKjMwmMCx22qNSu", deleted.Id);
        Assert.Equal("certificate.deleted", deleted.Object);
        Assert.Null(deleted.Deleted);
        var missing = await Assert.ThrowsAsync<OpenAIAdminApiException>(() => client.Certificates.GetAsync("cert_0001M3du8cKjMwmMCx22qNSu"));
        Assert.Equal(AdminErrorKind.ApiNotFound, missing.Kind);
    }

    [Fact]
    public async Task Bad_arguments_throw_before_any_request()
    {
        using AdminClient client = _sim.NewClient();
        await InputChecks.Refused(() => client.Certificates.UpdateAsync("cert_0001M3du8cKjMwmMCx22qNSu", " "));
        await InputChecks.Refused(() => client.Certificates.GetAsync(""));
        await InputChecks.Refused(() => client.Projects.Certificates.ActivateAsync("", new[] { "cert_0001M3du8cKjMwmMCx22qNSu" }));
        await InputChecks.Refused(() => client.Certificates.DeactivateAsync(Array.Empty<string>()));
        Assert.Empty(await _sim.RequestsAsync());
    }
}
