using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OpenAIAdmin.Transport;
using Xunit;

namespace OpenAIAdmin.Tests.Core;

public sealed class UnitTests
{
    [Theory]
    [InlineData("sk-admin-fake-key-ending-wxyz", "sk-admin-****wxyz")]
    [InlineData("sk-proj-fake-key-ending-wxyz", "sk-proj-****wxyz")]
    [InlineData("sk-abcdefghijklmnopqrstuvwxyz", "sk-****wxyz")]
    [InlineData("short", "****")]
    public void Redacts_all_but_prefix_and_last_four(string key, string expected)
    {
        var credential = new AdminApiKeyCredential(key, KeySource.Parameter);
        Assert.Equal(expected, credential.Redacted);
        Assert.Equal(expected, credential.ToString());
        Assert.Equal("before " + expected + " after", credential.Scrub("before " + key + " after"));
    }

    [Theory]
    [InlineData("sk-proj-abc1234567890", true)]
    [InlineData("sk-svcacct-abc1234567890", true)]
    [InlineData("sk-admin-abc1234567890", false)]
    public void Knows_project_keys(string key, bool isProjectKey) =>
        Assert.Equal(isProjectKey, new AdminApiKeyCredential(key, KeySource.Environment).IsProjectKey);

    [Fact]
    public void Query_uses_brackets_for_arrays_and_escapes_values()
    {
        string query = new Query().Add("limit", 5).Add("after", (string?)null).AddArray("emails", new[] { "a+b@x.com", "c@y.com" }).Add("include_archived", true).ToString();
        Assert.Equal("?limit=5&emails[]=a%2Bb%40x.com&emails[]=c%40y.com&include_archived=true", query);
    }

    [Fact]
    public void Organization_user_keeps_the_nested_account_the_contract_defines()
    {
        const string json = "{\"object\":\"organization.user\",\"id\":\"user_abc\",\"name\":\"First Last\",\"email\":\"user@example.com\","
            + "\"role\":\"owner\",\"added_at\":1711471533,\"user\":{\"object\":\"user\",\"id\":\"user_abc\",\"email\":\"user@example.com\","
            + "\"name\":\"First Last\",\"picture\":null,\"enabled\":true,\"banned\":false,\"banned_at\":1711471600}}";
        OrganizationUser user = JsonSerializer.Deserialize<OrganizationUser>(json, Json.Options)!;
        Assert.NotNull(user.User);
        Assert.Equal("user", user.User!.Object);
        Assert.Equal("user_abc", user.User.Id);
        Assert.Equal("user@example.com", user.User.Email);
        Assert.Null(user.User.Picture);
        Assert.True(user.User.Enabled);
        Assert.False(user.User.Banned);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1711471600), user.User.BannedAt);
        Assert.Null(JsonSerializer.Deserialize<OrganizationUser>("{\"id\":\"user_abc\",\"added_at\":1}", Json.Options)!.User);
    }

    [Fact]
    public void Backoff_doubles_is_capped_and_jittered_downwards()
    {
        var options = new AdminClientOptions(new AdminApiKeyCredential("sk-admin-x1234567890", KeySource.Parameter))
        {
            InitialRetryDelay = TimeSpan.FromMilliseconds(500),
            MaxRetryDelay = TimeSpan.FromSeconds(8),
        };
        var handler = new RetryHandler(options, new RateLimitGate());
        for (int i = 0; i < 50; i++)
        {
            Assert.InRange(handler.ComputeBackoff(1).TotalMilliseconds, 375, 500);
            Assert.InRange(handler.ComputeBackoff(3).TotalMilliseconds, 1500, 2000);
            Assert.InRange(handler.ComputeBackoff(10).TotalMilliseconds, 6000, 8000);
        }
    }

    [Fact]
    public void Server_hints_prefer_milliseconds_and_ignore_negative_values()
    {
        var options = new AdminClientOptions(new AdminApiKeyCredential("sk-admin-x1234567890", KeySource.Parameter));
        var handler = new RetryHandler(options, new RateLimitGate());
        using var both = new HttpResponseMessage((System.Net.HttpStatusCode)429);
        both.Headers.TryAddWithoutValidation("retry-after-ms", "250");
        both.Headers.TryAddWithoutValidation("Retry-After", "7");
        Assert.Equal(TimeSpan.FromMilliseconds(250), handler.ServerDelay(both));

        using var seconds = new HttpResponseMessage((System.Net.HttpStatusCode)429);
        seconds.Headers.TryAddWithoutValidation("Retry-After", "7");
        Assert.Equal(TimeSpan.FromSeconds(7), handler.ServerDelay(seconds));

        // A long wait is reported as asked: the call's time budget decides what to do with it (fail at once).
        using var tooLong = new HttpResponseMessage((System.Net.HttpStatusCode)429);
        tooLong.Headers.TryAddWithoutValidation("Retry-After", "3600");
        Assert.Equal(TimeSpan.FromHours(1), handler.ServerDelay(tooLong));

        using var garbage = new HttpResponseMessage((System.Net.HttpStatusCode)429);
        garbage.Headers.TryAddWithoutValidation("retry-after-ms", "-5");
        Assert.Null(handler.ServerDelay(garbage));
    }

    [Fact]
    public void Debug_redaction_hides_secret_fields_and_key_shapes()
    {
        var credential = new AdminApiKeyCredential("sk-admin-connection-key-12345", KeySource.Parameter);
        string text = "{\"value\": \"sk-admin-brand-new-secret-0000\", \"note\": \"sk-proj-leaked-elsewhere-99999\", \"k\": \"sk-admin-connection-key-12345\"}";
        string redacted = LoggingHandler.RedactSecrets(text, credential);
        Assert.DoesNotContain("brand-new-secret", redacted);
        Assert.DoesNotContain("leaked-elsewhere", redacted);
        Assert.DoesNotContain("connection-key", redacted);
        Assert.Contains("\"value\": \"***\"", redacted);
    }

    [Fact]
    public void Scrub_redacts_every_key_shape_and_leaves_names_that_contain_sk_whole()
    {
        var credential = new AdminApiKeyCredential("sk-admin-connection-key-12345", KeySource.Parameter);
        string scrubbed = credential.Scrub(
            "Incorrect API key provided: sk-proj-ABCDEFGHIJKL1234 (also sk-admin-connection-key-12345, \"sk-svcacct-QWERTYUIOP5678\"). "
            + "Project desk-booking-assistant, task-skipper, already redacted: sk-admin-****wxyz.");
        Assert.Equal(
            "Incorrect API key provided: sk-proj-****1234 (also sk-admin-****2345, \"sk-svcacct-****5678\"). "
            + "Project desk-booking-assistant, task-skipper, already redacted: sk-admin-****wxyz.",
            scrubbed);
    }

    [Theory]
    [InlineData("The proxy tunnel request to proxy 'http://user:pass77@10.0.0.5:3128/' failed", "The proxy tunnel request to proxy 'http://***@10.0.0.5:3128/' failed")]
    [InlineData("via HTTPS://corp%5Cuser:p%40ss@proxy.example.com:8080 now", "via HTTPS://***@proxy.example.com:8080 now")]
    [InlineData("owner ops@example.com, see https://example.com/a@b and mailto:ops@example.com", "owner ops@example.com, see https://example.com/a@b and mailto:ops@example.com")]
    [InlineData("project sk-proj-pastedAsAnId77 at http://token@host/", "project sk-proj-****Id77 at http://***@host/")]
    public void RedactSecrets_masks_the_user_information_of_addresses_and_key_shapes_and_leaves_e_mail_addresses(string text, string expected)
    {
        Assert.Equal(expected, AdminApiKeyCredential.RedactSecrets(text));
        var credential = new AdminApiKeyCredential("sk-admin-connection-key-12345", KeySource.Parameter);
        Assert.Equal(expected, credential.Scrub(text));
    }

    [Fact]
    public void An_exception_of_the_core_carries_no_secret_in_its_message_operation_or_inner_exceptions()
    {
        var inner = new System.Net.Http.HttpRequestException("The proxy tunnel request to proxy 'http://u:SECRET77@proxy:3128/' failed.",
            new System.IO.IOException("reset by http://u:SECRET77@proxy:3128"));
        var exception = new OpenAIAdminException(AdminErrorKind.ApiUnreachable, "GET /organization/projects/sk-proj-pastedAsAnId77 failed", inner)
        {
            Operation = "GET /organization/projects/sk-proj-pastedAsAnId77",
        };
        Assert.Equal("GET /organization/projects/sk-proj-****Id77 failed", exception.Message);
        Assert.Equal("GET /organization/projects/sk-proj-****Id77", exception.Operation);
        Assert.DoesNotContain("SECRET77", exception.ToString());
        var redacted = Assert.IsType<RedactedException>(exception.InnerException);
        Assert.Equal("System.Net.Http.HttpRequestException", redacted.OriginalType);
        Assert.Equal("The proxy tunnel request to proxy 'http://***@proxy:3128/' failed.", redacted.Message);
        Assert.Equal("reset by http://***@proxy:3128", redacted.InnerException!.Message);

        var plain = new System.IO.IOException("connection reset");
        Assert.Same(plain, new OpenAIAdminException(AdminErrorKind.ApiConnectionLost, "lost", plain).InnerException);
    }

    [Fact]
    public void Debug_redaction_leaves_names_that_contain_sk_whole()
    {
        var credential = new AdminApiKeyCredential("sk-admin-connection-key-12345", KeySource.Parameter);
        const string text = "{\"name\": \"desk-booking-assistant\", \"owner\": \"risk-analytics_team\"}";
        Assert.Equal(text, LoggingHandler.RedactSecrets(text, credential));
    }

    [Theory]
    [InlineData("sk-admin-abcdefghij0123456789\u200B", "contains a character that cannot be sent (character 30, U+200B), often left by copying: copy the key again")]
    [InlineData("sk-admin-abcdefghij\n0123456789", "contains white space (character 20): copy the key again")]
    [InlineData("sk-admin-abcdéfghij0123456789", "contains a character that cannot be sent (character 14, U+00E9), often left by copying: copy the key again")]
    [InlineData("Bearer sk-admin-abcdefghij0123456789", "starts with 'Bearer ': give the key alone")]
    [InlineData("sk-admin-", "has nothing after its prefix")]
    [InlineData("sk-admin-abcdefghij0123456789", null)]
    [InlineData("  sk-admin-abcdefghij0123456789\r\n", null)]
    public void A_key_no_request_could_carry_says_why(string key, string? problem) =>
        Assert.Equal(problem, new AdminApiKeyCredential(key, KeySource.Parameter).ShapeProblem);

    [Fact]
    public async Task Rate_limit_gate_lets_waiters_go_one_at_a_time_oldest_first_and_one_more_per_answer()
    {
        var gate = new RateLimitGate();
        long first = gate.NewTicket(), second = gate.NewTicket(), third = gate.NewTicket();
        Assert.True(gate.TryEnter(out RateLimitGate.Admission? refused));
        Assert.True(gate.TryRefuse(refused!, TimeSpan.FromMilliseconds(200), _ => TimeSpan.FromMilliseconds(200), _ => true, out TimeSpan wait));
        Assert.Equal(TimeSpan.FromMilliseconds(200), wait);
        refused!.Dispose();
        Assert.Equal(1, gate.Window);
        Assert.False(gate.TryEnter(out _));

        // Asked for out of order; they come in ticket order, one while the first is in flight.
        Task<RateLimitGate.Admission> c = gate.EnterAsync(third, CancellationToken.None);
        Task<RateLimitGate.Admission> b = gate.EnterAsync(second, CancellationToken.None);
        Task<RateLimitGate.Admission> a = gate.EnterAsync(first, CancellationToken.None);
        Assert.Same(a, await Task.WhenAny(a, b, c));
        await Task.Delay(100);
        Assert.False(b.IsCompleted || c.IsCompleted, "a second request went out with the first still in flight");

        // Its answer widens the window to two: both others go.
        RateLimitGate.Admission probe = await a;
        probe.Answered();
        probe.Dispose();
        Assert.Equal(2, gate.Window);
        (await b).Dispose();
        (await c).Dispose();
    }

    [Fact]
    public void Rate_limit_gate_resumes_a_burst_at_the_width_it_had_when_the_server_answered_as_many()
    {
        // Four in flight, a server that answered more than four since the last cooldown (a bucket that ran dry): all
        // four may go again after the cooldown. Then a round with one answer and three in flight: one at a time.
        var gate = new RateLimitGate();
        for (int i = 0; i < 6; i++)
        {
            Assert.True(gate.TryEnter(out RateLimitGate.Admission? answered));
            answered!.Answered();
            answered.Dispose();
        }

        var inFlight = new RateLimitGate.Admission?[4];
        for (int i = 0; i < 4; i++)
        {
            Assert.True(gate.TryEnter(out inFlight[i]));
        }

        Assert.True(gate.TryRefuse(inFlight[0]!, TimeSpan.Zero, _ => TimeSpan.Zero, _ => true, out _));
        Assert.Equal(4, gate.Window);
        foreach (RateLimitGate.Admission? admission in inFlight)
        {
            admission!.Dispose();
        }

        Assert.True(gate.TryEnter(out RateLimitGate.Admission? probe));
        Assert.True(gate.TryEnter(out RateLimitGate.Admission? second));
        Assert.True(gate.TryEnter(out RateLimitGate.Admission? third));
        probe!.Answered();
        probe.Dispose();
        Assert.True(gate.TryRefuse(second!, TimeSpan.Zero, _ => TimeSpan.Zero, _ => true, out _));
        Assert.Equal(1, gate.Window);
        second!.Dispose();
        third!.Dispose();
    }

    [Fact]
    public void Rate_limit_gate_grows_the_cooldown_only_for_requests_sent_after_the_last_one_began()
    {
        var gate = new RateLimitGate();
        var rounds = new List<int>();
        TimeSpan WaitAfter(int round)
        {
            rounds.Add(round);
            return TimeSpan.FromMilliseconds(100 * round);
        }

        Assert.True(gate.TryEnter(out RateLimitGate.Admission? early));
        Assert.True(gate.TryEnter(out RateLimitGate.Admission? alsoEarly));
        Assert.True(gate.TryRefuse(early!, null, WaitAfter, _ => true, out TimeSpan wait));
        Assert.Equal(TimeSpan.FromMilliseconds(100), wait);

        // Sent before that cooldown began: it waits out what is left of it, or its hint when longer, and starts no round.
        Assert.True(gate.TryRefuse(alsoEarly!, TimeSpan.FromMilliseconds(300), WaitAfter, _ => true, out wait));
        Assert.Equal(TimeSpan.FromMilliseconds(300), wait);
        Assert.Equal(new[] { 1 }, rounds);
        Assert.InRange(gate.Remaining.TotalMilliseconds, 200, 300);

        // A wait the call cannot take changes nothing.
        Assert.False(gate.TryRefuse(alsoEarly!, TimeSpan.FromHours(1), WaitAfter, _ => false, out wait));
        Assert.Equal(TimeSpan.FromHours(1), wait);
        Assert.InRange(gate.Remaining.TotalMilliseconds, 0, 300);
        early!.Dispose();
        alsoEarly!.Dispose();
    }

    [Fact]
    public async Task Rate_limit_gate_strands_no_waiter_when_cooldowns_end_by_the_millisecond()
    {
        // Four callers against a bucket of one refilled every 10 ms, each refusal cooling down by exactly the time to
        // the next token: cooldowns end every few milliseconds, often while the gate decides whether a timer is needed.
        var gate = new RateLimitGate();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        object bucket = new object();
        double tokens = 1;
        TimeSpan refilled = TimeSpan.Zero;
        TimeSpan? Refusal()
        {
            lock (bucket)
            {
                TimeSpan now = clock.Elapsed;
                tokens = Math.Min(1, tokens + ((now - refilled).TotalSeconds * 100));
                refilled = now;
                if (tokens >= 1)
                {
                    tokens -= 1;
                    return null;
                }

                return TimeSpan.FromSeconds((1 - tokens) / 100);
            }
        }

        int started = 0, refusals = 0;
        async Task Caller()
        {
            while (Interlocked.Increment(ref started) <= 100)
            {
                long ticket = gate.NewTicket();
                while (true)
                {
                    Task<RateLimitGate.Admission> turn = gate.EnterAsync(ticket, CancellationToken.None);
                    Assert.True(await Task.WhenAny(turn, Task.Delay(TimeSpan.FromSeconds(5))) == turn, "a caller was left waiting after the cooldown ended");
                    RateLimitGate.Admission admission = await turn;
                    await Task.Yield();
                    if (Refusal() is { } hint)
                    {
                        Interlocked.Increment(ref refusals);
                        Assert.True(gate.TryRefuse(admission, hint, _ => hint, _ => true, out _));
                        admission.Dispose();
                        continue;
                    }

                    admission.Answered();
                    admission.Dispose();
                    break;
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(Caller)));
        Assert.True(refusals > 0, "the bucket never refused: nothing was tested");
    }

    [Fact]
    public async Task Rate_limit_gate_forgets_a_cancelled_waiter()
    {
        var gate = new RateLimitGate();
        Assert.True(gate.TryEnter(out RateLimitGate.Admission? refused));
        Assert.True(gate.TryRefuse(refused!, null, _ => TimeSpan.FromMilliseconds(100), _ => true, out _));
        refused!.Dispose();
        using var cancel = new CancellationTokenSource();
        Task<RateLimitGate.Admission> gone = gate.EnterAsync(gate.NewTicket(), cancel.Token);
        Task<RateLimitGate.Admission> next = gate.EnterAsync(gate.NewTicket(), CancellationToken.None);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gone);
        // The cancelled one held no place: the next goes once the cooldown is over.
        (await next.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
    }
}
