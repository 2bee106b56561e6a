using OpenAIAdmin.Simulator.Infrastructure;

namespace OpenAIAdmin.Simulator;

/// <summary>
/// The test control surface under <c>/_sim</c>: not part of the API, not authenticated, not recorded.
/// </summary>
internal static class ControlApi
{
    public static void Map(IEndpointRouteBuilder app, SimState state, FaultStore faults, RequestLog log)
    {
        RouteGroupBuilder sim = app.MapGroup("/_sim");

        sim.MapPost("/reset", () =>
        {
            state.Reset();
            state.Lists.Reset();
            faults.Clear();
            log.Clear();
            return SimJson.Ok(new { reset = true });
        });

        sim.MapPost("/faults", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            FaultRule rule = FaultRule.Parse(await reader.ReadToEndAsync(context.RequestAborted));
            faults.Add(rule);
            return SimJson.Ok(new { added = true, kind = rule.KindName });
        });

        sim.MapDelete("/faults", () =>
        {
            faults.Clear();
            return SimJson.Ok(new { cleared = true });
        });

        sim.MapGet("/requests", () => SimJson.Ok(log.Snapshot()));

        sim.MapGet("/behaviour", () => SimJson.Ok(state.Lists.Snapshot()));

        sim.MapPost("/behaviour", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            state.Lists.Apply(await reader.ReadToEndAsync(context.RequestAborted));
            return SimJson.Ok(state.Lists.Snapshot());
        });

        // Audit log events appended as if they had just happened (see Resources/AuditLogsApi.cs).
        Resources.AuditLogsApi.MapControl(app, state);

        // Every API operation the simulator serves, as {method, path} relative to /v1, from the routing table itself.
        sim.MapGet("/routes", (EndpointDataSource endpoints) => SimJson.Ok(Routes(endpoints)));
    }

    private static List<object> Routes(EndpointDataSource endpoints)
    {
        var routes = new List<(string Method, string Path)>();
        foreach (RouteEndpoint endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            string pattern = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');
            if (!pattern.StartsWith("/v1/", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (string method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? Array.Empty<string>())
            {
                routes.Add((method, pattern["/v1".Length..]));
            }
        }

        return routes.OrderBy(r => r.Path, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal)
            .Select(r => (object)new { method = r.Method, path = r.Path }).ToList();
    }
}
