using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using OpenAIAdmin.Simulator;
using Xunit;

namespace OpenAIAdmin.Tests.Core;

/// <summary>One simulator per test class, driven over its HTTP control surface like any other client would.</summary>
public sealed class SimulatorFixture : IAsyncLifetime
{
    /// <summary>Obviously fake; the simulator accepts any admin-shaped key.</summary>
    public const string FakeKey = "sk-admin-unit-test-fake-key";

    private readonly HttpClient _control = new();
    private SimulatorInstance? _simulator;

    public Uri BaseUri => _simulator!.BaseUri;

    public async Task InitializeAsync()
    {
        _simulator = await SimulatorHost.StartAsync();
        _control.BaseAddress = _simulator.RootUri;
    }

    public async Task DisposeAsync()
    {
        _control.Dispose();
        if (_simulator != null)
        {
            await _simulator.DisposeAsync();
        }
    }

    public AdminClient NewClient(Action<AdminClientOptions>? configure = null)
    {
        var options = new AdminClientOptions(new AdminApiKeyCredential(FakeKey, KeySource.Parameter))
        {
            BaseUri = BaseUri,
            UserAgent = "OpenAIAdmin.Tests",
            InitialRetryDelay = TimeSpan.FromMilliseconds(10),
            MaxRetryDelay = TimeSpan.FromMilliseconds(40),
        };
        configure?.Invoke(options);
        return new AdminClient(options);
    }

    public async Task ResetAsync() => (await _control.PostAsync("_sim/reset", null)).EnsureSuccessStatusCode();

    public async Task AddFaultAsync(object rule)
    {
        using var content = new StringContent(JsonSerializer.Serialize(rule), Encoding.UTF8, "application/json");
        (await _control.PostAsync("_sim/faults", content)).EnsureSuccessStatusCode();
    }

    /// <summary>Sets server conditions (<c>POST /_sim/conditions</c>); <see cref="ResetAsync"/> restores the start ones.</summary>
    public async Task SetConditionsAsync(object conditions)
    {
        using var content = new StringContent(JsonSerializer.Serialize(conditions), Encoding.UTF8, "application/json");
        (await _control.PostAsync("_sim/conditions", content)).EnsureSuccessStatusCode();
    }

    /// <summary>Chooses list variants (<c>POST /_sim/behaviour</c>); <see cref="ResetAsync"/> restores the defaults.</summary>
    public async Task SetBehaviourAsync(object behaviour)
    {
        using var content = new StringContent(JsonSerializer.Serialize(behaviour), Encoding.UTF8, "application/json");
        (await _control.PostAsync("_sim/behaviour", content)).EnsureSuccessStatusCode();
    }

    public Uri RootUri => _simulator!.RootUri;

    public async Task<IReadOnlyList<RecordedCall>> RequestsAsync()
    {
        string json = await _control.GetStringAsync("_sim/requests");
        return JsonSerializer.Deserialize<List<RecordedCall>>(json, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower })!;
    }

    public async Task<IReadOnlyList<RecordedCall>> RequestsToAsync(string pathSuffix) =>
        (await RequestsAsync()).Where(r => r.Path.EndsWith(pathSuffix, StringComparison.Ordinal)).ToList();
}

public sealed class RecordedCall
{
    public string Method { get; set; } = "";

    public string Path { get; set; } = "";

    public string? Query { get; set; }

    public string? Body { get; set; }

    public string? RequestId { get; set; }

    public int Status { get; set; }

    /// <summary>The kind of fault rule that fired for this request (drop, status, …), or null.</summary>
    public string? Fault { get; set; }

    /// <summary>Event numbers of the arrival and the finish (0 while in flight), from one counter.</summary>
    public long Arrived { get; set; }

    public long Finished { get; set; }

    /// <summary>The server's id of the TCP connection the request came on.</summary>
    public string? Connection { get; set; }
}

/// <summary>Collects what the core reports, as the PowerShell layer would relay it.</summary>
public sealed class RecordingSink : IClientEventSink, IClientWarningSink
{
    private readonly object _gate = new();

    public List<string> Warnings { get; } = new();

    void IClientWarningSink.Warning(string message) { lock (_gate) { Warnings.Add(message); } }

    public List<string> Verbose { get; } = new();

    public List<string> Debug { get; } = new();

    public List<(int Page, long Items)> Pages { get; } = new();

    void IClientEventSink.Verbose(string message) { lock (_gate) { Verbose.Add(message); } }

    void IClientEventSink.Debug(string message) { lock (_gate) { Debug.Add(message); } }

    void IClientEventSink.PageReceived(string operation, int pageNumber, long itemCount) { lock (_gate) { Pages.Add((pageNumber, itemCount)); } }

    public List<(string Activity, int Done, int Total)> Progress { get; } = new();

    void IClientEventSink.Progress(string activity, int done, int total) { lock (_gate) { Progress.Add((activity, done, total)); } }

    public string All() { lock (_gate) { return string.Join("\n", Verbose.Concat(Debug)); } }
}
