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
    }
}
