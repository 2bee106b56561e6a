using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace OpenAIAdmin.Tests.Core;

/// <summary>Retry, cooldown, cancellation, timeouts and error mapping, over real sockets.</summary>
public sealed class TransportTests : IClassFixture<SimulatorFixture>, IAsyncLifetime
{
    private const string Projects = "/v1/organization/projects";
    private readonly SimulatorFixture _sim;

    public TransportTests(SimulatorFixture sim) => _sim = sim;

    public Task InitializeAsync() => _sim.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

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
    }

    [Fact]
    public async Task Dropped_connection_on_post_is_reported_not_resent()
    {
        await _sim.AddFaultAsync(new { kind = "drop", method = "POST", path = Projects, count = 1 });
        using AdminClient client = _sim.NewClient();
        var ex = await Assert.ThrowsAsync<OpenAIAdminException>(() => client.Projects.CreateAsync(new ProjectCreateRequest { Name = "maybe" }));
        Assert.Equal(AdminErrorKind.ApiUnreachable, ex.Kind);
        Assert.Contains("may have applied the change", ex.Message);
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
    public async Task Cancellation_ends_an_in_flight_request_promptly()
    {
        await _sim.AddFaultAsync(new { kind = "delay", delay_ms = 10000, path = Projects, count = 1 });
        using AdminClient client = _sim.NewClient();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Projects.GetAsync("proj_defaultSbtsIO0rWI91rcsUU", cancel.Token));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Attempt_timeout_becomes_ApiTimeout()
    {
        await _sim.AddFaultAsync(new { kind = "delay", delay_ms = 5000, path = Projects, count = -1 });
        using AdminClient client = _sim.NewClient(o => { o.RequestTimeout = TimeSpan.FromMilliseconds(200); o.MaxRetries = 1; });
        var ex = await Assert.ThrowsAsync<OpenAIAdminException>(() => client.Projects.GetAsync("proj_defaultSbtsIO0rWI91rcsUU"));
        Assert.Equal(AdminErrorKind.ApiTimeout, ex.Kind);
        Assert.Equal(2, (await _sim.RequestsAsync()).Count);
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
}
