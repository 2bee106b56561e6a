using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OpenAIAdmin.Simulator.Infrastructure;
using OpenAIAdmin.Simulator.Resources;

namespace OpenAIAdmin.Simulator;

public sealed class SimulatorOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 (the default) picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>Seed of the id and secret generator; the same seed gives the same ids after every reset.</summary>
    public int Seed { get; set; } = 20261128;

    /// <summary>Milliseconds added to every <c>/v1</c> request (see <see cref="ServerConditions"/>); 0 = none.</summary>
    public int LatencyMs { get; set; }

    /// <summary>Requests admitted per minute (a token bucket); null = no limit.</summary>
    public int? RequestsPerMinute { get; set; }

    /// <summary>The bucket's size; null = one second's worth of <see cref="RequestsPerMinute"/>.</summary>
    public int? Burst { get; set; }
}

/// <summary>Starts the in-memory OpenAI Administration API simulator on 127.0.0.1.</summary>
public static class SimulatorHost
{
    public static async Task<SimulatorInstance> StartAsync(SimulatorOptions? options = null, CancellationToken ct = default)
    {
        options ??= new SimulatorOptions();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SimulatorHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        builder.Logging.ClearProviders();
        // Signals belong to the process that hosts us (Program.cs or a test runner), not to the web host.
        builder.Services.AddSingleton<IHostLifetime, PassiveLifetime>();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));

        var state = new SimState(options.Seed);
        var faults = new FaultStore();
        var log = new RequestLog();
        var conditions = new ServerConditions(options.LatencyMs, options.RequestsPerMinute, options.Burst);
        state.Reset();

        WebApplication app = builder.Build();
        app.UseRouting();
        app.UseMiddleware<ApiPipeline>(state, faults, log);
        app.UseMiddleware<ConditionsMiddleware>(conditions);
        ControlApi.Map(app, state, faults, log);
        BenchControl.Map(app, state, conditions);
        ApiRoutes.Map(app.MapGroup("/v1"), state);

        await app.StartAsync(ct).ConfigureAwait(false);
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        int port = new Uri(address).Port;
        return new SimulatorInstance(app, port);
    }

    private sealed class PassiveLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

/// <summary>A running simulator; dispose to stop it.</summary>
public sealed class SimulatorInstance : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _disposed;

    internal SimulatorInstance(WebApplication app, int port)
    {
        _app = app;
        Port = port;
        RootUri = new Uri($"http://127.0.0.1:{port}/");
        BaseUri = new Uri(RootUri, "v1/");
    }

    /// <summary><c>http://127.0.0.1:PORT/</c>: the control surface (<c>_sim/…</c>) lives here.</summary>
    public Uri RootUri { get; }

    /// <summary><c>http://127.0.0.1:PORT/v1/</c>: the API base, as a client's base URL.</summary>
    public Uri BaseUri { get; }

    public int Port { get; }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }
}
