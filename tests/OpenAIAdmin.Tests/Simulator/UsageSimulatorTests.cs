using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using OpenAIAdmin.Tests.Core;
using Xunit;

namespace OpenAIAdmin.Tests.Simulator;

/// <summary>The usage operations and costs of the simulator straight over HTTP: the contract's limits and defaults, per-kind
/// parameters, tokens tied to the query, consistent data across widths, page caps and the usage faults.</summary>
public sealed class UsageSimulatorTests : SimulatorHttpTests
{
    private static readonly long Nov1 = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();

    private static readonly string[] Paths =
    {
        "completions", "embeddings", "moderations", "images", "audio_speeches", "audio_transcriptions", "vector_stores",
        "code_interpreter_sessions", "file_search_calls", "web_search_calls",
    };

    public UsageSimulatorTests(SimulatorFixture sim)
        : base(sim)
    {
    }

    private static long Sum(Reply reply, string field) =>
        reply.Data.EnumerateArray().SelectMany(b => b.GetProperty("results").EnumerateArray()).Sum(r => r.GetProperty(field).GetInt64());

    [Fact]
    public async Task Every_usage_operation_has_the_limits_and_defaults_of_the_contract()
    {
        foreach (string path in Paths)
        {
            string url = $"organization/usage/{path}?start_time={Nov1}";
            (await Api.GetAsync($"organization/usage/{path}")).BadRequest("start_time");
            Assert.Equal(7, (await Api.GetAsync(url)).Data.GetArrayLength());
            Assert.Equal(24, (await Api.GetAsync(url + "&bucket_width=1h")).Data.GetArrayLength());
            Assert.Equal(60, (await Api.GetAsync(url + "&bucket_width=1m")).Data.GetArrayLength());
            Assert.Equal(31, (await Api.GetAsync(url + "&limit=31")).Data.GetArrayLength());
            (await Api.GetAsync(url + "&limit=32")).BadRequest("limit");
            (await Api.GetAsync(url + "&bucket_width=1h&limit=169")).BadRequest("limit");
            (await Api.GetAsync(url + "&bucket_width=1m&limit=1441")).BadRequest("limit");
            (await Api.GetAsync(url + "&bucket_width=1w")).BadRequest("bucket_width");
            (await Api.GetAsync(url + "&end_time=" + Nov1)).BadRequest("end_time");
            JsonElement first = (await Api.GetAsync(url + "&limit=1")).Json;
            Assert.Equal("page", first.Str("object"));
            Assert.True(first.GetProperty("has_more").GetBoolean());
            JsonElement bucket = first.GetProperty("data")[0];
            Assert.Equal("bucket", bucket.Str("object"));
            Assert.Equal(Nov1, bucket.GetProperty("start_time").GetInt64());
            Assert.Equal(Nov1 + 86_400, bucket.GetProperty("end_time").GetInt64());
            string expectedObject = path switch
            {
                "file_search_calls" => "organization.usage.file_searches.result",
                "web_search_calls" => "organization.usage.web_searches.result",
                _ => $"organization.usage.{path}.result",
            };
            Assert.All(bucket.GetProperty("results").EnumerateArray(), r => Assert.Equal(expectedObject, r.Str("object")));
        }

        (await Api.GetAsync($"organization/costs?start_time={Nov1}&limit=181")).BadRequest("limit");
        Assert.Equal(180, (await Api.GetAsync($"organization/costs?start_time={Nov1 - (200 * 86_400)}&limit=180")).Data.GetArrayLength());
    }

    [Fact]
    public async Task Each_kind_takes_only_its_own_filters_and_group_by_values()
    {
        (await Api.GetAsync($"organization/usage/vector_stores?start_time={Nov1}&models[]=gpt-4o")).BadRequest("models");
        (await Api.GetAsync($"organization/usage/embeddings?start_time={Nov1}&batch=true")).BadRequest("batch");
        (await Api.GetAsync($"organization/usage/completions?start_time={Nov1}&group_by[]=size")).BadRequest("group_by");
        (await Api.GetAsync($"organization/usage/images?start_time={Nov1}&sizes[]=640x480")).BadRequest("sizes");
        (await Api.GetAsync($"organization/usage/web_search_calls?start_time={Nov1}&context_levels[]=huge")).BadRequest("context_levels");
        (await Api.GetAsync($"organization/costs?start_time={Nov1}&user_ids[]=user-x")).BadRequest("user_ids");

        Reply batch = await Api.GetAsync($"organization/usage/completions?start_time={Nov1}&batch=true&group_by[]=batch");
        Assert.All(batch.Data.EnumerateArray().SelectMany(b => b.GetProperty("results").EnumerateArray()), r => Assert.True(r.GetProperty("batch").GetBoolean()));
        Reply grouped = await Api.GetAsync($"organization/usage/file_search_calls?start_time={Nov1}&group_by[]=vector_store_id&group_by[]=project_id");
        Assert.All(grouped.Data.EnumerateArray().SelectMany(b => b.GetProperty("results").EnumerateArray()), r =>
        {
            Assert.StartsWith("vs_", r.Str("vector_store_id"));
            Assert.StartsWith("proj_", r.Str("project_id"));
            Assert.Equal(JsonValueKind.Null, r.GetProperty("user_id").ValueKind);
        });
        // Filters and groupings add up: the sum over models is the ungrouped total.
        string range = $"start_time={Nov1}&end_time={Nov1 + 86_400}";
        Assert.Equal(Sum(await Api.GetAsync($"organization/usage/embeddings?{range}"), "input_tokens"),
            Sum(await Api.GetAsync($"organization/usage/embeddings?{range}&group_by[]=model&group_by[]=user_id"), "input_tokens"));
    }

    [Fact]
    public async Task A_day_is_the_sum_of_its_hours_and_an_hour_the_sum_of_its_minutes()
    {
        long day = Sum(await Api.GetAsync($"organization/usage/completions?start_time={Nov1}&limit=1"), "input_tokens");
        long hours = Sum(await Api.GetAsync($"organization/usage/completions?start_time={Nov1}&bucket_width=1h&limit=24"), "input_tokens");
        long minutes = Sum(await Api.GetAsync($"organization/usage/completions?start_time={Nov1 + (9 * 3600)}&bucket_width=1m&limit=60"), "input_tokens");
        long ninth = Sum(await Api.GetAsync($"organization/usage/completions?start_time={Nov1 + (9 * 3600)}&bucket_width=1h&limit=1"), "input_tokens");
        Assert.True(day > 0);
        Assert.Equal(day, hours);
        Assert.Equal(ninth, minutes);
        // Deterministic: the same query gives the same answer.
        Assert.Equal((await Api.GetAsync($"organization/usage/images?start_time={Nov1}&group_by[]=size")).Text,
            (await Api.GetAsync($"organization/usage/images?start_time={Nov1}&group_by[]=size")).Text);
    }

    [Fact]
    public async Task Page_tokens_are_tied_to_the_query()
    {
        string query = $"organization/usage/completions?start_time={Nov1}&end_time={Nov1 + (10 * 86_400)}&limit=4&group_by[]=model";
        JsonElement first = (await Api.GetAsync(query)).Json;
        string token = first.Str("next_page");
        Reply second = await Api.GetAsync(query + "&page=" + Uri.EscapeDataString(token));
        second.Ok();
        Assert.Equal(Nov1 + (4 * 86_400), second.Data[0].GetProperty("start_time").GetInt64());
        // The same token with any parameter changed, or on another operation, is refused as the API refuses it.
        foreach (string changed in new[] { query.Replace("limit=4", "limit=5"), query.Replace("group_by[]=model", "group_by[]=project_id"), query + "&models[]=o3",
            query.Replace("organization/usage/completions", "organization/usage/embeddings") })
        {
            JsonElement error = (await Api.GetAsync(changed + "&page=" + Uri.EscapeDataString(token))).Error(400);
            Assert.Equal("The page token is invalid, have you modified the query parameters?", error.Str("message"));
        }

        // Arrays in either spelling are one query.
        (await Api.GetAsync(query.Replace("group_by[]=model", "group_by=model") + "&page=" + Uri.EscapeDataString(token))).Ok();
    }

    [Fact]
    public async Task Pages_can_be_capped_by_buckets_or_results_and_then_say_has_more()
    {
        await Sim.SetBehaviourAsync(new { max_page_buckets = 5 });
        JsonElement capped = (await Api.GetAsync($"organization/usage/completions?start_time={Nov1}&limit=31")).Json;
        Assert.Equal(5, capped.GetProperty("data").GetArrayLength());
        Assert.True(capped.GetProperty("has_more").GetBoolean());
        await Sim.SetBehaviourAsync(new { max_page_buckets = 0, max_page_results = 10 });
        JsonElement results = (await Api.GetAsync($"organization/usage/completions?start_time={Nov1}&limit=31&group_by[]=model")).Json;
        int count = results.GetProperty("data").EnumerateArray().Sum(b => b.GetProperty("results").GetArrayLength());
        Assert.InRange(count, 1, 10);
        Assert.True(results.GetProperty("has_more").GetBoolean());
        JsonElement behaviour = JsonDocument.Parse(await new System.Net.Http.HttpClient { BaseAddress = Sim.RootUri }.GetStringAsync("_sim/behaviour")).RootElement;
        Assert.Equal(10, behaviour.GetProperty("max_page_results").GetInt32());
        Assert.Equal("results", behaviour.Str("bucket_field"));
    }

    [Fact]
    public async Task No_bucket_starts_after_now_and_the_open_one_is_the_last()
    {
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        long hour = now / 3600 * 3600;
        JsonElement page = (await Api.GetAsync($"organization/usage/completions?start_time={hour - (3 * 3600)}&end_time={hour + (10 * 3600)}&bucket_width=1h&limit=24")).Json;
        JsonElement[] buckets = page.GetProperty("data").EnumerateArray().ToArray();
        Assert.False(page.GetProperty("has_more").GetBoolean());
        Assert.Equal(hour, buckets[^1].GetProperty("start_time").GetInt64());
        Assert.Equal(4, buckets.Length);
    }

    [Fact]
    public async Task Usage_faults_empty_pages_and_rejected_tokens_and_the_result_field()
    {
        string query = $"organization/usage/moderations?start_time={Nov1}&limit=3";
        await Sim.AddFaultAsync(new { kind = "empty_page", count = 1, path = "/v1/organization/usage/moderations" });
        JsonElement empty = (await Api.GetAsync(query)).Json;
        Assert.Equal(0, empty.GetProperty("data").GetArrayLength());
        Assert.True(empty.GetProperty("has_more").GetBoolean());
        // Its token resumes where the empty page was: at the start.
        JsonElement resumed = (await Api.GetAsync(query + "&page=" + Uri.EscapeDataString(empty.Str("next_page")))).Json;
        Assert.Equal(Nov1, resumed.GetProperty("data")[0].GetProperty("start_time").GetInt64());

        await Sim.AddFaultAsync(new { kind = "reject_page", count = 1, path = "/v1/organization/usage/moderations" });
        (await Api.GetAsync(query)).Ok();
        string token = (await Api.GetAsync(query)).Json.Str("next_page");
        Assert.Equal("The page token is invalid, have you modified the query parameters?",
            (await Api.GetAsync(query + "&page=" + Uri.EscapeDataString(token))).Error(400).Str("message"));
        (await Api.GetAsync(query + "&page=" + Uri.EscapeDataString(token))).Ok();
        var log = await Sim.RequestsToAsync("/organization/usage/moderations");
        Assert.Equal(new string?[] { "empty_page", null, null, null, "reject_page", null }, log.Select(c => c.Fault));

        await Sim.SetBehaviourAsync(new { bucket_field = "result" });
        JsonElement old = (await Api.GetAsync(query)).Data[0];
        Assert.True(old.TryGetProperty("result", out _));
        Assert.False(old.TryGetProperty("results", out _));
    }

    [Fact]
    public async Task Costs_have_full_precision_amounts_some_below_a_cent_and_quantities_per_line_item()
    {
        JsonElement page = (await Api.GetAsync($"organization/costs?start_time={Nov1}&limit=3&group_by[]=line_item&group_by[]=project_id")).Json;
        JsonElement[] results = page.GetProperty("data").EnumerateArray().SelectMany(b => b.GetProperty("results").EnumerateArray()).ToArray();
        Assert.Contains(results, r => r.GetProperty("amount").GetProperty("value").GetDecimal() is > 0m and < 0.01m);
        Assert.Contains(results, r => r.GetProperty("amount").GetProperty("value").GetRawText().Split('.').Last().Length > 4);
        Assert.All(results, r => Assert.Equal(JsonValueKind.Number, r.GetProperty("quantity").ValueKind));
        Assert.Contains(results, r => r.Str("quantity_unit") == "tokens");
        // Grouped by key, projects with seeded keys spread their costs over those keys.
        JsonElement keys = (await Api.GetAsync($"organization/costs?start_time={Nov1}&limit=1&group_by[]=api_key_id")).Data[0];
        Assert.Contains(keys.GetProperty("results").EnumerateArray(), r => r.GetProperty("api_key_id").ValueKind == JsonValueKind.String);
    }
}
