// Entry point for running the simulator as its own process (build.ps1 Start-Simulator, the demo):
//   dotnet OpenAIAdmin.Simulator.dll [--port N] [--parent-pid PID] [--latency-ms N] [--requests-per-minute N] [--burst N]
// Prints exactly one line, SIMULATOR_URL=http://127.0.0.1:PORT/v1, once it listens, and nothing else on stdout.
// Exits on Ctrl+C, SIGTERM, or when the parent process exits.
using System.Diagnostics;
using System.Runtime.InteropServices;
using OpenAIAdmin.Simulator;

int port = 0;
int? parentPid = null;
var options = new SimulatorOptions();
for (int i = 0; i < args.Length; i++)
{
    string arg = args[i];
    bool hasValue = i + 1 < args.Length;
    if (arg == "--port" && hasValue && int.TryParse(args[i + 1], out int p) && p is >= 0 and <= 65535)
    {
        port = p;
        i++;
    }
    else if (arg == "--parent-pid" && hasValue && int.TryParse(args[i + 1], out int pid) && pid > 0)
    {
        parentPid = pid;
        i++;
    }
    else if (arg is "--latency-ms" or "--requests-per-minute" or "--burst" && hasValue && int.TryParse(args[i + 1], out int n) && n > 0)
    {
        // Server conditions for benchmarks (Infrastructure/ServerConditions.cs).
        switch (arg)
        {
            case "--latency-ms": options.LatencyMs = n; break;
            case "--requests-per-minute": options.RequestsPerMinute = n; break;
            default: options.Burst = n; break;
        }

        i++;
    }
    else
    {
        Console.Error.WriteLine($"Unknown or invalid argument '{arg}'. Usage: OpenAIAdmin.Simulator [--port N] [--parent-pid PID] [--latency-ms N] [--requests-per-minute N] [--burst N]");
        return 2;
    }
}

var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.TrySetResult();
};
using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.TrySetResult();
});

options.Port = port;
await using SimulatorInstance simulator = await SimulatorHost.StartAsync(options);
Console.Out.WriteLine("SIMULATOR_URL=" + simulator.BaseUri.AbsoluteUri.TrimEnd('/'));
Console.Out.Flush();

if (parentPid is int parent)
{
    _ = Task.Run(async () =>
    {
        while (!stop.Task.IsCompleted)
        {
            if (!IsRunning(parent))
            {
                stop.TrySetResult();
                return;
            }

            await Task.Delay(500);
        }
    });
}

await stop.Task;
return 0;

static bool IsRunning(int pid)
{
    try
    {
        using Process process = Process.GetProcessById(pid);
        return !process.HasExited;
    }
    catch (ArgumentException)
    {
        return false;
    }
    catch (InvalidOperationException)
    {
        return false;
    }
}
