using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using OpenAIAdmin.Transport;
using Xunit;

namespace OpenAIAdmin.Tests.Core;

/// <summary>Retry, cooldown, cancellation, timeouts, error mapping and handler rotation, over real sockets.</summary>
public sealed class TransportTests : IClassFixture<SimulatorFixture>, IAsyncLifetime
{
    private const string Projects = "/v1/organization/projects";
    private readonly SimulatorFixture _sim;

    public TransportTests(SimulatorFixture sim) => _sim = sim;

    public Task InitializeAsync() => _sim.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_connection_in_continuous_use_moves_to_a_new_socket_once_its_handler_lifetime_has_passed()
    {
        using AdminClient client = _sim.NewClient(o => o.HandlerLifetime = TimeSpan.FromSeconds(1));
        var watch = Stopwatch.StartNew();

        // A request every 20 ms for twice the lifetime (the shortest the factory takes), far inside the socket handler's
        // idle timeout (a minute): only a new handler, with connections and name resolution of its own, changes the
        // connection these requests come on.
        while (watch.Elapsed < TimeSpan.FromMilliseconds(2200))
        {
            await client.Projects.GetAsync("proj_defaultSbtsIO0rWI91rcsUU");
            await Task.Delay(20);
        }

        var connections = (await _sim.RequestsToAsync("/organization/projects/proj_defaultSbtsIO0rWI91rcsUU"))
            .Select(c => c.Connection).ToList();
        Assert.All(connections, Assert.NotNull);
        Assert.True(connections.Count >= 10, $"only {connections.Count} requests");
        // The first requests share one connection: a new one is not opened per request.
        Assert.Equal(connections[0], connections[1]);
        Assert.True(connections.Distinct().Count() >= 2, "every request came on connection " + connections[0]);
    }

    [Fact]
    public async Task Retries_429_with_retry_after_ms_and_says_so_in_verbose()
    {
        await _sim.AddFaultAsync(new { kind = "status", status = 429, retry_after_ms = 30, path = Projects, count = 2 });
        using AdminClient client = _sim.NewClient();
        var sink = new RecordingSink();
        Project project;
        using (ClientEvents.Use(sink))
        {
            project = await client.Projects.GetAsync("proj_defaultSbtsIO0rWI91rcsUU");
        }

        Assert.Equal("proj_defaultSbtsIO0rWI91rcsUU", project.Id);
        var calls = await _sim.RequestsToAsync("/organization/projects/proj_defaultSbtsIO0rWI91rcsUU");
        Assert.Equal(new[] { 429, 429, 200 }, calls.Select(c => c.Status).ToArray());
        Assert.Equal(2, sink.Verbose.Count(v => v.StartsWith("Retrying GET", StringComparison.Ordinal) && v.Contains("HTTP 429")));
        Assert.Contains(sink.Verbose, v => v.Contains("in 0.03 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Honours_retry_after_seconds()
    {
        await _sim.AddFaultAsync(new { kind = "status", status = 429, retry_after = "1", path = Projects, count = 1 });
        using AdminClient client = _sim.NewClient();
        var watch = Stopwatch.StartNew();
        await client.Projects.GetAsync("proj_defaultSbtsIO0rWI91rcsUU");
        Assert.InRange(watch.Elapsed.TotalSeconds, 0.95, 10);
    }

    [Fact]
    public async Task Honours_retry_after_http_date()
    {
        string date = DateTimeOffset.UtcNow.AddSeconds(2).ToString("r");
        await _sim.AddFaultAsync(new { kind = "status", status = 503, retry_after = date, path = Projects, count = 1 });
        using AdminClient client = _sim.NewClient();
        var watch = Stopwatch.StartNew();
        await client.Projects.GetAsync("proj_defaultSbtsIO0rWI91rcsUU");
        // An HTTP date has one-second resolution: the wait is between 1 and 2 seconds, never the 10 ms backoff.
        Assert.InRange(watch.Elapsed.TotalSeconds, 0.9, 10);
    }

    [Fact]
    public async Task Rate_limit_storm_with_short_hints_is_ridden_out()
    {
        // The defaults scaled down 50 times: backoff 10 ms doubling to 320 ms, ten retries. The server keeps saying
        // "retry after 20 ms" for a whole second (a minute, at full scale); honouring that literally would spend all
        // ten retries in 0.2 s. The growing backoff makes the ten waits add up to at least 1.43 s.
        await _sim.AddFaultAsync(new { kind = "status", status = 429, retry_after_ms = 20, path = Projects, duration_ms = 1000 });
        using AdminClient client = _sim.NewClient(o =>
        {
            o.InitialRetryDelay = TimeSpan.FromMilliseconds(10);
            o.MaxRetryDelay = TimeSpan.FromMilliseconds(320);
            o.OperationTimeout = TimeSpan.FromSeconds(30);
        });
        var sink = new RecordingSink();
        using (ClientEvents.Use(sink))
        {
            Assert.Equal("proj_defaultSbtsIO0rWI91rcsUU", (await client.Projects.GetAsync("proj_defaultSbtsIO0rWI91rcsUU")).Id);
        }

        var calls = await _sim.RequestsAsync();
        Assert.True(calls.Count >= 3, $"the storm answered only {calls.Count - 1} requests");
        Assert.All(calls.Take(calls.Count - 1), c => Assert.Equal("429 status", c.Status + " " + c.Fault));
        Assert.Equal(200, calls[^1].Status);
        Assert.Null(calls[^1].Fault);
        Assert.Equal(calls.Count - 1, sink.Verbose.Count(v => v.StartsWith("Retrying GET", StringComparison.Ordinal) && v.Contains("HTTP 429")));
    }

    [Fact]
    public async Task Rate_limit_storm_beyond_the_retry_limit_is_ApiRateLimited_naming_the_attempts()
    {
        await _sim.AddFaultAsync(new { kind = "status", status = 429, path = Projects, count = -1 });
        using AdminClient client = _sim.NewClient(o => o.MaxRetries = 3);
        var ex = await Assert.ThrowsAsync<OpenAIAdminApiException>(() => client.Projects.GetAsync("proj_defaultSbtsIO0rWI91rcsUU"));
        Assert.Equal(AdminErrorKind.ApiRateLimited, ex.Kind);
        Assert.Matches(@"\(HTTP 429, request id req_\w+\) Gave up after 4 attempts in \d+(\.\d)? s: the retry limit is 3\.$", ex.Message);
        Assert.Equal(4, (await _sim.RequestsAsync()).Count(c => c.Status == 429 && c.Fault == "status"));
    }

    [Theory]
    [InlineData("retry_after", "600", "600 s")]
    [InlineData("retry_after_ms", "600000", "600 s")]
    public async Task Server_wait_longer_than_the_budget_fails_at_once_saying_how_long(string header, string value, string said)
    {
        var rule = new Dictionary<string, object> { ["kind"] = "status", ["status"] = 429, ["path"] = Projects, ["count"] = -1, [header] = value };
        await _sim.AddFaultAsync(rule);
        using AdminClient client = _sim.NewClient();
        var watch = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<OpenAIAdminApiException>(() => client.Projects.GetAsync("proj_defaultSbtsIO0rWI91rcsUU"));
        Assert.Equal(AdminErrorKind.ApiRateLimited, ex.Kind);
        Assert.Matches(@"\(HTTP 429, request id req_\w+\) The server asked to wait " + said
            + @" before trying again, longer than this call can wait \(1\d\d(\.\d)? s: 1\d\d(\.\d)? s left of its 150 s time limit, less 1 s for an attempt\), so it stopped at once instead of retrying\.$", ex.Message);
        RecordedCall only = Assert.Single(await _sim.RequestsAsync());
        Assert.Equal("429 status", only.Status + " " + only.Fault);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");

        // A wait the call refused starts no cooldown: the connection's next request goes out at once.
        Assert.Equal("user-0001dFOBZZvO66McY18E82hx", (await client.Users.GetAsync("user-0001dFOBZZvO66McY18E82hx")).Id);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task A_wait_no_time_span_can_hold_fails_that_call_and_leaves_the_connection_working(int status)
    {
        // 922337203685000 ms is near TimeSpan.MaxValue: adding the time spent to it overflowed, the call failed with an
        // OverflowException, and the place it held in the connection's window was never given back.
        await _sim.AddFaultAsync(new { kind = "status", status, retry_after_ms = 922337203685000, path = "/v1/organization/users/user-0001dFOBZZvO66McY18E82hx", count = 1 });
        await _sim.AddFaultAsync(new { kind = "status", status = 429, retry_after_ms = 20, path = Projects, count = 1 });
        using AdminClient client = _sim.NewClient(o => o.OperationTimeout = TimeSpan.FromSeconds(10));
        var ex = await Assert.ThrowsAsync<OpenAIAdminApiException>(() => client.Users.GetAsync("user-0001dFOBZZvO66McY18E82hx"));
        Assert.Contains("The server asked to wait 922337203685 s before trying again, longer than this call can wait", ex.Message, StringComparison.Ordinal);

        // The same connection goes on: a 429 of its own, waited out, and then the next calls, at once.
        var watch = Stopwatch.StartNew();
        Assert.Equal("proj_defaultSbtsIO0rWI91rcsUU", (await client.Projects.GetAsync("proj_defaultSbtsIO0rWI91rcsUU")).Id);
        Assert.Equal("user-0001dFOBZZvO66McY18E82hx", (await client.Users.GetAsync("user-0001dFOBZZvO66McY18E82hx")).Id);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Cooldown_longer_than_what_is_left_of_a_call_fails_it_without_sending()
    {
        // The first caller accepts a 2.5 s wait; a caller with a 1.2 s budget cannot wait that out and fails at once
        // (it could be sent only if less than 0.2 s of the cooldown were left: 2.3 s of slack for a loaded machine).
        await _sim.AddFaultAsync(new { kind = "status", status = 429, retry_after_ms = 2500, path = Projects, count = 1 });
        using AdminClient client = _sim.NewClient(o => o.OperationTimeout = TimeSpan.FromSeconds(30));
        Task first = client.Projects.GetAsync("proj_defaultSbtsIO0rWI91rcsUU");
        await WaitForCallsAsync(calls => calls.Any(c => c.Status == 429));
        client.Options.OperationTimeout = TimeSpan.FromMilliseconds(1200);
        var held = await Assert.ThrowsAsync<OpenAIAdminException>(() => client.Users.GetAsync("user-0001dFOBZZvO66McY18E82hx"));
        Assert.Equal(AdminErrorKind.ApiRateLimited, held.Kind);
        Assert.Contains("GET /organization/users/user-0001dFOBZZvO66McY18E82hx was not sent: the server rate-limited this connection, which must wait", held.Message);
        Assert.Contains("this call's 1.2 s time limit", held.Message);
        client.Options.OperationTimeout = TimeSpan.FromSeconds(30);
        await first;
        Assert.Empty(await _sim.RequestsToAsync("/organization/users/user-0001dFOBZZvO66McY18E82hx"));
    }

    [Fact]
    public async Task Without_hints_uses_capped_backoff_and_gives_up_after_the_bounded_count()
    {
        await _sim.AddFaultAsync(new { kind = "status", status = 500, path = Projects, count = -1 });
        using AdminClient client = _sim.NewClient(o => o.MaxRetries = 2);
        var ex = await Assert.ThrowsAsync<OpenAIAdminApiException>(() => client.Projects.GetAsync("proj_defaultSbtsIO0rWI91rcsUU"));
        Assert.Equal(AdminErrorKind.ApiServerError, ex.Kind);
        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.Equal(3, (await _sim.RequestsAsync()).Count);
        Assert.NotNull(ex.RequestId);
        Assert.Contains(ex.RequestId!, ex.Message);
    }

    [Fact]
    public async Task Should_retry_false_stops_retrying()
    {
        await _sim.AddFaultAsync(new { kind = "status", status = 503, should_retry = "false", path = Projects, count = -1 });
        using AdminClient client = _sim.NewClient();
        await Assert.ThrowsAsync<OpenAIAdminApiException>(() => client.Projects.GetAsync("proj_defaultSbtsIO0rWI91rcsUU"));
        Assert.Single(await _sim.RequestsAsync());
    }

    [Fact]
    public async Task Post_is_not_resent_after_a_server_error_that_may_have_acted()
    {
        await _sim.AddFaultAsync(new { kind = "status", status = 500, method = "POST", path = Projects, count = 1 });
        using AdminClient client = _sim.NewClient();
        var ex = await Assert.ThrowsAsync<OpenAIAdminApiException>(() => client.Projects.CreateAsync(new ProjectCreateRequest { Name = "once" }));
        Assert.Equal(AdminErrorKind.ApiServerError, ex.Kind);
        Assert.Single(await _sim.RequestsAsync());
    }

    [Fact]
    public async Task Post_is_resent_after_429_and_after_should_retry_true()
    {
        await _sim.AddFaultAsync(new { kind = "status", status = 429, method = "POST", path = Projects, count = 1 });
        await _sim.AddFaultAsync(new { kind = "status", status = 500, should_retry = "true", method = "POST", path = Projects, count = 1 });
        using AdminClient client = _sim.NewClient();
        Project created = await client.Projects.CreateAsync(new ProjectCreateRequest { Name = "retried" });
        Assert.Equal("retried", created.Name);
        var posts = (await _sim.RequestsAsync()).Where(r => r.Method == "POST").ToList();
        Assert.Equal(3, posts.Count);
        Assert.All(posts, p => Assert.Contains("\"name\":\"retried\"", p.Body));
    }

    [Fact]
    public async Task Dropped_connection_on_get_is_retried()
    {
        await _sim.AddFaultAsync(new { kind = "drop", path = Projects, count = 1 });
        using AdminClient client = _sim.NewClient();
        Project project = await client.Projects.GetAsync("proj_defaultSbtsIO0rWI91rcsUU");
        Assert.Equal("proj_defaultSbtsIO0rWI91rcsUU", project.Id);
        var calls = await _sim.RequestsToAsync("/organization/projects/proj_defaultSbtsIO0rWI91rcsUU");
        Assert.Equal(new[] { "0 drop", "200 " }, calls.Select(c => c.Status + " " + c.Fault).ToArray());
    }

    [Fact]
    public async Task Dropped_connection_on_post_is_ApiConnectionLost_and_not_resent()
    {
        await _sim.AddFaultAsync(new { kind = "drop", method = "POST", path = Projects, count = 1 });
        using AdminClient client = _sim.NewClient();
        var ex = await Assert.ThrowsAsync<OpenAIAdminException>(() => client.Projects.CreateAsync(new ProjectCreateRequest { Name = "maybe" }));
        Assert.Equal(AdminErrorKind.ApiConnectionLost, ex.Kind);
        Assert.Contains("was lost before a response arrived", ex.Message);
        Assert.Contains("may have applied the change", ex.Message);
        var post = Assert.Single(await _sim.RequestsAsync());
        Assert.Equal(("POST", 0, "drop"), (post.Method, post.Status, post.Fault));
    }

    [Fact]
    public async Task An_API_error_that_echoes_any_key_shows_it_redacted()
    {
        await _sim.AddFaultAsync(new
        {
            kind = "status", status = 400, message = "Incorrect API key provided: sk-proj-ABCDEFGHIJKL1234.",
            code = "bad_key sk-proj-ABCDEFGHIJKL5678", param = "sk-admin-ABCDEFGHIJKL9012", path = Projects, count = 1,
        });
        using AdminClient client = _sim.NewClient();
        var ex = await Assert.ThrowsAsync<OpenAIAdminApiException>(() => client.Projects.GetAsync("proj_defaultSbtsIO0rWI91rcsUU"));
        Assert.Equal(AdminErrorKind.ApiBadRequest, ex.Kind);
        Assert.Equal("Incorrect API key provided: sk-proj-****1234.", ex.ApiMessage);
        Assert.Equal("bad_key sk-proj-****5678", ex.ErrorCode);
        Assert.Equal("sk-admin-****9012", ex.Param);
        Assert.DoesNotContain("ABCDEFGH", ex.Message);
        Assert.Equal(400, Assert.Single(await _sim.RequestsAsync()).Status);
    }

    [Fact]
    public async Task A_redirect_is_ApiRedirected_and_not_followed_without_the_key()
    {
        // The server points back at the same address: a client that follows sends the request again, and .NET drops
        // the Authorization header on every redirect, so that second request fails as a missing key (HTTP 401).
        await _sim.AddFaultAsync(new { kind = "redirect", path = Projects, count = 1 });
        using AdminClient client = _sim.NewClient();
        var ex = await Assert.ThrowsAsync<OpenAIAdminApiException>(() => client.Projects.GetAsync("proj_defaultSbtsIO0rWI91rcsUU"));

        Assert.Equal(AdminErrorKind.ApiRedirected, ex.Kind);
        Assert.Equal(HttpStatusCode.MovedPermanently, ex.StatusCode);
        var call = Assert.Single(await _sim.RequestsAsync());
        Assert.Equal((301, "redirect"), (call.Status, call.Fault));
        Assert.Equal(call.RequestId, ex.RequestId);
        string target = new Uri(_sim.BaseUri, "organization/projects/proj_defaultSbtsIO0rWI91rcsUU").ToString();
        Assert.Equal(
            "GET /organization/projects/proj_defaultSbtsIO0rWI91rcsUU was not followed: the server answered HTTP 301 (Moved Permanently, "
            + $"request id {call.RequestId}) with a redirect to {target}. The module does not follow redirects: the admin key is not "
            + "sent on to another address. It points back at the address this connection uses: something in between (a proxy or "
            + "gateway) answers instead of the API.",
            ex.Message);
    }

    [Fact]
    public async Task A_redirected_post_is_not_sent_again_and_the_error_names_the_new_base_address()
    {
        // A relative Location, as gateways often send, is read against the address that was asked.
        await _sim.AddFaultAsync(new { kind = "redirect", status = 307, location = "/moved/v1/organization/projects?x=secret", method = "POST", path = Projects, count = 1 });
        using AdminClient client = _sim.NewClient();
        var ex = await Assert.ThrowsAsync<OpenAIAdminApiException>(() => client.Projects.CreateAsync(new ProjectCreateRequest { Name = "moved" }));

        Assert.Equal(AdminErrorKind.ApiRedirected, ex.Kind);
        var post = Assert.Single(await _sim.RequestsAsync());
        Assert.Equal(("POST", 307, "redirect"), (post.Method, post.Status, post.Fault));
        string newBase = new Uri(_sim.RootUri, "moved/v1").ToString();
        Assert.Contains($"with a redirect to {newBase}/organization/projects. ", ex.Message);
        Assert.Contains($"Connect to {newBase} (Connect-OAIAdmin -BaseUri, or OPENAI_BASE_URL).", ex.Message);
        // The redirect's query is not repeated: it is the server's, and may carry anything.
        Assert.DoesNotContain("secret", ex.Message);
        Assert.DoesNotContain("may have applied", ex.Message);
    }

    [Fact]
    public async Task Failure_to_connect_is_ApiUnreachable_and_says_nothing_was_changed()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var options = new AdminClientOptions(new AdminApiKeyCredential(SimulatorFixture.FakeKey, KeySource.Parameter))
        {
            BaseUri = new Uri($"http://127.0.0.1:{port}/v1/"),
            MaxRetries = 1,
            InitialRetryDelay = TimeSpan.FromMilliseconds(10),
        };
        using var client = new AdminClient(options);
        var sink = new RecordingSink();
        OpenAIAdminException ex;
        using (ClientEvents.Use(sink))
        {
            ex = await Assert.ThrowsAsync<OpenAIAdminException>(() => client.Projects.CreateAsync(new ProjectCreateRequest { Name = "never" }));
        }

        Assert.Equal(AdminErrorKind.ApiUnreachable, ex.Kind);
        Assert.Contains("could not reach http://127.0.0.1:" + port, ex.Message);
        Assert.Contains("Gave up after 2 attempts", ex.Message);
        // Nothing was sent, so there is nothing to check: a POST may be retried and the message does not warn.
        Assert.DoesNotContain("may have applied", ex.Message);
        Assert.Single(sink.Verbose, v => v.StartsWith("Retrying POST", StringComparison.Ordinal) && v.Contains("a failure to connect"));
    }

    [Fact]
    public async Task A_certificate_the_system_does_not_trust_is_not_retried()
    {
        // A real TLS server on loopback with a self-signed certificate, as a TLS-inspecting proxy looks to a machine that
        // does not trust its root: every retry would meet the same certificate.
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
            "CN=localhost", rsa, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var generated = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        using var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12(
            generated.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx), null);
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        int handshakes = 0;
        using var stop = new CancellationTokenSource();
        Task server = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                TcpClient connection;
                try { connection = await listener.AcceptTcpClientAsync(stop.Token); }
                catch (OperationCanceledException) { return; }
                Interlocked.Increment(ref handshakes);
                using (connection)
                using (var tls = new System.Net.Security.SslStream(connection.GetStream()))
                {
                    try { await tls.AuthenticateAsServerAsync(certificate); }
                    catch (Exception) { }
                }
            }
        });

        var options = new AdminClientOptions(new AdminApiKeyCredential(SimulatorFixture.FakeKey, KeySource.Parameter))
        {
            BaseUri = new Uri($"https://127.0.0.1:{port}/v1/"),
            MaxRetries = 3,
            InitialRetryDelay = TimeSpan.FromMilliseconds(10),
        };
        using var client = new AdminClient(options);
        var ex = await Assert.ThrowsAsync<OpenAIAdminException>(async () => await client.Projects.ListAsync().ToListAsync());
        stop.Cancel();
        listener.Stop();
        await server;

        Assert.Equal(AdminErrorKind.ApiUnreachable, ex.Kind);
        Assert.Equal(1, handshakes);
        Assert.Contains("could not reach https://127.0.0.1:" + port, ex.Message);
        Assert.Contains("The secure connection was refused, so it was not tried again", ex.Message);
        Assert.DoesNotContain("Gave up after", ex.Message);
    }

    [Fact]
    public async Task A_host_name_that_does_not_exist_is_not_retried()
    {
        // ".invalid" never resolves (RFC 6761): the resolver's answer is final, and ten retries took 87 s to say so.
        var options = new AdminClientOptions(new AdminApiKeyCredential(SimulatorFixture.FakeKey, KeySource.Parameter))
        {
            BaseUri = new Uri("http://no-such-host.invalid/v1/"),
            MaxRetries = 3,
            InitialRetryDelay = TimeSpan.FromMilliseconds(10),
        };
        using var client = new AdminClient(options);
        var sink = new RecordingSink();
        OpenAIAdminException ex;
        using (ClientEvents.Use(sink))
        {
            ex = await Assert.ThrowsAsync<OpenAIAdminException>(async () => await client.Projects.ListAsync().ToListAsync());
        }

        // The fault is the one meant: the resolver said the name does not exist (not "try again").
        var socket = Assert.IsType<System.Net.Sockets.SocketException>(ex.GetBaseException());
        Assert.Equal(System.Net.Sockets.SocketError.HostNotFound, socket.SocketErrorCode);
        Assert.Equal(AdminErrorKind.ApiUnreachable, ex.Kind);
        Assert.Contains("could not reach http://no-such-host.invalid", ex.Message);
        Assert.Contains("The host name does not exist, so it was not tried again", ex.Message);
        Assert.DoesNotContain("Gave up after", ex.Message);
        Assert.DoesNotContain(sink.Verbose, v => v.StartsWith("Retrying", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reset_in_the_middle_of_a_body_on_get_is_retried()
    {
        await _sim.AddFaultAsync(new { kind = "reset_body", path = Projects, count = 1 });
        using AdminClient client = _sim.NewClient();
        var sink = new RecordingSink();
        using (ClientEvents.Use(sink))
        {
            Assert.Equal(250, (await client.Users.ListAsync().ToListAsync()).Count);
            Assert.Equal("proj_defaultSbtsIO0rWI91rcsUU", (await client.Projects.GetAsync("proj_defaultSbtsIO0rWI91rcsUU")).Id);
        }

        var calls = await _sim.RequestsToAsync("/organization/projects/proj_defaultSbtsIO0rWI91rcsUU");
        Assert.Equal(new[] { "200 reset_body", "200 " }, calls.Select(c => c.Status + " " + c.Fault).ToArray());
        Assert.Single(sink.Verbose, v => v.StartsWith("Retrying GET", StringComparison.Ordinal) && v.Contains("a connection lost while reading the response"));
    }

    [Fact]
    public async Task Reset_in_the_middle_of_every_body_is_ApiConnectionLost_not_unreachable()
    {
        await _sim.AddFaultAsync(new { kind = "reset_body", path = Projects, count = -1 });
        using AdminClient client = _sim.NewClient(o => o.MaxRetries = 1);
        var ex = await Assert.ThrowsAsync<OpenAIAdminException>(() => client.Projects.GetAsync("proj_defaultSbtsIO0rWI91rcsUU"));
        Assert.Equal(AdminErrorKind.ApiConnectionLost, ex.Kind);
        Assert.Contains("was lost while reading the response (HTTP 200, request id req_", ex.Message);
        Assert.Contains("Gave up after 2 attempts", ex.Message);
        Assert.DoesNotContain("could not reach", ex.Message);
        Assert.DoesNotContain("may have applied", ex.Message);
        var calls = await _sim.RequestsAsync();
        Assert.Equal(new[] { "200 reset_body", "200 reset_body" }, calls.Select(c => c.Status + " " + c.Fault).ToArray());
        Assert.Equal(calls[1].RequestId, ex.RequestId);
    }

    [Fact]
    public async Task Reset_in_the_middle_of_a_post_body_is_ApiConnectionLost_and_warns_the_change_may_be_applied()
    {
        await _sim.AddFaultAsync(new { kind = "reset_body", method = "POST", path = Projects, count = 1 });
        using AdminClient client = _sim.NewClient();
        var ex = await Assert.ThrowsAsync<OpenAIAdminException>(() => client.Projects.CreateAsync(new ProjectCreateRequest { Name = "half-answered" }));
        Assert.Equal(AdminErrorKind.ApiConnectionLost, ex.Kind);
        Assert.Contains("was lost while reading the response", ex.Message);
        Assert.Contains("The server may have applied the change: check before running it again.", ex.Message);
        var post = Assert.Single(await _sim.RequestsAsync());
        Assert.Equal((200, "reset_body"), (post.Status, post.Fault));
        // The simulator did apply it, which is exactly why the client must not send it again.
        Assert.Contains(await client.Projects.ListAsync().ToListAsync(), p => p.Name == "half-answered");
    }

    [Fact]
    public async Task Delete_applied_before_the_connection_dropped_is_reported_as_done()
    {
        using AdminClient client = _sim.NewClient();
        // Warm the connection first: the delete then travels on a reused connection, as in a real session.
        await client.Users.GetAsync("user-0005iWmK9D5TKHdUt4HCAUYy");
        await _sim.AddFaultAsync(new { kind = "drop_after", method = "DELETE", path = "/v1/organization/users/user-0005iWmK9D5TKHdUt4HCAUYy", count = 1 });
        var sink = new RecordingSink();
        DeletedObject deleted;
        using (ClientEvents.Use(sink))
        {
            deleted = await client.Users.DeleteAsync("user-0005iWmK9D5TKHdUt4HCAUYy");
        }

        Assert.Equal("user-0005iWmK9D5TKHdUt4HCAUYy", deleted.Id);
        Assert.True(deleted.Deleted);
        var deletes = (await _sim.RequestsAsync()).Where(c => c.Method == "DELETE").ToList();
        Assert.Equal(new[] { "0 drop_after", "404 " }, deletes.Select(c => c.Status + " " + c.Fault).ToArray());
        Assert.Contains(sink.Verbose, v => v.Contains("HTTP 404") && v.Contains("the connection was lost after attempt 1 was sent")
            && v.Contains("reported as done"));
        var gone = await Assert.ThrowsAsync<OpenAIAdminApiException>(() => client.Users.GetAsync("user-0005iWmK9D5TKHdUt4HCAUYy"));
        Assert.Equal(AdminErrorKind.ApiNotFound, gone.Kind);
    }

    [Fact]
    public async Task Unassignment_applied_before_a_reset_body_is_reported_as_done()
    {
        using AdminClient client = _sim.NewClient();
        await _sim.AddFaultAsync(new { kind = "reset_body", method = "DELETE", path = "/v1/organization/users/user-0002JeNiLqIA6WxFhRLL4olw/roles/role_01JR00039WRYDRWASJNY9WK5YG", count = 1 });
        DeletedRoleAssignment removed = await client.Users.Roles.UnassignAsync("user-0002JeNiLqIA6WxFhRLL4olw", "role_01JR00039WRYDRWASJNY9WK5YG");
        Assert.True(removed.Deleted);
        Assert.Equal(("user-0002JeNiLqIA6WxFhRLL4olw", "role_01JR00039WRYDRWASJNY9WK5YG"), (removed.UserId, removed.RoleId));
        var deletes = (await _sim.RequestsAsync()).Where(c => c.Method == "DELETE").ToList();
        Assert.Equal(new[] { "200 reset_body", "404 " }, deletes.Select(c => c.Status + " " + c.Fault).ToArray());
    }

    [Fact]
    public async Task Delete_404_stays_ApiNotFound_when_no_earlier_attempt_may_have_acted()
    {
        // A first-attempt 404 and a 404 after a 429 (refused before any work) are real "not found" answers.
        using AdminClient client = _sim.NewClient();
        var first = await Assert.ThrowsAsync<OpenAIAdminApiException>(() => client.Users.DeleteAsync("user_missing"));
        Assert.Equal(AdminErrorKind.ApiNotFound, first.Kind);

        await _sim.AddFaultAsync(new { kind = "status", status = 429, retry_after_ms = 10, method = "DELETE", count = 1 });
        var afterRateLimit = await Assert.ThrowsAsync<OpenAIAdminApiException>(() => client.Users.DeleteAsync("user_missing"));
        Assert.Equal(AdminErrorKind.ApiNotFound, afterRateLimit.Kind);
        var deletes = (await _sim.RequestsAsync()).Where(c => c.Method == "DELETE").Select(c => c.Status).ToArray();
        Assert.Equal(new[] { 404, 429, 404 }, deletes);
    }

    [Fact]
    public async Task Cooldown_after_429_is_shared_by_concurrent_requests()
    {
        await _sim.AddFaultAsync(new { kind = "status", status = 429, retry_after_ms = 2000, path = Projects + "/proj_defaultSbtsIO0rWI91rcsUU", count = 1 });
        using AdminClient client = _sim.NewClient();
        Task first = client.Projects.GetAsync("proj_defaultSbtsIO0rWI91rcsUU");
        // Start the second caller once the 429 has been answered (not after a fixed delay, which a loaded machine
        // can outlast), leaving the client a moment to read it.
        var deadline = Stopwatch.StartNew();
        while (!(await _sim.RequestsAsync()).Any(c => c.Status == 429) && deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20);
        }

        await Task.Delay(100);
        var watch = Stopwatch.StartNew();
        await client.Users.GetAsync((await client.Users.ListAsync(options: new ListOptions { MaxItems = 1 }).FirstAsync()).Id);
        // The user calls started during the cooldown and waited for it instead of going out at once.
        Assert.True(watch.Elapsed.TotalMilliseconds >= 1000, $"second caller waited only {watch.Elapsed.TotalMilliseconds} ms");
        await first;
    }

    [Fact]
    public async Task Verbose_lines_redact_a_key_pasted_as_a_filter_and_a_key_pasted_as_an_id_is_not_sent()
    {
        using AdminClient client = _sim.NewClient();
        var sink = new RecordingSink();
        const string pasted = "sk-admin-pastedwrong12345";
        OpenAIAdminException refused;
        using (ClientEvents.Use(sink))
        {
            await client.AuditLogs.ListAsync(new OpenAIAdmin.Resources.AuditLogQuery { ProjectIds = new[] { pasted } }).ToListAsync();
            refused = await Assert.ThrowsAsync<OpenAIAdminException>(() => client.Users.GetAsync(pasted));
        }

        Assert.Equal(AdminErrorKind.InvalidArgument, refused.Kind);
        Assert.Equal("The user id 'sk-admin-****2345' is an API key, not an id. Nothing was sent; give the id of what to change (ids start with a prefix such as proj_ or user-).", refused.Message);
        // The filter's request carried it (the server saw it), the messages about it do not; the id's was never sent.
        var requests = await _sim.RequestsAsync();
        Assert.Contains(requests, c => (c.Path + c.Query).Contains(pasted, StringComparison.Ordinal));
        Assert.DoesNotContain(requests, c => c.Path.Contains("/users/", StringComparison.Ordinal));
        Assert.Contains(sink.Verbose, v => v.StartsWith("HTTP GET", StringComparison.Ordinal) && v.Contains("project_ids", StringComparison.Ordinal));
        Assert.DoesNotContain("pastedwrong", sink.All(), StringComparison.Ordinal);
        Assert.Contains("sk-admin-****2345", sink.All(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parallel_calls_against_a_limit_of_one_at_a_time_all_get_through_each_refused_only_a_few_times()
    {
        // The case of 60 requests a minute with a bucket of one, four calls at a time and the default retry settings,
        // scaled down 20 times so it takes seconds: one request every 50 ms, backoff 25 ms doubling to 800 ms, a 7.5 s
        // budget. Released all at once after each cooldown, the waiting calls were refused again and again, the
        // cooldown grew with the unluckiest one's backoff, and calls ran out of retries.
        using AdminClient client = _sim.NewClient(o =>
        {
            o.InitialRetryDelay = TimeSpan.FromMilliseconds(25);
            o.MaxRetryDelay = TimeSpan.FromMilliseconds(800);
            o.OperationTimeout = TimeSpan.FromSeconds(7.5);
        });
        List<string> ids = (await client.Users.ListAsync(options: new ListOptions { MaxItems = 60 }).ToListAsync()).Select(u => u.Id).ToList();
        await _sim.SetConditionsAsync(new { requests_per_minute = 1200, burst = 1, retry_after_ms = true });

        var queue = new System.Collections.Concurrent.ConcurrentQueue<string>(ids);
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        async Task Worker()
        {
            while (queue.TryDequeue(out string? id))
            {
                try
                {
                    Assert.Equal(id, (await client.Users.GetAsync(id)).Id);
                }
                catch (OpenAIAdminException ex)
                {
                    failures.Add(id + ": " + ex.Message);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(Worker)));

        Assert.True(failures.IsEmpty, string.Join("\n", failures));
        var calls = (await _sim.RequestsAsync()).Where(c => c.Path.StartsWith("/v1/organization/users/", StringComparison.Ordinal)).ToList();
        Assert.Equal(60, calls.Count(c => c.Status == 200));
        // The limit was met (a bucket of one at four at a time), and no call was refused more than a few times.
        Assert.Contains(calls, c => c.Status == 429);
        int mostRefused = calls.Where(c => c.Status == 429).GroupBy(c => c.Path).Select(g => g.Count()).DefaultIfEmpty(0).Max();
        Assert.True(mostRefused <= 4, $"a call was refused {mostRefused} times; {calls.Count(c => c.Status == 429)} refusals in all");
    }

    [Fact]
    public async Task Cancellation_ends_an_in_flight_request_promptly()
    {
        await _sim.AddFaultAsync(new { kind = "delay", delay_ms = 30000, path = Projects, count = 1 });
        using AdminClient client = _sim.NewClient();
        using var cancel = new CancellationTokenSource();
        Task call = client.Projects.GetAsync("proj_defaultSbtsIO0rWI91rcsUU", cancel.Token);
        // Cancel only once the server holds the request, so the test proves an in-flight request ends.
        var reached = await WaitForCallsAsync(calls => calls.Count == 1);
        Assert.Equal("delay", Assert.Single(reached).Fault);
        var watch = Stopwatch.StartNew();
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
        // The server saw the client go away (499) and no retry followed.
        Assert.Equal(499, Assert.Single(await WaitForCallsAsync(calls => calls.All(c => c.Status == 499)))!.Status);
    }

    [Fact]
    public async Task Attempt_timeout_becomes_ApiTimeout_naming_the_time_and_the_attempts()
    {
        await _sim.AddFaultAsync(new { kind = "delay", delay_ms = 30000, path = Projects, count = -1 });
        using AdminClient client = _sim.NewClient(o => { o.RequestTimeout = TimeSpan.FromMilliseconds(200); o.MaxRetries = 1; });
        var ex = await Assert.ThrowsAsync<OpenAIAdminException>(() => client.Projects.GetAsync("proj_defaultSbtsIO0rWI91rcsUU"));
        Assert.Equal(AdminErrorKind.ApiTimeout, ex.Kind);
        Assert.Matches(@"gave up after waiting \d+(\.\d)? s in all over 2 attempts \(each attempt may take up to 0\.2 s, the whole call up to 150 s\)\.$", ex.Message);
        var calls = await WaitForCallsAsync(c => c.Count == 2 && c.All(r => r.Status == 499));
        Assert.All(calls, c => Assert.Equal("delay", c.Fault));
    }

    [Fact]
    public async Task Server_that_never_answers_is_given_up_on_within_the_operation_timeout()
    {
        // Scaled down: 2 s per attempt, 4 s in all. The second attempt gets only what is left of the budget (a little
        // under 2 s) and ends when the budget does; no third attempt can start. The second attempt needs the first to
        // end by about 3 s (1 s must be left after the backoff): a second of slack for a loaded machine.
        await _sim.AddFaultAsync(new { kind = "delay", delay_ms = 60000, path = Projects, count = -1 });
        using AdminClient client = _sim.NewClient(o =>
        {
            o.RequestTimeout = TimeSpan.FromSeconds(2);
            o.OperationTimeout = TimeSpan.FromSeconds(4);
        });
        var watch = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<OpenAIAdminException>(() => client.Projects.GetAsync("proj_defaultSbtsIO0rWI91rcsUU"));
        watch.Stop();
        Assert.Equal(AdminErrorKind.ApiTimeout, ex.Kind);
        Assert.Contains("over 2 attempts (each attempt may take up to 2 s, the whole call up to 4 s)", ex.Message);
        // Timers never fire early, so the lower bound is exact; the upper one leaves a loaded machine room.
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(3950), $"gave up after {watch.Elapsed}, before the budget was spent");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(7), $"took {watch.Elapsed} for a 4 s budget");
        var calls = await WaitForCallsAsync(c => c.Count == 2 && c.All(r => r.Status == 499));
        Assert.Equal(new[] { "499 delay", "499 delay" }, calls.Select(c => c.Status + " " + c.Fault).ToArray());
    }

    [Fact]
    public async Task Post_timeout_is_not_resent_and_warns_the_change_may_be_applied()
    {
        await _sim.AddFaultAsync(new { kind = "delay", delay_ms = 30000, method = "POST", path = Projects, count = -1 });
        using AdminClient client = _sim.NewClient(o => o.RequestTimeout = TimeSpan.FromMilliseconds(200));
        var ex = await Assert.ThrowsAsync<OpenAIAdminException>(() => client.Projects.CreateAsync(new ProjectCreateRequest { Name = "slow" }));
        Assert.Equal(AdminErrorKind.ApiTimeout, ex.Kind);
        Assert.Contains("over 1 attempt (", ex.Message);
        Assert.Contains("may have applied the change", ex.Message);
        Assert.Equal("delay", Assert.Single(await WaitForCallsAsync(c => c.Count == 1 && c[0].Status == 499)).Fault);
    }

    [Fact]
    public async Task Malformed_json_is_an_invalid_response_with_the_request_id()
    {
        await _sim.AddFaultAsync(new { kind = "malformed", path = Projects, count = 1 });
        using AdminClient client = _sim.NewClient();
        var ex = await Assert.ThrowsAsync<OpenAIAdminException>(() => client.Projects.GetAsync("proj_defaultSbtsIO0rWI91rcsUU"));
        Assert.Equal(AdminErrorKind.ApiResponseInvalid, ex.Kind);
        Assert.NotNull(ex.RequestId);
        Assert.Contains(ex.RequestId!, ex.Message);
    }

    [Fact]
    public async Task Not_found_carries_the_api_message_and_request_id()
    {
        using AdminClient client = _sim.NewClient();
        var ex = await Assert.ThrowsAsync<OpenAIAdminApiException>(() => client.Projects.GetAsync("proj_missing"));
        Assert.Equal(AdminErrorKind.ApiNotFound, ex.Kind);
        Assert.Contains("proj_missing", ex.ApiMessage);
        Assert.StartsWith("req_", ex.RequestId);
        Assert.Equal((await _sim.RequestsAsync()).Single().RequestId, ex.RequestId);
    }

    [Fact]
    public async Task Bad_input_is_a_bad_request_naming_the_parameter()
    {
        using AdminClient client = _sim.NewClient();
        var ex = await Assert.ThrowsAsync<OpenAIAdminApiException>(() => client.Projects.CreateAsync(new ProjectCreateRequest { Name = "" }));
        Assert.Equal(AdminErrorKind.ApiBadRequest, ex.Kind);
        Assert.Equal("name", ex.Param);
    }

    [Fact]
    public async Task Rejected_key_explains_which_key_is_needed_and_never_shows_the_key()
    {
        const string projectKey = "sk-proj-unit-test-fake-key";
        var options = new AdminClientOptions(new AdminApiKeyCredential(projectKey, KeySource.Parameter)) { BaseUri = _sim.BaseUri, MaxRetries = 0 };
        using var client = new AdminClient(options);
        var sink = new RecordingSink();
        OpenAIAdminApiException ex;
        using (ClientEvents.Use(sink))
        {
            ex = await Assert.ThrowsAsync<OpenAIAdminApiException>(() => client.Projects.GetAsync("proj_defaultSbtsIO0rWI91rcsUU"));
        }

        Assert.Equal(AdminErrorKind.InvalidAdminKey, ex.Kind);
        Assert.Contains("sk-admin-", ex.Message);
        Assert.Contains("platform.openai.com/settings/organization/admin-keys", ex.Message);
        Assert.DoesNotContain(projectKey, ex.Message);
        Assert.DoesNotContain(projectKey, ex.ToString());
        Assert.DoesNotContain(projectKey, sink.All());
    }

    [Fact]
    public async Task Debug_output_never_holds_the_key_or_a_new_secret()
    {
        using AdminClient client = _sim.NewClient();
        var sink = new RecordingSink();
        using (ClientEvents.Use(sink))
        {
            AdminApiKeySecret created = await client.AdminApiKeys.CreateAsync("debug-check");
            string secret = new NetworkCredential(string.Empty, created.Value).Password;
            Assert.StartsWith("sk-admin-", secret);
            Assert.DoesNotContain(secret, sink.All());
            Assert.DoesNotContain(secret, created.ToString());
        }

        Assert.DoesNotContain(SimulatorFixture.FakeKey, sink.All());
        Assert.Contains(sink.Debug, d => d.Contains("\"value\": \"***\"", StringComparison.Ordinal) || d.Contains("\"value\":\"***\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sends_array_filters_with_brackets()
    {
        using AdminClient client = _sim.NewClient();
        var users = await client.Users.ListAsync(new[] { "user-0001@example.com", "user-0002@example.com" }).ToListAsync();
        Assert.Equal(new[] { "user-0001@example.com", "user-0002@example.com" }, users.Select(u => u.Email).OrderBy(e => e).ToArray());
        var call = (await _sim.RequestsAsync()).Single();
        Assert.Contains("emails[]=user-0001%40example.com", call.Query);
    }

    /// <summary>The request log once <paramref name="done"/> holds for it (the server records some outcomes a moment later).</summary>
    private async Task<IReadOnlyList<RecordedCall>> WaitForCallsAsync(Func<IReadOnlyList<RecordedCall>, bool> done)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var calls = await _sim.RequestsAsync();
            if (done(calls) || deadline.Elapsed > TimeSpan.FromSeconds(10))
            {
                return calls;
            }

            await Task.Delay(20);
        }
    }
}

/// <summary>The retry arithmetic of the defaults, without waiting for it.</summary>
public sealed class TransportPolicyTests
{
    private static AdminClientOptions Defaults() => new(new AdminApiKeyCredential("sk-admin-unit-test-fake-key", KeySource.Parameter));

    [Fact]
    public void Defaults_ride_out_a_minute_of_rate_limiting()
    {
        AdminClientOptions options = Defaults();
        var waits = Enumerable.Range(1, options.MaxRetries).Select(retry => RetryHandler.BackoffRange(options, retry)).ToList();
        double shortest = waits.Sum(w => w.Min.TotalSeconds);
        double longest = waits.Sum(w => w.Max.TotalSeconds);

        // The API's per-endpoint limits reset per minute: even with the shortest jitter the last retry comes after it.
        Assert.True(shortest >= 60, $"the default backoffs add up to only {shortest:0.#} s");
        // And a storm of quick 429s meets the retry limit, not the time limit: all retries fit in the budget
        // (each attempt given the minimum time a retry needs).
        double attempts = (options.MaxRetries + 1) * RetryHandler.MinimumAttemptTime.TotalSeconds;
        Assert.True(longest + attempts <= options.OperationTimeout.TotalSeconds, $"{longest:0.#} s of backoff and {attempts} s of attempts exceed the budget");
    }

    [Fact]
    public void Defaults_end_every_call_within_three_minutes()
    {
        AdminClientOptions options = Defaults();
        Assert.True(RetryHandler.WorstCaseDuration(options) <= TimeSpan.FromMinutes(3), $"worst case {RetryHandler.WorstCaseDuration(options)}");
        Assert.Equal(options.OperationTimeout, RetryHandler.WorstCaseDuration(options));
        // Without the overall limit the per-attempt timeouts alone would allow 11 x 60 s.
        options.OperationTimeout = Timeout.InfiniteTimeSpan;
        Assert.True(RetryHandler.WorstCaseDuration(options) > TimeSpan.FromMinutes(11));
    }

    [Fact]
    public void A_server_hint_is_a_floor_never_a_shortcut_through_the_backoff()
    {
        AdminClientOptions options = Defaults();
        var handler = new RetryHandler(options, new RateLimitGate());
        for (int i = 0; i < 20; i++)
        {
            // "Retry after 100 ms" on the fifth retry: the backoff (6-8 s) is longer and wins.
            Assert.InRange(handler.RetryDelay(5, TimeSpan.FromMilliseconds(100)).TotalSeconds, 6, 8);
            // "Retry after 30 s": the server asked for more than the backoff; it gets what it asked.
            Assert.Equal(TimeSpan.FromSeconds(30), handler.RetryDelay(1, TimeSpan.FromSeconds(30)));
        }
    }
}
