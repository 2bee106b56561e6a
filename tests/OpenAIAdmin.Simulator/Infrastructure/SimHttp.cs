namespace OpenAIAdmin.Simulator.Infrastructure;

/// <summary>Per-request values the pipeline hands to the resource handlers.</summary>
internal static class SimHttp
{
    private const string BodyKey = "sim.body";
    private const string RepeatCursorKey = "sim.repeat_cursor";
    private const string OverlapKey = "sim.overlap";
    private const string EmptyPageKey = "sim.empty_page";

    public static void SetRawBody(this HttpContext context, string? body) => context.Items[BodyKey] = body;

    /// <summary>The request body as received (the pipeline has already read it for the request log).</summary>
    public static string? RawBody(this HttpContext context) => context.Items.TryGetValue(BodyKey, out object? body) ? body as string : null;

    public static void SetRepeatCursor(this HttpContext context) => context.Items[RepeatCursorKey] = true;

    /// <summary>True when a <c>repeat_cursor</c> fault fired for this request.</summary>
    public static bool RepeatCursor(this HttpContext context) => context.Items.ContainsKey(RepeatCursorKey);

    public static void SetOverlap(this HttpContext context) => context.Items[OverlapKey] = true;

    /// <summary>True when an <c>overlap</c> fault fired: the page starts with the item the cursor names.</summary>
    public static bool Overlap(this HttpContext context) => context.Items.ContainsKey(OverlapKey);

    public static void SetEmptyPage(this HttpContext context) => context.Items[EmptyPageKey] = true;

    /// <summary>True when an <c>empty_page</c> fault fired: a usage or costs page comes back empty with <c>has_more: true</c>.</summary>
    public static bool EmptyPage(this HttpContext context) => context.Items.ContainsKey(EmptyPageKey);
}
