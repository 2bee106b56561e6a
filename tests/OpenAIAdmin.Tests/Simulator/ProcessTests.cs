using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace OpenAIAdmin.Tests.Simulator;

/// <summary>The simulator as its own process, the way build.ps1 starts it for Pester and the demo.</summary>
public sealed class ProcessTests
{
    private static ProcessStartInfo StartInfo(params string[] arguments)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "OpenAIAdmin.Simulator.dll");
        Assert.True(File.Exists(dll), dll + " is missing");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    [Fact]
    public async Task Prints_only_its_url_and_serves_the_api_there()
    {
        using Process process = Process.Start(StartInfo("--parent-pid", Environment.ProcessId.ToString()))!;
        try
        {
            string? firstLine = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Match match = Regex.Match(firstLine ?? string.Empty, @"^SIMULATOR_URL=(http://127\.0\.0\.1:\d+/v1)$");
            Assert.True(match.Success, "first line: " + firstLine);

            using var http = new HttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Get, match.Groups[1].Value + "/organization/projects/proj_defaultSbtsIO0rWI91rcsUU");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "sk-admin-process-test");
            using HttpResponseMessage response = await http.SendAsync(request);
            Assert.Equal(200, (int)response.StatusCode);

            process.Kill();
            await process.WaitForExitAsync();
            Assert.Equal(string.Empty, await process.StandardOutput.ReadToEndAsync());
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }

    [Fact]
    public async Task Rejects_unknown_arguments_with_exit_code_2()
    {
        using Process process = Process.Start(StartInfo("--port", "not-a-port"))!;
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(2, process.ExitCode);
        Assert.Contains("Usage", await process.StandardError.ReadToEndAsync());
    }
}
