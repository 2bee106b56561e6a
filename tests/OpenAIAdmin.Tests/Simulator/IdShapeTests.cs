using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using OpenAIAdmin.Simulator.Infrastructure;
using OpenAIAdmin.Tests.Core;
using Xunit;

namespace OpenAIAdmin.Tests.Simulator;

/// <summary>
/// Every id the simulator serves, seeded or made at run time, has the length and alphabet of a real one, so
/// views and tests meet ids as long as an organization's (short seed ids once hid views that cut them).
/// </summary>
public sealed class IdShapeTests : SimulatorHttpTests
{
    public IdShapeTests(SimulatorFixture sim)
        : base(sim)
    {
    }

    [Theory]
    [InlineData("proj_", 24, false)]
    [InlineData("user-", 24, false)]
    [InlineData("invite-", 24, false)]
    [InlineData("key_", 16, false)]
    [InlineData("cert_", 24, false)]
    [InlineData("group_", 26, true)]
    [InlineData("role_", 26, true)]
    [InlineData("svc_acct_", 24, false)]
    [InlineData("alert_", 24, false)]
    public void Shapes_are_the_real_ones(string prefix, int length, bool ulid)
    {
        IdShape shape = Assert.Single(IdShape.All, s => s.Prefix == prefix);
        Assert.Equal(length, shape.Length);
        Assert.Equal(ulid ? "0123456789ABCDEFGHJKMNPQRSTVWXYZ" : "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", shape.Alphabet);
    }

    [Fact]
    public void Matches_checks_prefix_length_and_alphabet()
    {
        Assert.True(IdShape.Project.Matches("proj_" + new string('a', 24)));
        Assert.False(IdShape.Project.Matches("proj_" + new string('a', 23)));
        Assert.False(IdShape.Project.Matches("proj_" + new string('a', 25)));
        Assert.False(IdShape.Project.Matches("proj_" + new string('a', 23) + "_"));
        Assert.False(IdShape.Project.Matches("prox_" + new string('a', 24)));
        Assert.False(IdShape.Group.Matches("group_" + new string('I', 26)));
        Assert.False(IdShape.Group.Matches(null));
    }

    [Fact]
    public void Seed_ids_keep_a_readable_head_and_never_depend_on_the_generator_seed()
    {
        Assert.Equal("user-0002JeNiLqIA6WxFhRLL4olw", SeedIds.User(2));
        Assert.Equal("proj_defaultSbtsIO0rWI91rcsUU", SeedIds.Project("default"));
        Assert.Equal("group_01JG00039R95E99VB9Z3F7ZPY9", SeedIds.Group(3));
        Assert.Equal("role_01JR00039WRYDRWASJNY9WK5YG", SeedIds.Role(3));
        Assert.Throws<ArgumentException>(() => SeedIds.Project("has_underscore"));
        Assert.Throws<ArgumentException>(() => SeedIds.AdminApiKey("seventeen-chars-x"));
    }

    [Fact]
    public async Task Every_seeded_id_has_the_real_shape()
    {
        var seen = new List<(IdShape Shape, string Id)>();
        void Add(IdShape shape, IEnumerable<string> ids) => seen.AddRange(ids.Select(id => (shape, id)));

        Add(IdShape.Project, (await DataAsync("organization/projects?include_archived=true&limit=100")).Select(p => p.Str("id")));
        Add(IdShape.User, (await DataAsync("organization/users?limit=100")).Select(u => u.Str("id")));
        Add(IdShape.Invite, (await DataAsync("organization/invites?limit=100")).Select(i => i.Str("id")));
        JsonElement[] keys = await DataAsync("organization/admin_api_keys?limit=100");
        Add(IdShape.AdminApiKey, keys.Select(k => k.Str("id")));
        Add(IdShape.User, keys.Select(k => k.GetProperty("owner").Str("id")));
        Add(IdShape.Certificate, (await DataAsync("organization/certificates?limit=100")).Select(c => c.Str("id")));
        JsonElement[] groups = await DataAsync("organization/groups?limit=1000");
        Add(IdShape.Group, groups.Select(g => g.Str("id")));
        Add(IdShape.User, (await DataAsync($"organization/groups/{groups[0].Str("id")}/users?limit=1000")).Select(m => m.Str("id")));
        Add(IdShape.Role, (await DataAsync("organization/roles?limit=1000")).Select(r => r.Str("id")));
        Add(IdShape.Role, (await DataAsync($"organization/users/{SeedIds.User(2)}/roles")).Select(a => a.Str("id")));
        Add(IdShape.Project, (await DataAsync("organization/invites?limit=100")).SelectMany(i => i.GetProperty("projects").EnumerateArray()).Select(p => p.Str("id")));

        Assert.Equal(9 + 100 + 3 + 3 + 3 + 5 + 12 + 30 + 5 + 1 + 2, seen.Count);
        Assert.All(seen, s => Assert.True(s.Shape.Matches(s.Id), $"'{s.Id}' is not a {s.Shape.Prefix} id of {s.Shape.Length} characters"));
    }

    [Fact]
    public async Task Ids_made_at_run_time_have_the_real_shape()
    {
        var made = new List<(IdShape Shape, string Id)>
        {
            (IdShape.Project, (await CreateAsync("organization/projects", """{"name":"shape check"}""")).Str("id")),
            (IdShape.Invite, (await CreateAsync("organization/invites", """{"email":"shape@example.com","role":"reader"}""")).Str("id")),
            (IdShape.AdminApiKey, (await CreateAsync("organization/admin_api_keys", """{"name":"shape check"}""")).Str("id")),
            (IdShape.Group, (await CreateAsync("organization/groups", """{"name":"Shape check"}""")).Str("id")),
            (IdShape.Role, (await CreateAsync("organization/roles", """{"role_name":"Shape check","permissions":["api.groups.read"]}""")).Str("id")),
            (IdShape.Certificate, (await CreateAsync("organization/certificates", JsonSerializer.Serialize(new { certificate = CertificatePemTests.NewCertificate("CN=shape.example.com").Pem }))).Str("id")),
        };

        Assert.All(made, m => Assert.True(m.Shape.Matches(m.Id), $"'{m.Id}' is not a {m.Shape.Prefix} id of {m.Shape.Length} characters"));
    }

    private async Task<JsonElement[]> DataAsync(string path)
    {
        Reply reply = await Api.GetAsync(path);
        reply.Ok();
        return reply.Data.EnumerateArray().ToArray();
    }

    private async Task<JsonElement> CreateAsync(string path, string body)
    {
        Reply reply = await Api.PostAsync(path, body);
        reply.Ok();
        return reply.Json;
    }
}
