using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using OpenAIAdmin.Paging;
using OpenAIAdmin.Simulator.Infrastructure;
using Xunit;

namespace OpenAIAdmin.Tests.Core;

/// <summary>
/// What the performance work changed in behaviour, checked without timing anything: the next page is fetched while the
/// consumer takes the second half of the current one (and never for a consumer that stops in the first half), a page
/// fetched ahead is never lost, repeated or reported early, Debug messages are built only for a sink that wants them, and
/// the JSON metadata prepared before a request is the metadata its answer is read with.
/// </summary>
public sealed class PerformanceBehaviourTests : IClassFixture<SimulatorFixture>, IAsyncLifetime
{
    private readonly SimulatorFixture _sim;

    public PerformanceBehaviourTests(SimulatorFixture sim) => _sim = sim;

    public Task InitializeAsync() => _sim.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_next_page_is_asked_for_while_the_consumer_takes_the_second_half_of_this_one()
    {
        using AdminClient client = _sim.NewClient();
        var seen = new List<string>();
        IAsyncEnumerator<OrganizationUser> users = client.Users.ListAsync().GetAsyncEnumerator();
        try
        {
            while (seen.Count < 60 && await users.MoveNextAsync())
            {
                seen.Add(users.Current.Id);
            }

            // The consumer holds item 60 of the first page of 100 and asks for nothing more: the second page is on its
            // way all the same. Waiting for the server to see it is bounded; it is not a measurement.
            IReadOnlyList<RecordedCall> calls = await WaitForRequestsAsync("/organization/users", 2);
            Assert.Equal(2, calls.Count);
            Assert.Equal(60, seen.Count);
            Assert.Contains("after=" + SeedIds.User(100), calls[1].Query);

            while (await users.MoveNextAsync())
            {
                seen.Add(users.Current.Id);
            }
        }
        finally
        {
            await users.DisposeAsync();
        }

        // Every user once, in the server's order, from three requests.
        Assert.Equal(Enumerable.Range(1, 250).Select(SeedIds.User), seen);
        Assert.Equal(3, (await _sim.RequestsToAsync("/organization/users")).Count);
    }

    [Fact]
    public async Task A_consumer_that_stops_in_the_first_half_of_a_page_causes_no_further_request()
    {
        using AdminClient client = _sim.NewClient();
        int seen = 0;
        await foreach (OrganizationUser _ in client.Users.ListAsync())
        {
            // 50 of 100: the next page would be asked for when the consumer wants the 51st.
            if (++seen == 50)
            {
                break;
            }
        }

        Assert.Single(await _sim.RequestsToAsync("/organization/users"));
    }

    [Fact]
    public async Task A_page_fetched_ahead_that_fails_reports_its_error_only_after_the_page_before_it()
    {
        await _sim.AddFaultAsync(new { kind = "status", status = 400, method = "GET", path = "/v1/organization/users", skip = 1 });
        using AdminClient client = _sim.NewClient();
        int seen = 0;
        var error = await Assert.ThrowsAsync<OpenAIAdminApiException>(async () =>
        {
            await foreach (OrganizationUser _ in client.Users.ListAsync())
            {
                seen++;
            }
        });

        Assert.Equal(AdminErrorKind.ApiBadRequest, error.Kind);
        Assert.Equal(100, seen);
        var calls = await _sim.RequestsToAsync("/organization/users");
        Assert.Equal(new[] { 200, 400 }, calls.Select(c => c.Status).ToArray());
    }

    [Fact]
    public async Task Debug_messages_are_built_only_for_a_sink_that_wants_them()
    {
        using AdminClient client = _sim.NewClient();
        var quiet = new FilteringSink(wantsDebug: false);
        using (ClientEvents.Use(quiet))
        {
            Assert.Equal(250, (await client.Users.ListAsync().ToListAsync()).Count);
        }

        Assert.Empty(quiet.Debug);
        Assert.Contains(quiet.Verbose, line => line.StartsWith("HTTP GET", StringComparison.Ordinal));

        var listening = new FilteringSink(wantsDebug: true);
        using (ClientEvents.Use(listening))
        {
            await client.Users.ListAsync(options: new ListOptions { MaxItems = 1 }).ToListAsync();
        }

        Assert.Contains(listening.Debug, line => line.StartsWith("HTTP response 200", StringComparison.Ordinal));

        // A sink that does not say (the interface is optional) gets them, as before.
        var plain = new RecordingSink();
        using (ClientEvents.Use(plain))
        {
            await client.Users.ListAsync(options: new ListOptions { MaxItems = 1 }).ToListAsync();
        }

        Assert.Contains(plain.Debug, line => line.StartsWith("HTTP response 200", StringComparison.Ordinal));
    }

    [Fact]
    public void Metadata_prepared_ahead_of_a_request_is_the_metadata_its_answer_is_read_with()
    {
        var recorder = new RecordingResolver(Json.Options.TypeInfoResolver!);
        JsonSerializerOptions options = Json.Create(recorder);

        // What JsonMetadata<T> does on a pool thread while the first request of a type is in flight.
        options.GetTypeInfo(typeof(ListEnvelope<OrganizationUser>));
        Assert.Contains(typeof(OrganizationUser), recorder.Asked);
        Assert.Contains(typeof(DateTimeOffset?), recorder.Asked);

        recorder.Asked.Clear();
        const string page = "{\"object\":\"list\",\"data\":[{\"id\":\"user_1\",\"name\":\"Ada\",\"added_at\":1700000000,"
            + "\"api_key_last_used_at\":1700000100,\"is_service_account\":false}],\"has_more\":false}";
        ListEnvelope<OrganizationUser> read = JsonSerializer.Deserialize<ListEnvelope<OrganizationUser>>(page, options)!;
        Assert.Equal("Ada", Assert.Single(read.Data!).Name);
        Assert.Empty(recorder.Asked);
    }

    private async Task<IReadOnlyList<RecordedCall>> WaitForRequestsAsync(string path, int count)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(20);
        IReadOnlyList<RecordedCall> calls;
        do
        {
            calls = await _sim.RequestsToAsync(path);
            if (calls.Count >= count)
            {
                break;
            }

            await Task.Delay(20);
        }
        while (DateTime.UtcNow < deadline);

        return calls;
    }

    private sealed class RecordingResolver : IJsonTypeInfoResolver
    {
        private readonly IJsonTypeInfoResolver _inner;

        public RecordingResolver(IJsonTypeInfoResolver inner) => _inner = inner;

        public List<Type> Asked { get; } = new();

        public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options)
        {
            Asked.Add(type);
            return _inner.GetTypeInfo(type, options);
        }
    }

    private sealed class FilteringSink : IClientEventSink, IClientEventFilter
    {
        private readonly object _gate = new();

        public FilteringSink(bool wantsDebug) => WantsDebug = wantsDebug;

        public bool WantsDebug { get; }

        public List<string> Verbose { get; } = new();

        public List<string> Debug { get; } = new();

        void IClientEventSink.Verbose(string message) { lock (_gate) { Verbose.Add(message); } }

        void IClientEventSink.Debug(string message) { lock (_gate) { Debug.Add(message); } }

        void IClientEventSink.PageReceived(string operation, int pageNumber, long itemCount) { }

        void IClientEventSink.Progress(string activity, int done, int total) { }
    }
}
