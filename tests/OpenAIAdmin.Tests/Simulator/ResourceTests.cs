using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using OpenAIAdmin.Simulator.Infrastructure;
using OpenAIAdmin.Tests.Core;
using Xunit;

namespace OpenAIAdmin.Tests.Simulator;

/// <summary>Seed data, envelopes, limits and validation of each resource, straight over HTTP.</summary>
public sealed class ResourceTests : SimulatorHttpTests
{
    public ResourceTests(SimulatorFixture sim)
        : base(sim)
    {
    }

    private async Task<List<JsonElement>> WalkIdCursorAsync(string path, int limit)
    {
        var items = new List<JsonElement>();
        string? after = null;
        for (int page = 0; page < 50; page++)
        {
            string separator = path.Contains('?') ? "&" : "?";
            Reply reply = await Api.GetAsync($"{path}{separator}limit={limit}" + (after is null ? "" : "&after=" + after));
            reply.Ok();
            JsonElement json = reply.Json;
            Assert.Equal("list", json.Str("object"));
            JsonElement[] data = json.GetProperty("data").EnumerateArray().ToArray();
            Assert.InRange(data.Length, 0, limit);
            if (data.Length > 0)
            {
                Assert.Equal(data[0].Str("id"), json.Str("first_id"));
                Assert.Equal(data[^1].Str("id"), json.Str("last_id"));
            }

            items.AddRange(data);
            if (!json.GetProperty("has_more").GetBoolean())
            {
                return items;
            }

            after = json.Str("last_id");
        }

        throw new InvalidOperationException("paging did not end");
    }

    [Fact]
    public async Task Projects_seed_lists_active_by_default_and_the_archived_one_on_request()
    {
        List<JsonElement> active = await WalkIdCursorAsync("organization/projects", 3);
        string[] names = active.Select(p => p.Str("name")).ToArray();
        Assert.Equal("proj_defaultSbtsIO0rWI91rcsUU", active[0].Str("id"));
        Assert.Equal("Default project", names[0]);
        Assert.Equal(new[] { "tmp-experiment", "tmp-hackathon", "tmp-load-test" }, names.Where(n => n.StartsWith("tmp-", StringComparison.Ordinal)).OrderBy(n => n).ToArray());
        Assert.All(active, p =>
        {
            Assert.Equal("organization.project", p.Str("object"));
            Assert.Equal("active", p.Str("status"));
            Assert.Equal(JsonValueKind.Null, p.GetProperty("archived_at").ValueKind);
            Assert.True(p.GetProperty("created_at").GetInt64() > 1_700_000_000);
        });

        Reply all = await Api.GetAsync("organization/projects?include_archived=true&limit=100");
        JsonElement legacy = all.Data.EnumerateArray().Single(p => p.Str("status") == "archived");
        Assert.Equal("proj_legacychatbot7NcaNCoPQMu", legacy.Str("id"));
        Assert.Equal("Legacy chatbot", legacy.Str("name"));
        Assert.Equal(JsonValueKind.Number, legacy.GetProperty("archived_at").ValueKind);
        Assert.Equal(active.Count + 1, all.Data.GetArrayLength());
    }

    [Theory]
    [InlineData("organization/projects")]
    [InlineData("organization/users")]
    [InlineData("organization/admin_api_keys")]
    [InlineData("organization/certificates")]
    public async Task IdCursor_lists_reject_limits_outside_1_to_100(string path)
    {
        (await Api.GetAsync(path + "?limit=0")).BadRequest("limit");
        (await Api.GetAsync(path + "?limit=101")).BadRequest("limit");
        (await Api.GetAsync(path + "?limit=ten")).BadRequest("limit");
        (await Api.GetAsync(path + "?limit=100")).Ok();
        (await Api.GetAsync(path + "?limit=1")).Ok();
    }

    [Fact]
    public async Task Users_seed_has_250_members_default_page_20_and_an_unknown_after_is_rejected()
    {
        Reply first = await Api.GetAsync("organization/users");
        Assert.Equal(20, first.Data.GetArrayLength());
        Assert.True(first.Json.GetProperty("has_more").GetBoolean());

        List<JsonElement> users = await WalkIdCursorAsync("organization/users", 100);
        Assert.Equal(250, users.Count);
        Assert.Equal("user-0001dFOBZZvO66McY18E82hx", users[0].Str("id"));
        Assert.Equal("user-0250jYjDpnjRPFvzivST84KZ", users[^1].Str("id"));
        Assert.Equal("user-0007@example.com", users[6].Str("email"));
        Assert.Equal("User 0007", users[6].Str("name"));
        Assert.Equal(new[] { "user-0001dFOBZZvO66McY18E82hx", "user-0002JeNiLqIA6WxFhRLL4olw", "user-0003S96RP8civznnHCEbos4T" }, users.Where(u => u.Str("role") == "owner").Select(u => u.Str("id")).ToArray());
        Assert.All(users.Skip(3), u => Assert.Equal("reader", u.Str("role")));
        long[] added = users.Select(u => u.GetProperty("added_at").GetInt64()).ToArray();
        Assert.Equal(added.OrderBy(a => a), added);
        Assert.All(users, u => Assert.Equal("organization.user", u.Str("object")));

        (await Api.GetAsync("organization/users?after=user_9999")).BadRequest("after");
    }

    [Fact]
    public async Task Users_filter_by_email_in_both_array_spellings()
    {
        Reply brackets = await Api.GetAsync("organization/users?emails[]=user-0002%40example.com&emails[]=USER-0010%40example.com");
        Assert.Equal(new[] { "user-0002JeNiLqIA6WxFhRLL4olw", "user-00102WvBLPMlfZS0PJIMaYRO" }, brackets.Data.Ids());
        Reply plain = await Api.GetAsync("organization/users?emails=user-0002%40example.com");
        Assert.Equal(new[] { "user-0002JeNiLqIA6WxFhRLL4olw" }, plain.Data.Ids());
        Reply none = await Api.GetAsync("organization/users?emails[]=nobody%40example.com");
        Assert.Equal(0, none.Data.GetArrayLength());
        Assert.False(none.Json.GetProperty("has_more").GetBoolean());
        Assert.Equal(JsonValueKind.Null, none.Json.GetProperty("last_id").ValueKind);
    }

    [Fact]
    public async Task Users_update_role_validates_and_delete_removes()
    {
        (await Api.PostAsync("organization/users/user-00102WvBLPMlfZS0PJIMaYRO", "{\"role\":\"admin\"}")).BadRequest("role");
        (await Api.PostAsync("organization/users/user-00102WvBLPMlfZS0PJIMaYRO", "{}")).BadRequest("role");
        (await Api.PostAsync("organization/users/user-00102WvBLPMlfZS0PJIMaYRO", "{\"rol\":\"owner\"}")).BadRequest("rol");
        Reply updated = await Api.PostAsync("organization/users/user-00102WvBLPMlfZS0PJIMaYRO", "{\"role\":\"owner\"}");
        updated.Ok();
        Assert.Equal("owner", updated.Json.Str("role"));
        Assert.Equal("owner", (await Api.GetAsync("organization/users/user-00102WvBLPMlfZS0PJIMaYRO")).Json.Str("role"));

        Reply deleted = await Api.DeleteAsync("organization/users/user-00102WvBLPMlfZS0PJIMaYRO");
        deleted.Ok();
        Assert.Equal("organization.user.deleted", deleted.Json.Str("object"));
        Assert.Equal("user-00102WvBLPMlfZS0PJIMaYRO", deleted.Json.Str("id"));
        Assert.True(deleted.Json.GetProperty("deleted").GetBoolean());
        Assert.Contains("user-00102WvBLPMlfZS0PJIMaYRO", (await Api.GetAsync("organization/users/user-00102WvBLPMlfZS0PJIMaYRO")).Error(404).Str("message"));
        Assert.Equal(404, (await Api.DeleteAsync("organization/users/user-00102WvBLPMlfZS0PJIMaYRO")).Status);
        Assert.Equal(404, (await Api.PostAsync("organization/users/user_missing", "{\"role\":\"reader\"}")).Status);
    }

    [Fact]
    public async Task Projects_create_update_archive_follow_the_inventory_rules()
    {
        (await Api.PostAsync("organization/projects", "{\"name\":\"\"}")).BadRequest("name");
        (await Api.PostAsync("organization/projects", "{}")).BadRequest("name");
        (await Api.PostAsync("organization/projects", "{\"name\":\"x\",\"residency\":\"MARS\"}")).BadRequest("residency");
        (await Api.PostAsync("organization/projects", "{\"name\":\"x\",\"geography\":\"EU\"}")).BadRequest("geography");
        (await Api.PostAsync("organization/projects", "{\"name\":")).Error(400);

        Reply created = await Api.PostAsync("organization/projects", "{\"name\":\"new one\",\"external_key_id\":\"ext-1\",\"residency\":\"EU_STORAGE_PROCESSING\"}");
        created.Ok();
        JsonElement project = created.Json;
        string id = project.Str("id");
        Assert.True(IdShape.Project.Matches(id), id);
        Assert.Equal("active", project.Str("status"));
        Assert.Equal("ext-1", project.Str("external_key_id"));
        Assert.Equal("EU_STORAGE_PROCESSING", project.Str("residency"));
        Assert.InRange(project.GetProperty("created_at").GetInt64(), DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds());

        Reply renamed = await Api.PostAsync("organization/projects/" + id, "{\"name\":\"renamed\"}");
        Assert.Equal("renamed", renamed.Json.Str("name"));
        Assert.Equal("ext-1", renamed.Json.Str("external_key_id"));
        (await Api.PostAsync("organization/projects/" + id, "{\"residency\":\"GLOBAL\"}")).BadRequest("residency");

        (await Api.PostAsync("organization/projects/proj_defaultSbtsIO0rWI91rcsUU", "{\"name\":\"nope\"}")).Error(400);
        (await Api.PostAsync("organization/projects/proj_defaultSbtsIO0rWI91rcsUU/archive")).Error(400);
        Assert.Equal("Default project", (await Api.GetAsync("organization/projects/proj_defaultSbtsIO0rWI91rcsUU")).Json.Str("name"));

        Reply archived = await Api.PostAsync("organization/projects/proj_tmphackathonSxhpKMpOO6N1/archive");
        archived.Ok();
        Assert.Equal("archived", archived.Json.Str("status"));
        Assert.Equal(JsonValueKind.Number, archived.Json.GetProperty("archived_at").ValueKind);
        Assert.DoesNotContain("proj_tmphackathonSxhpKMpOO6N1", (await Api.GetAsync("organization/projects?limit=100")).Data.Ids());
        (await Api.PostAsync("organization/projects/proj_tmphackathonSxhpKMpOO6N1", "{\"name\":\"again\"}")).Error(400);

        Assert.Equal("No project found with id 'proj_missing'.", (await Api.GetAsync("organization/projects/proj_missing")).Error(404).Str("message"));
        Assert.Equal(404, (await Api.PostAsync("organization/projects/proj_missing/archive")).Status);
    }

    [Fact]
    public async Task Admin_keys_list_in_both_orders_create_shows_the_value_once_and_delete()
    {
        Reply ascending = await Api.GetAsync("organization/admin_api_keys");
        Assert.Equal(new[] { "key_ops1GecYyc1VoNrn", "key_ciI2EWoYKJAgO9p0", "key_breakglassRPm2CU" }, ascending.Data.Ids());
        Reply descending = await Api.GetAsync("organization/admin_api_keys?order=desc&limit=2");
        Assert.Equal(new[] { "key_breakglassRPm2CU", "key_ciI2EWoYKJAgO9p0" }, descending.Data.Ids());
        Assert.True(descending.Json.GetProperty("has_more").GetBoolean());
        Reply rest = await Api.GetAsync("organization/admin_api_keys?order=desc&limit=2&after=key_ciI2EWoYKJAgO9p0");
        Assert.Equal(new[] { "key_ops1GecYyc1VoNrn" }, rest.Data.Ids());
        (await Api.GetAsync("organization/admin_api_keys?order=up")).BadRequest("order");
        foreach (JsonElement key in ascending.Data.EnumerateArray())
        {
            Assert.Equal("organization.admin_api_key", key.Str("object"));
            Assert.StartsWith("sk-admin...", key.Str("redacted_value"));
            Assert.False(key.TryGetProperty("value", out _));
            JsonElement owner = key.GetProperty("owner");
            Assert.Equal("user", owner.Str("type"));
            Assert.Equal("organization.user", owner.Str("object"));
            Assert.True(IdShape.User.Matches(owner.Str("id")), owner.Str("id"));
        }

        (await Api.PostAsync("organization/admin_api_keys", "{\"name\":\"x\",\"expires_in_seconds\":0}")).BadRequest("expires_in_seconds");
        (await Api.PostAsync("organization/admin_api_keys", "{\"name\":\"x\",\"expires_in_seconds\":31536001}")).BadRequest("expires_in_seconds");
        (await Api.PostAsync("organization/admin_api_keys", "{\"name\":\"x\",\"expires_at\":1}")).BadRequest("expires_at");
        (await Api.PostAsync("organization/admin_api_keys", "{}")).BadRequest("name");

        Reply created = await Api.PostAsync("organization/admin_api_keys", "{\"name\":\"ci\",\"expires_in_seconds\":86400}");
        created.Ok();
        string id = created.Json.Str("id");
        string value = created.Json.Str("value");
        Assert.StartsWith("sk-admin-", value);
        Assert.EndsWith(value[^4..], created.Json.Str("redacted_value"));
        Assert.Equal(86400, created.Json.GetProperty("expires_at").GetInt64() - created.Json.GetProperty("created_at").GetInt64());

        Reply fetched = await Api.GetAsync("organization/admin_api_keys/" + id);
        Assert.False(fetched.Json.TryGetProperty("value", out _));
        Assert.DoesNotContain(value, (await Api.GetAsync("organization/admin_api_keys")).Text);
        Assert.Equal(id, (await Api.GetAsync("organization/admin_api_keys")).Data.Ids()[^1]);

        Reply deleted = await Api.DeleteAsync("organization/admin_api_keys/" + id);
        Assert.Equal("organization.admin_api_key.deleted", deleted.Json.Str("object"));
        Assert.Equal(id, deleted.Json.Str("id"));
        Assert.True(deleted.Json.GetProperty("deleted").GetBoolean());
        Assert.Contains(id, (await Api.GetAsync("organization/admin_api_keys/" + id)).Error(404).Str("message"));
    }

    [Fact]
    public async Task Groups_page_with_an_opaque_next_cursor()
    {
        var ids = new List<string>();
        var names = new List<string>();
        string? after = null;
        int pages = 0;
        while (true)
        {
            Reply reply = await Api.GetAsync("organization/groups?limit=5" + (after is null ? "" : "&after=" + Uri.EscapeDataString(after)));
            reply.Ok();
            pages++;
            JsonElement json = reply.Json;
            Assert.Equal("list", json.Str("object"));
            Assert.False(json.TryGetProperty("last_id", out _));
            foreach (JsonElement group in json.GetProperty("data").EnumerateArray())
            {
                ids.Add(group.Str("id"));
                names.Add(group.Str("name"));
                Assert.Equal("group", group.Str("group_type"));
                Assert.Equal(group.Str("name") == "Security", group.GetProperty("is_scim_managed").GetBoolean());
            }

            if (!json.GetProperty("has_more").GetBoolean())
            {
                Assert.Equal(JsonValueKind.Null, json.GetProperty("next").ValueKind);
                break;
            }

            after = json.Str("next");
            Assert.NotEqual(ids[^1], after);
        }

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(1, 12).Select(SeedIds.Group), ids);
        Assert.Equal(new[] { "Engineering", "Contractors", "Finance", "Billing admins", "Security", "Support", "Research", "Design", "Marketing", "Sales", "Legal", "Operations" }, names);

        // The contract calls groups' after "a group ID": an id continues after that group, an unknown one is a 400.
        Assert.Equal(new[] { "group_01JG0006H5E07GCERG7TM2192D", "group_01JG0007J05N0WV0VBB8JH18DM" }, (await Api.GetAsync("organization/groups?limit=2&after=group_01JG000577GCF98PY016Z1J7D9")).Data.Ids());
        (await Api.GetAsync("organization/groups?limit=5&after=group_9999")).BadRequest("after");
        (await Api.GetAsync("organization/groups?limit=1001")).BadRequest("limit");
        (await Api.GetAsync("organization/groups?limit=-1")).BadRequest("limit");
        Assert.Equal(12, (await Api.GetAsync("organization/groups")).Data.GetArrayLength());
        Assert.Equal(12, (await Api.GetAsync("organization/groups?limit=1000")).Data.GetArrayLength());
        Reply none = await Api.GetAsync("organization/groups?limit=0");
        Assert.Equal(0, none.Data.GetArrayLength());
        Assert.Equal("group_01JG0012EW32MXCVVEAD1EV5SM", (await Api.GetAsync("organization/groups?order=desc&limit=1")).Data.Ids()[0]);
    }

    [Fact]
    public async Task Costs_page_by_day_buckets_with_deterministic_results()
    {
        long start = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        long end = start + (10 * 86400);
        (await Api.GetAsync("organization/costs")).BadRequest("start_time");
        (await Api.GetAsync($"organization/costs?start_time={start}&limit=0")).BadRequest("limit");
        (await Api.GetAsync($"organization/costs?start_time={start}&limit=181")).BadRequest("limit");
        (await Api.GetAsync($"organization/costs?start_time={start}&bucket_width=1h")).BadRequest("bucket_width");
        (await Api.GetAsync($"organization/costs?start_time={start}&group_by[]=model")).BadRequest("group_by");
        Assert.Equal("The page token is invalid, have you modified the query parameters?",
            (await Api.GetAsync($"organization/costs?start_time={start}&page=bogus")).Error(400).Str("message"));

        Reply defaultPage = await Api.GetAsync($"organization/costs?start_time={start}&end_time={end}");
        Assert.Equal(7, defaultPage.Data.GetArrayLength());

        var buckets = new List<JsonElement>();
        string? page = null;
        int requests = 0;
        do
        {
            Reply reply = await Api.GetAsync($"organization/costs?start_time={start}&end_time={end}&limit=4" + (page is null ? "" : "&page=" + page));
            reply.Ok();
            requests++;
            Assert.Equal("page", reply.Json.Str("object"));
            buckets.AddRange(reply.Data.EnumerateArray());
            page = reply.Json.GetProperty("has_more").GetBoolean() ? reply.Json.Str("next_page") : null;
            if (page is null)
            {
                Assert.Equal(JsonValueKind.Null, reply.Json.GetProperty("next_page").ValueKind);
            }
        }
        while (page != null);

        Assert.Equal(3, requests);
        Assert.Equal(10, buckets.Count);
        for (int i = 0; i < buckets.Count; i++)
        {
            Assert.Equal("bucket", buckets[i].Str("object"));
            Assert.Equal(start + (i * 86400), buckets[i].GetProperty("start_time").GetInt64());
            Assert.Equal(start + ((i + 1) * 86400), buckets[i].GetProperty("end_time").GetInt64());
            JsonElement result = Assert.Single(buckets[i].GetProperty("results").EnumerateArray());
            Assert.Equal("organization.costs.result", result.Str("object"));
            Assert.Equal("usd", result.GetProperty("amount").Str("currency"));
            Assert.True(result.GetProperty("amount").GetProperty("value").GetDecimal() > 0);
        }

        string byProject = (await Api.GetAsync($"organization/costs?start_time={start}&end_time={end}&group_by[]=project_id")).Text;
        Assert.Equal(byProject, (await Api.GetAsync($"organization/costs?start_time={start}&end_time={end}&group_by=project_id")).Text);
        JsonElement firstDay = JsonDocument.Parse(byProject).RootElement.GetProperty("data")[0];
        JsonElement[] perProject = firstDay.GetProperty("results").EnumerateArray().ToArray();
        Assert.True(perProject.Length > 1);
        Assert.All(perProject, r => Assert.True(IdShape.Project.Matches(r.Str("project_id")), r.Str("project_id")));
        decimal total = buckets[0].GetProperty("results")[0].GetProperty("amount").GetProperty("value").GetDecimal();
        Assert.Equal(total, perProject.Sum(r => r.GetProperty("amount").GetProperty("value").GetDecimal()));

        Reply filtered = await Api.GetAsync($"organization/costs?start_time={start}&end_time={end}&group_by[]=project_id&group_by[]=line_item&project_ids[]=proj_supportbottE5emakLryq7y4");
        Assert.All(filtered.Data.EnumerateArray().SelectMany(b => b.GetProperty("results").EnumerateArray()), r =>
        {
            Assert.Equal("proj_supportbottE5emakLryq7y4", r.Str("project_id"));
            Assert.False(string.IsNullOrEmpty(r.Str("line_item")));
        });

        Reply unknown = await Api.GetAsync($"organization/costs?start_time={start}&end_time={end}&project_ids[]=proj_nobody");
        Assert.All(unknown.Data.EnumerateArray(), b => Assert.Equal(0m, Assert.Single(b.GetProperty("results").EnumerateArray()).GetProperty("amount").GetProperty("value").GetDecimal()));
    }

    [Fact]
    public async Task Certificates_list_newest_first_and_toggle_atomically()
    {
        Reply list = await Api.GetAsync("organization/certificates");
        Assert.Equal(new[] { "cert_0005LCPpPTKmBnk7pvK2BGKI", "cert_0004iMFJ3N1UW35hviwyrsXH", "cert_0003JUyO6gBcswgwkPp3vlao", "cert_0002LmNAjHn1wac56gmIa6Fy", "cert_0001M3du8cKjMwmMCx22qNSu" }, list.Data.Ids());
        Assert.Equal(2, list.Data.EnumerateArray().Count(c => c.GetProperty("active").GetBoolean()));
        Assert.All(list.Data.EnumerateArray(), c =>
        {
            Assert.Equal("organization.certificate", c.Str("object"));
            Assert.True(c.GetProperty("certificate_details").GetProperty("expires_at").GetInt64() > c.GetProperty("created_at").GetInt64());
        });
        Assert.Equal("cert_0001M3du8cKjMwmMCx22qNSu", (await Api.GetAsync("organization/certificates?order=asc&limit=1")).Data.Ids()[0]);

        (await Api.PostAsync("organization/certificates/activate", "{\"certificate_ids\":[]}")).BadRequest("certificate_ids");
        (await Api.PostAsync("organization/certificates/activate", "{}")).BadRequest("certificate_ids");
        string eleven = string.Join(",", Enumerable.Range(1, 11).Select(i => "\"cert_0001M3du8cKjMwmMCx22qNSu\""));
        (await Api.PostAsync("organization/certificates/activate", "{\"certificate_ids\":[" + eleven + "]}")).BadRequest("certificate_ids");

        Reply missing = await Api.PostAsync("organization/certificates/activate", "{\"certificate_ids\":[\"cert_0001M3du8cKjMwmMCx22qNSu\",\"cert_nope\"]}");
        Assert.Contains("cert_nope", missing.Error(404).Str("message"));
        Assert.False((await Api.GetAsync("organization/certificates?order=asc&limit=1")).Data[0].GetProperty("active").GetBoolean());

        Reply activated = await Api.PostAsync("organization/certificates/activate", "{\"certificate_ids\":[\"cert_0001M3du8cKjMwmMCx22qNSu\",\"cert_0002LmNAjHn1wac56gmIa6Fy\"]}");
        activated.Ok();
        Assert.Equal("organization.certificate.activation", activated.Json.Str("object"));
        Assert.False(activated.Json.TryGetProperty("has_more", out _));
        Assert.Equal(new[] { "cert_0001M3du8cKjMwmMCx22qNSu", "cert_0002LmNAjHn1wac56gmIa6Fy" }, activated.Data.Ids());
        Assert.All(activated.Data.EnumerateArray(), c => Assert.True(c.GetProperty("active").GetBoolean()));

        Reply deactivated = await Api.PostAsync("organization/certificates/deactivate", "{\"certificate_ids\":[\"cert_0001M3du8cKjMwmMCx22qNSu\"]}");
        Assert.Equal("organization.certificate.deactivation", deactivated.Json.Str("object"));
        Assert.False(deactivated.Data[0].GetProperty("active").GetBoolean());
    }
}
