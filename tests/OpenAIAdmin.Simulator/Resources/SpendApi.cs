using System.Text.RegularExpressions;
using OpenAIAdmin.Simulator.Infrastructure;

namespace OpenAIAdmin.Simulator.Resources;

/// <summary>A hard spend limit of one scope (inventory §6.26, §6.27): cents a month, in USD.</summary>
internal sealed record SpendLimitRecord(long ThresholdAmount, string Currency, string Interval);

/// <summary>The API's <c>SpendAlertNotificationChannel</c>.</summary>
internal sealed record NotificationChannelRecord(string Type, List<string> Recipients, string? SubjectPrefix);

/// <summary>One spend alert (inventory §6.28, §6.29); <see cref="ProjectId"/> is null for the organization's.</summary>
internal sealed class SpendAlertRecord
{
    public required string Id { get; init; }

    public string? ProjectId { get; init; }

    public long ThresholdAmount { get; set; }

    public string Currency { get; set; } = "USD";

    public string Interval { get; set; } = "month";

    public NotificationChannelRecord NotificationChannel { get; set; } = new("email", new List<string>(), null);
}

/// <summary>
/// Hard spend limits and spend alerts of the organization and of each project. No limit is set until one is posted,
/// except in the seed; a scope without a limit answers 404 to its get and its delete (the contract defines no "none"
/// answer: its limit object requires an amount). Each scope has a fixed spend for the current month, so that a limit
/// at or below it is <c>enforcing</c> and one above it <c>inactive</c>.
/// </summary>
internal sealed class SpendStore : IResourceStore
{
    /// <summary>Month-to-date spend in cents per scope (the empty key: the organization); scopes not named have spent nothing.</summary>
    public static readonly IReadOnlyDictionary<string, long> MonthToDate = new Dictionary<string, long>
    {
        [""] = 345_678,
        [ProjectsStore.Seeded[1].Id] = 32_100,
        [ProjectsStore.Seeded[2].Id] = 88_040,
        [ProjectsStore.Seeded[3].Id] = 7_500,
    };

    /// <summary>Limits by scope; the key of the organization is the empty string.</summary>
    public Dictionary<string, SpendLimitRecord> Limits { get; } = new(StringComparer.Ordinal);

    /// <summary>Every alert, of every scope, in creation order.</summary>
    public List<SpendAlertRecord> Alerts { get; } = new();

    public void Seed(SimState state)
    {
        Limits.Clear();
        Alerts.Clear();
        // Production chatbot: 500.00 a month, above its spend (inactive); Support bot: 50.00, below it (enforcing).
        Limits[ProjectsStore.Seeded[1].Id] = new SpendLimitRecord(50_000, "USD", "month");
        Limits[ProjectsStore.Seeded[3].Id] = new SpendLimitRecord(5_000, "USD", "month");

        void Alert(int n, string? projectId, long cents, string? prefix, params string[] recipients) =>
            Alerts.Add(new SpendAlertRecord
            {
                Id = SeedIds.SpendAlert(n),
                ProjectId = projectId,
                ThresholdAmount = cents,
                NotificationChannel = new NotificationChannelRecord("email", recipients.ToList(), prefix),
            });

        Alert(1, null, 100_000, "[OpenAI spend]", "finance@example.com");
        Alert(2, null, 500_000, null, "finance@example.com", "cfo@example.com");
        Alert(3, ProjectsStore.Seeded[1].Id, 25_000, null, "ops@example.com");
        Alert(4, ProjectsStore.Seeded[1].Id, 45_000, "[prod]", "ops@example.com", "oncall@example.com");
        Alert(5, ProjectsStore.Seeded[3].Id, 4_000, null, "support-leads@example.com");
    }

    public static string Key(string? projectId) => projectId ?? string.Empty;

    public static string Enforcement(string? projectId, SpendLimitRecord limit) =>
        MonthToDate.GetValueOrDefault(Key(projectId)) >= limit.ThresholdAmount ? "enforcing" : "inactive";
}

/// <summary>Hard spend limits (get, create-or-replace, delete) and spend alerts (list, create, get, update, delete), for the organization and per project.</summary>
internal static class SpendApi
{
    /// <summary>Id-cursor, limit 0..100 (default 20), <c>order</c> asc by default; the contract requires <c>first_id</c>/<c>last_id</c>.</summary>
    public static readonly ListContract AlertList = ListContract.IdCursor(0, 100, 20, descendingByDefault: false) with { BoundsRequired = true };

    private static readonly string[] Currencies = { "USD" };
    private static readonly string[] Intervals = { "month" };
    private static readonly string[] ChannelTypes = { "email" };
    private static readonly Regex EmailAddress = new(@"^[^@\s<>,;""]+@[^@\s<>,;""]+\.[^@\s<>,;""]+$", RegexOptions.CultureInvariant);

    public static void Map(RouteGroupBuilder v1, SimState state)
    {
        SpendStore store = state.Spend;

        // Hard spend limits.
        v1.MapGet("/organization/spend_limit", () => GetLimit(state, store, null));
        v1.MapPost("/organization/spend_limit", (HttpContext context) => SetLimit(context, state, store, null));
        v1.MapDelete("/organization/spend_limit", () => DeleteLimit(state, store, null));
        v1.MapGet("/organization/projects/{projectId}/spend_limit", (string projectId) => GetLimit(state, store, projectId));
        v1.MapPost("/organization/projects/{projectId}/spend_limit", (HttpContext context, string projectId) => SetLimit(context, state, store, projectId));
        v1.MapDelete("/organization/projects/{projectId}/spend_limit", (string projectId) => DeleteLimit(state, store, projectId));

        // Spend alerts.
        v1.MapGet("/organization/spend_alerts", (HttpContext context) => ListAlerts(context, state, store, null));
        v1.MapPost("/organization/spend_alerts", (HttpContext context) => CreateAlert(context, state, store, null));
        v1.MapGet("/organization/spend_alerts/{alertId}", (string alertId) => GetAlert(state, store, null, alertId));
        v1.MapPost("/organization/spend_alerts/{alertId}", (HttpContext context, string alertId) => UpdateAlert(context, state, store, null, alertId));
        v1.MapDelete("/organization/spend_alerts/{alertId}", (string alertId) => DeleteAlert(state, store, null, alertId));
        v1.MapGet("/organization/projects/{projectId}/spend_alerts", (HttpContext context, string projectId) => ListAlerts(context, state, store, projectId));
        v1.MapPost("/organization/projects/{projectId}/spend_alerts", (HttpContext context, string projectId) => CreateAlert(context, state, store, projectId));
        v1.MapGet("/organization/projects/{projectId}/spend_alerts/{alertId}", (string projectId, string alertId) => GetAlert(state, store, projectId, alertId));
        v1.MapPost("/organization/projects/{projectId}/spend_alerts/{alertId}", (HttpContext context, string projectId, string alertId) => UpdateAlert(context, state, store, projectId, alertId));
        v1.MapDelete("/organization/projects/{projectId}/spend_alerts/{alertId}", (string projectId, string alertId) => DeleteAlert(state, store, projectId, alertId));
    }

    private static string Prefix(string? projectId) => projectId == null ? "organization" : "project";

    private static object LimitView(string? projectId, SpendLimitRecord limit) => new
    {
        @object = Prefix(projectId) + ".spend_limit",
        threshold_amount = limit.ThresholdAmount,
        currency = limit.Currency,
        interval = limit.Interval,
        enforcement = new { status = SpendStore.Enforcement(projectId, limit) },
    };

    private static object AlertView(SpendAlertRecord alert) => new
    {
        id = alert.Id,
        @object = Prefix(alert.ProjectId) + ".spend_alert",
        threshold_amount = alert.ThresholdAmount,
        currency = alert.Currency,
        interval = alert.Interval,
        notification_channel = new
        {
            type = alert.NotificationChannel.Type,
            recipients = alert.NotificationChannel.Recipients,
            subject_prefix = alert.NotificationChannel.SubjectPrefix,
        },
    };

    private static ApiException NoLimit(string? projectId) =>
        new(404, projectId == null ? "No hard spend limit is set for the organization." : $"No hard spend limit is set for project '{projectId}'.", "invalid_request_error");

    /// <summary>Reads need the project to exist; changes also need it not to be archived.</summary>
    private static void Scope(SimState state, string? projectId, bool change)
    {
        if (projectId == null)
        {
            return;
        }

        if (change)
        {
            ServiceAccountsStore.ActiveProject(state, projectId);
        }
        else
        {
            state.Projects.Get(projectId);
        }
    }

    private static IResult GetLimit(SimState state, SpendStore store, string? projectId)
    {
        lock (state.Gate)
        {
            Scope(state, projectId, change: false);
            return store.Limits.TryGetValue(SpendStore.Key(projectId), out SpendLimitRecord? limit)
                ? SimJson.Ok(LimitView(projectId, limit))
                : throw NoLimit(projectId);
        }
    }

    private static IResult SetLimit(HttpContext context, SimState state, SpendStore store, string? projectId)
    {
        JsonBody body = JsonBody.Read(context, "threshold_amount", "currency", "interval");
        long cents = body.Int64("threshold_amount", 1, long.MaxValue, required: true)!.Value;
        string currency = body.Enum("currency", Currencies, required: true)!;
        string interval = body.Enum("interval", Intervals, required: true)!;
        lock (state.Gate)
        {
            Scope(state, projectId, change: true);
            var limit = new SpendLimitRecord(cents, currency, interval);
            store.Limits[SpendStore.Key(projectId)] = limit;
            return SimJson.Ok(LimitView(projectId, limit));
        }
    }

    private static IResult DeleteLimit(SimState state, SpendStore store, string? projectId)
    {
        lock (state.Gate)
        {
            Scope(state, projectId, change: true);
            if (!store.Limits.Remove(SpendStore.Key(projectId)))
            {
                throw NoLimit(projectId);
            }

            return SimJson.Ok(new { @object = Prefix(projectId) + ".spend_limit.deleted", deleted = true });
        }
    }

    private static IResult ListAlerts(HttpContext context, SimState state, SpendStore store, string? projectId)
    {
        var list = ListRequest.Read(context, state, AlertList);
        lock (state.Gate)
        {
            Scope(state, projectId, change: false);
            List<SpendAlertRecord> alerts = store.Alerts.Where(a => a.ProjectId == projectId).ToList();
            return SimJson.Ok(list.Page("spend_alerts." + SpendStore.Key(projectId), alerts, a => a.Id, AlertView));
        }
    }

    private static SpendAlertRecord Find(SpendStore store, string? projectId, string alertId) =>
        store.Alerts.Find(a => a.Id == alertId && a.ProjectId == projectId) ?? throw ApiException.NotFound("spend alert", alertId);

    private static IResult GetAlert(SimState state, SpendStore store, string? projectId, string alertId)
    {
        lock (state.Gate)
        {
            Scope(state, projectId, change: false);
            return SimJson.Ok(AlertView(Find(store, projectId, alertId)));
        }
    }

    private static IResult CreateAlert(HttpContext context, SimState state, SpendStore store, string? projectId)
    {
        (long cents, string currency, string interval, NotificationChannelRecord channel) = ReadAlert(context);
        lock (state.Gate)
        {
            Scope(state, projectId, change: true);
            var alert = new SpendAlertRecord
            {
                Id = state.Ids.New(IdShape.SpendAlert),
                ProjectId = projectId,
                ThresholdAmount = cents,
                Currency = currency,
                Interval = interval,
                NotificationChannel = channel,
            };
            store.Alerts.Add(alert);
            return SimJson.Ok(AlertView(alert));
        }
    }

    /// <summary>The update body is <c>CreateSpendAlertBody</c>: every field is required, and replaces the alert's.</summary>
    private static IResult UpdateAlert(HttpContext context, SimState state, SpendStore store, string? projectId, string alertId)
    {
        (long cents, string currency, string interval, NotificationChannelRecord channel) = ReadAlert(context);
        lock (state.Gate)
        {
            Scope(state, projectId, change: true);
            SpendAlertRecord alert = Find(store, projectId, alertId);
            alert.ThresholdAmount = cents;
            alert.Currency = currency;
            alert.Interval = interval;
            alert.NotificationChannel = channel;
            return SimJson.Ok(AlertView(alert));
        }
    }

    private static IResult DeleteAlert(SimState state, SpendStore store, string? projectId, string alertId)
    {
        lock (state.Gate)
        {
            Scope(state, projectId, change: true);
            SpendAlertRecord alert = Find(store, projectId, alertId);
            store.Alerts.Remove(alert);
            return SimJson.Ok(new { id = alert.Id, @object = Prefix(projectId) + ".spend_alert.deleted", deleted = true });
        }
    }

    /// <summary><c>CreateSpendAlertBody</c>: threshold (cents, 0 or more), currency USD, interval month, an e-mail channel.</summary>
    private static (long Cents, string Currency, string Interval, NotificationChannelRecord Channel) ReadAlert(HttpContext context)
    {
        JsonBody body = JsonBody.Read(context, "threshold_amount", "currency", "interval", "notification_channel");
        long cents = body.Int64("threshold_amount", 0, long.MaxValue, required: true)!.Value;
        string currency = body.Enum("currency", Currencies, required: true)!;
        string interval = body.Enum("interval", Intervals, required: true)!;
        JsonBody channel = body.Object("notification_channel", "type", "recipients", "subject_prefix") ?? throw ApiException.Missing("notification_channel");
        try
        {
            string type = channel.Enum("type", ChannelTypes, required: true)!;
            IReadOnlyList<string> recipients = channel.StringArray("recipients", 0, 1000, required: true)!;
            string? bad = recipients.FirstOrDefault(r => !EmailAddress.IsMatch(r));
            if (bad is not null)
            {
                throw ApiException.InvalidValue("recipients", $"'{bad}' is not a valid email address.");
            }

            string? prefix = channel.String("subject_prefix");
            return (cents, currency, interval, new NotificationChannelRecord(type, recipients.ToList(), prefix));
        }
        catch (ApiException e) when (e.Status == 400 && e.Param is not null)
        {
            // The nested reader names the field alone; the API names it from the top of the body.
            string param = "notification_channel." + e.Param;
            throw new ApiException(400, e.Message.Replace($"'{e.Param}'", $"'{param}'"), e.Type, param, e.Code);
        }
    }
}
