using OpenAIAdmin.Simulator.Infrastructure;

namespace OpenAIAdmin.Simulator.Resources;

/// <summary>
/// Costs (inventory §6.3): page-token paging over day buckets (<see cref="BucketPages"/>). Costs are computed, not
/// stored: every cost line (a seeded project, one of its API keys or none, a line item) has a deterministic quantity
/// per day from the project's creation on (the archived Legacy chatbot until its 200th day), priced per unit with full
/// precision, so amounts have many decimals and some are below a cent. Any grouping or filter adds up consistently and
/// the same query always gives the same numbers. A project with seeded API keys spreads its costs over them; the
/// others have no key. A day that has begun is served (it is the open bucket); later days are not.
/// </summary>
internal static class CostsApi
{
    public const long Day = 86_400;

    private static readonly BucketContract Contract = new(
        BucketContract.CostsWidths,
        new Dictionary<string, IReadOnlyList<string>?> { ["project_ids"] = null, ["api_key_ids"] = null },
        new[] { "project_id", "line_item", "api_key_id" });

    /// <summary>Line items: name, price per unit in dollars, the unit, and how many units a busy day has.</summary>
    private static readonly (string Name, decimal Price, string? Unit, long Scale)[] LineItems =
    {
        ("gpt-4o, input", 0.0000025m, "tokens", 4_000_000),
        ("gpt-4o, output", 0.00001m, "tokens", 900_000),
        ("gpt-4o-mini, input", 0.00000015m, "tokens", 6_000_000),
        ("text-embedding-3-small", 0.00000002m, "tokens", 300_000),
        ("Image models", 0.04m, "images", 40),
        ("Vector store storage", 0.0041m, "gibibyte_hours", 30),
        ("Web search tool calls", 0.025m, null, 60),
    };

    public static void Map(RouteGroupBuilder v1, SimState state)
    {
        v1.MapGet("/organization/costs", (HttpContext context) =>
        {
            BucketQuery query = BucketQuery.Read(context, "costs", Contract);
            return SimJson.Ok(BucketPages.Page(context, state, query, (start, _) => Results(start, query)));
        });
    }

    /// <summary>The cost lines: every seeded project with each of its keys (or none) and each line item.</summary>
    private static IEnumerable<(int Project, string ProjectId, string? Key, int KeyShare, int Line)> Lines()
    {
        for (int p = 0; p < ProjectsStore.Seeded.Length; p++)
        {
            string project = ProjectsStore.Seeded[p].Id;
            UsageApi.Caller[] callers = UsageApi.Callers.Where(c => c.ProjectId == project).ToArray();
            for (int l = 0; l < LineItems.Length; l++)
            {
                if (callers.Length == 0)
                {
                    yield return (p, project, null, 1, l);
                    continue;
                }

                foreach (UsageApi.Caller caller in callers)
                {
                    yield return (p, project, caller.ApiKeyId, caller.Weight, l);
                }
            }
        }
    }

    private static List<Dictionary<string, object?>> Results(long bucketStart, BucketQuery query)
    {
        long day = (bucketStart - SimState.At(TimeSpan.Zero)) / Day;
        bool byProject = query.Grouped("project_id");
        bool byLineItem = query.Grouped("line_item");
        bool byKey = query.Grouped("api_key_id");
        var groups = new List<(string? Project, string? LineItem, string? Key, decimal Amount, decimal Quantity)>();
        foreach (var (p, project, key, share, l) in Lines())
        {
            if (!query.Passes("project_ids", project) || !query.Passes("api_key_ids", key))
            {
                continue;
            }

            long quantity = Quantity(day, p, l, key, share);
            if (quantity == 0)
            {
                continue;
            }

            decimal amount = quantity * LineItems[l].Price;
            string? groupProject = byProject ? project : null;
            string? groupLine = byLineItem ? LineItems[l].Name : null;
            string? groupKey = byKey ? key : null;
            int index = groups.FindIndex(g => g.Project == groupProject && g.LineItem == groupLine && g.Key == groupKey);
            if (index < 0)
            {
                groups.Add((groupProject, groupLine, groupKey, amount, quantity));
            }
            else
            {
                groups[index] = (groupProject, groupLine, groupKey, groups[index].Amount + amount, groups[index].Quantity + quantity);
            }
        }

        if (groups.Count == 0)
        {
            // Every bucket has at least one result, even when the filters match nothing.
            groups.Add((null, null, null, 0m, 0m));
        }

        return groups.Select(g => new Dictionary<string, object?>
        {
            ["object"] = "organization.costs.result",
            ["amount"] = new Dictionary<string, object?> { ["value"] = g.Amount, ["currency"] = "usd" },
            ["line_item"] = g.LineItem,
            ["project_id"] = g.Project,
            ["api_key_id"] = g.Key,
            ["quantity"] = byLineItem && g.LineItem is not null ? g.Quantity : null,
            ["quantity_unit"] = byLineItem && g.LineItem is not null ? LineItems.First(i => i.Name == g.LineItem).Unit : null,
        }).ToList();
    }

    /// <summary>Units of one cost line on one day: 0 before the project existed and on some quiet days.</summary>
    private static long Quantity(long day, int project, int line, string? key, int share)
    {
        bool archived = ProjectsStore.Seeded[project].Archived;
        if (day < project * 10 || (archived && day >= 200))
        {
            return 0;
        }

        ulong h = UsageApi.Mix(11, day, project, line, UsageApi.StableHash(key));
        if (h % 100 < 12)
        {
            return 0;
        }

        long scale = LineItems[line].Scale * share;
        return 1 + (long)((h >> 8) % (ulong)Math.Max(1, scale));
    }
}
