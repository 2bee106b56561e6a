using System;
using System.Net.Http;
using System.Text.Json;
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
    public void Rate_limit_gate_only_extends()
    {
        var gate = new RateLimitGate();
        gate.Extend(TimeSpan.FromSeconds(5));
        DateTimeOffset until = gate.CooldownUntil;
        gate.Extend(TimeSpan.FromSeconds(1));
        Assert.Equal(until, gate.CooldownUntil);
        Assert.InRange(gate.Remaining.TotalSeconds, 4, 5);
    }
}
