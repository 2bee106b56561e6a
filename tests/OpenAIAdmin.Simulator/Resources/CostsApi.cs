using System.Globalization;
using OpenAIAdmin.Simulator.Infrastructure;

namespace OpenAIAdmin.Simulator.Resources;

/// <summary>The API's <c>CostsResult</c>.</summary>
internal sealed record CostsResult(CostAmount Amount, string? LineItem, string? ProjectId, string? ApiKeyId, decimal? Quantity, string? QuantityUnit)
{
    [System.Text.Json.Serialization.JsonPropertyOrder(-1)]
    public string Object => "organization.costs.result";
}

internal sealed record CostAmount(decimal Value)
{
    public string Currency => "usd";
}

/// <summary>
/// Costs (inventory §6.3): page-token paging over daily buckets. Costs are computed, not stored: every
/// (seeded project, line item) pair has a deterministic amount per day, so any grouping or filter adds up
/// consistently and the same query always returns the same numbers. Each project has one API key,
/// <c>key_&lt;project id without proj_&gt;</c>, for <c>group_by=api_key_id</c> and <c>api_key_ids</c>.
/// </summary>
internal static class CostsApi
{
    public const long Day = 86_400;

    /// <summary>Page-token, <c>limit</c> counts daily buckets: 1..180 (default 7).</summary>
    public static readonly ListContract List = ListContract.PageToken(1, 180, 7);

    private static readonly string[] LineItems = { "gpt-4o, input", "gpt-4o, output", "text-embedding-3-small", "Image models" };

    private static readonly string[] GroupByFields = { "project_id", "line_item", "api_key_id" };

    public static void Map(RouteGroupBuilder v1, SimState state)
    {
        v1.MapGet("/organization/costs", (HttpContext context) =>
        {
            long start = QueryReader.Int64(context, "start_time") ?? throw ApiException.Missing("start_time");
            long? end = QueryReader.Int64(context, "end_time");
            if (end is long e && e <= start)
            {
                throw ApiException.InvalidValue("end_time", "end_time must be after start_time.");
            }

            string bucketWidth = QueryReader.String(context, "bucket_width") ?? "1d";
            if (bucketWidth != "1d")
            {
                throw ApiException.InvalidValue("bucket_width", $"only '1d' is supported, but got '{bucketWidth}'.");
            }

            var list = ListRequest.Read(context, state, List);
            IReadOnlyList<string> groupBy = QueryReader.Array(context, "group_by");
            foreach (string field in groupBy.Where(f => !GroupByFields.Contains(f)))
            {
                throw ApiException.InvalidValue("group_by", $"'{field}' is not one of project_id, line_item, api_key_id.");
            }

            IReadOnlyList<string> projectIds = QueryReader.Array(context, "project_ids");
            IReadOnlyList<string> apiKeyIds = QueryReader.Array(context, "api_key_ids");

            long first = start;
            string? position = list.PagePosition("costs");
            if (position is not null && (!long.TryParse(position, NumberStyles.Integer, CultureInfo.InvariantCulture, out first) || first < start))
            {
                throw ApiException.BadRequest($"Invalid 'page': '{list.Cursor}' is not a next_page value of this query.", "page", "invalid_cursor");
            }

            // Without end_time the range runs up to now (the one place where the real clock shows).
            long stop = end ?? state.Now;
            var buckets = new List<TimeBucket<CostsResult>>();
            long bucketStart = first;
            while (buckets.Count < list.Limit && bucketStart < stop)
            {
                buckets.Add(new TimeBucket<CostsResult>(bucketStart, bucketStart + Day, Results(bucketStart, groupBy, projectIds, apiKeyIds)));
                bucketStart += Day;
            }

            string? next = bucketStart < stop ? bucketStart.ToString(CultureInfo.InvariantCulture) : null;
            return SimJson.Ok(list.TokenPage("costs", buckets, next));
        });
    }

    public static string ApiKeyOf(string projectId) => IdShape.AdminApiKey.Seeded(string.Empty, salt: projectId);

    private static List<CostsResult> Results(long bucketStart, IReadOnlyList<string> groupBy, IReadOnlyList<string> projectIds, IReadOnlyList<string> apiKeyIds)
    {
        long day = Math.Abs(bucketStart / Day);
        bool byProject = groupBy.Contains("project_id");
        bool byLineItem = groupBy.Contains("line_item");
        bool byKey = groupBy.Contains("api_key_id");

        var groups = new List<(string? Project, string? LineItem, string? Key, decimal Value, decimal Quantity)>();
        for (int p = 0; p < ProjectsStore.Seeded.Length; p++)
        {
            string project = ProjectsStore.Seeded[p].Id;
            string key = ApiKeyOf(project);
            if ((projectIds.Count > 0 && !projectIds.Contains(project)) || (apiKeyIds.Count > 0 && !apiKeyIds.Contains(key)))
            {
                continue;
            }

            for (int l = 0; l < LineItems.Length; l++)
            {
                decimal value = Amount(day, p, l);
                if (value == 0)
                {
                    continue;
                }

                string? groupProject = byProject ? project : null;
                string? groupLine = byLineItem ? LineItems[l] : null;
                string? groupKey = byKey ? key : null;
                int index = groups.FindIndex(g => g.Project == groupProject && g.LineItem == groupLine && g.Key == groupKey);
                decimal quantity = Math.Round(value * 1000m / (l + 1), 0);
                if (index < 0)
                {
                    groups.Add((groupProject, groupLine, groupKey, value, quantity));
                }
                else
                {
                    groups[index] = (groupProject, groupLine, groupKey, groups[index].Value + value, groups[index].Quantity + quantity);
                }
            }
        }

        if (groups.Count == 0)
        {
            // Every bucket has at least one result, even when the filters match nothing.
            return new List<CostsResult> { new(new CostAmount(0m), null, null, null, null, null) };
        }

        return groups.Select(g => new CostsResult(
            new CostAmount(g.Value), g.LineItem, g.Project, g.Key,
            byLineItem ? g.Quantity : null, byLineItem ? "1000_tokens" : null)).ToList();
    }

    /// <summary>Deterministic daily amount in dollars for one project and line item; some pairs cost nothing on some days.</summary>
    private static decimal Amount(long day, int project, int lineItem)
    {
        long mix = ((day * 31) + (project * 17) + (lineItem * 7)) % 101;
        return mix < 15 ? 0m : Math.Round((mix / 8m) + (project * 0.75m) + (lineItem * 0.1m), 2);
    }
}
