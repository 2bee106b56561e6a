using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security;
using System.Security.Authentication;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace OpenAIAdmin.DesktopRunner
{
    /// <summary>
    /// build.ps1 -Task TestDesktop: checks of the netstandard2.0 client core on Mono, the .NET Framework-compatible
    /// runtime available here, against the simulator. The core and every dependency are loaded from the staged module's
    /// Dependencies folder, each one answered by FrameworkResolver.FindShippedAssembly (the decision of the
    /// AssemblyResolve handler Windows PowerShell 5.1 uses), read from the staged OpenAIAdmin.dll.
    /// Usage: mono OpenAIAdmin.DesktopRunner.exe &lt;staged module folder&gt; &lt;simulator url, .../v1&gt;
    /// Prints one line per check and closes with "N passed, N failed".
    /// </summary>
    public static class Program
    {
        private static string s_moduleFolder = string.Empty;
        private static MethodInfo? s_findShipped;
        private static readonly List<string> s_answered = new List<string>();

        public static int Main(string[] args)
        {
            if (args.Length != 2)
            {
                Console.Error.WriteLine("usage: OpenAIAdmin.DesktopRunner.exe <staged module folder> <simulator url>");
                return 2;
            }

            s_moduleFolder = Path.GetFullPath(args[0]);
            // Loading the cmdlet assembly for reflection runs none of its code; FrameworkResolver names no PowerShell type.
            Assembly cmdlets = Assembly.LoadFrom(Path.Combine(s_moduleFolder, "OpenAIAdmin.dll"));
            Type resolver = cmdlets.GetType("OpenAIAdmin.Commands.Loading.FrameworkResolver", throwOnError: true)!;
            s_findShipped = resolver.GetMethod("FindShippedAssembly", BindingFlags.NonPublic | BindingFlags.Static)
                ?? throw new MissingMethodException("FrameworkResolver.FindShippedAssembly");
            AppDomain.CurrentDomain.AssemblyResolve += Resolve;

            Console.WriteLine($"Runtime: {RuntimeInformation.FrameworkDescription}; CLR {Environment.Version}; module {s_moduleFolder}");
            var checks = new DesktopChecks(s_moduleFolder, args[1].TrimEnd('/'));
            return checks.RunAll(() => s_answered.ToArray());
        }

        // What FrameworkResolver.Resolve does on .NET Framework, with the decision taken by the module's own code.
        private static Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            Assembly? requester = args.RequestingAssembly;
            string? location = requester == null || requester.IsDynamic ? null : requester.Location;
            // This runner stands in for the cmdlet assembly, OpenAIAdmin.dll in the module root: its own requests (for
            // the core, for IAsyncEnumerable) are asked as if they came from there.
            if (requester == typeof(Program).Assembly)
            {
                location = Path.Combine(s_moduleFolder, "OpenAIAdmin.dll");
            }
            var path = (string?)s_findShipped!.Invoke(null, new object?[] { s_moduleFolder, location, args.Name });
            if (path == null)
            {
                return null;
            }

            lock (s_answered)
            {
                s_answered.Add($"{args.Name} <- {(requester == null ? "(anonymous)" : requester.GetName().Name)}");
            }

            return Assembly.LoadFrom(path);
        }
    }

    internal sealed class DesktopChecks
    {
        private readonly string _moduleFolder;
        private readonly string _simulatorUrl;
        private readonly string _simulatorRoot;
        private readonly HttpClient _control = new HttpClient();
        private int _passed;
        private int _failed;

        public DesktopChecks(string moduleFolder, string simulatorUrl)
        {
            _moduleFolder = moduleFolder;
            _simulatorUrl = simulatorUrl;
            _simulatorRoot = Regex.Replace(simulatorUrl, "/v1$", string.Empty);
        }

        public int RunAll(Func<string[]> answered)
        {
            Run("the core loads from the staged Dependencies folder", CoreLoadsFromModule);
            Run("a list pages to the end with page size 2 (id cursor)", ListPages);
            Run("a list stops early without fetching more pages", ListStopsEarly);
            Run("a get returns the project; an unknown id is ApiNotFound (404)", GetAndNotFound);
            Run("a 429 with retry-after-ms is waited out and retried", RetryAfter429);
            Run("parallel calls against a limit of one at a time all get through, oldest first", ParallelUnderStrictLimit);
            Run("a 500 on a GET is retried; a 500 on a POST is reported, not re-sent", Retry500);
            Run("a new admin key's value is a read-only SecureString and is never serialized", SecretAsSecureString);
            Run("SecureString to text the way Connect-OAIAdmin does it (NetworkCredential)", SecureStringRoundTrip);
            Run("the .NET Framework primary handler is pinned to TLS 1.2 and 1.3, and works", TlsPinning);
            Run("every dependency the checks used came from the module folder", () => DependenciesFromModule(answered()));
            Console.WriteLine($"{_passed} passed, {_failed} failed");
            return _failed == 0 ? 0 : 1;
        }

        private void Run(string name, Func<Task> check)
        {
            var watch = Stopwatch.StartNew();
            try
            {
                ResetSimulator();
                check().GetAwaiter().GetResult();
                _passed++;
                Console.WriteLine($"[+] {name} ({watch.ElapsedMilliseconds} ms)");
            }
            catch (Exception ex)
            {
                _failed++;
                Console.WriteLine($"[-] {name}: {ex.GetType().Name}: {ex.Message}");
                for (Exception? inner = ex.InnerException; inner != null; inner = inner.InnerException)
                {
                    Console.WriteLine($"    inner {inner.GetType().Name}: {inner.Message}");
                }
            }
        }

        private void Run(string name, Action check) => Run(name, () => { check(); return Task.CompletedTask; });

        private static void Assert(bool condition, string message)
        {
            if (!condition)
            {
                throw new Exception(message);
            }
        }

        private void ResetSimulator() => Post(_simulatorRoot + "/_sim/reset", "{}");

        private void AddFault(string json) => Post(_simulatorRoot + "/_sim/faults", json);

        private void Post(string url, string json)
        {
            using var content = new StringContent(json, Encoding.UTF8, "application/json");
            using HttpResponseMessage response = _control.PostAsync(url, content).GetAwaiter().GetResult();
            Assert(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}");
        }

        private string RequestLog() => _control.GetStringAsync(_simulatorRoot + "/_sim/requests").GetAwaiter().GetResult();

        private int CountRequests(string method, string path) =>
            Regex.Matches(RequestLog(), "\"method\":\"" + method + "\",\"path\":\"" + Regex.Escape(path) + "\"").Count;

        private AdminClient NewClient(int maxRetries = 3) =>
            new AdminClient(new AdminClientOptions(new AdminApiKeyCredential("sk-admin-desktop-fake-key", KeySource.Parameter))
            {
                BaseUri = new Uri(_simulatorUrl),
                MaxRetries = maxRetries,
                InitialRetryDelay = TimeSpan.FromMilliseconds(50),
                MaxRetryDelay = TimeSpan.FromMilliseconds(200),
            });

        private static async Task<List<T>> ToList<T>(IAsyncEnumerable<T> items, int? take = null)
        {
            var list = new List<T>();
            await foreach (T item in items)
            {
                list.Add(item);
                if (take.HasValue && list.Count >= take.Value)
                {
                    break;
                }
            }

            return list;
        }

        private void CoreLoadsFromModule()
        {
            string core = typeof(AdminClient).Assembly.Location;
            Assert(string.Equals(core, Path.Combine(_moduleFolder, "Dependencies", "OpenAIAdmin.Core.dll"), StringComparison.Ordinal),
                $"OpenAIAdmin.Core came from {core}");
        }

        private async Task ListPages()
        {
            using AdminClient client = NewClient();
            List<Project> all = await ToList(client.Projects.ListAsync(includeArchived: true, new ListOptions { PageSize = 2 }));
            List<Project> once = await ToList(client.Projects.ListAsync(includeArchived: true, new ListOptions { PageSize = 100 }));
            Assert(all.Count == once.Count && all.Count >= 9, $"page size 2 read {all.Count} projects, page size 100 read {once.Count}");
            Assert(all.Select(p => p.Id).SequenceEqual(once.Select(p => p.Id)), "the two listings differ");
            Assert(all.Select(p => p.Id).Distinct().Count() == all.Count, "a project was listed twice");
            int pages = CountRequests("GET", "/v1/organization/projects");
            int expected = (all.Count + 1) / 2 + 1; // pages of 2, plus the single page of 100
            Assert(pages == expected, $"{pages} list requests, expected {expected}");
            Assert(all[0].Id == "proj_defaultSbtsIO0rWI91rcsUU", $"first project {all[0].Id}");
        }

        private async Task ListStopsEarly()
        {
            using AdminClient client = NewClient();
            // Three of a page of six (the seed has eight active projects, so the list has more): the pager fetches the next
            // page only once the consumer asks for the fourth item, the second half of the page, which it never does.
            List<Project> three = await ToList(client.Projects.ListAsync(false, new ListOptions { PageSize = 6 }), take: 3);
            Assert(three.Count == 3, $"{three.Count} projects");
            int pages = CountRequests("GET", "/v1/organization/projects");
            Assert(pages == 1, $"{pages} list requests for the first 3 items");
        }

        private async Task GetAndNotFound()
        {
            using AdminClient client = NewClient();
            Project project = await client.Projects.GetAsync("proj_defaultSbtsIO0rWI91rcsUU");
            Assert(project.Name == "Default project", $"name '{project.Name}'");
            Assert(project.CreatedAt.Offset == TimeSpan.Zero, "CreatedAt is not UTC");
            try
            {
                await client.Projects.GetAsync("proj_doesnotexist000000000000");
                throw new Exception("no error for an unknown project");
            }
            catch (OpenAIAdminApiException ex)
            {
                Assert(ex.Kind == AdminErrorKind.ApiNotFound, $"kind {ex.Kind}");
                Assert(ex.StatusCode == HttpStatusCode.NotFound, $"status {ex.StatusCode}");
                Assert(!string.IsNullOrEmpty(ex.RequestId), "no request id");
            }
        }

        private async Task RetryAfter429()
        {
            AddFault("{\"kind\":\"status\",\"status\":429,\"retry_after_ms\":400,\"count\":1,\"path\":\"/v1/organization/projects\"}");
            using AdminClient client = NewClient();
            var watch = Stopwatch.StartNew();
            List<Project> projects = await ToList(client.Projects.ListAsync());
            watch.Stop();
            Assert(projects.Count > 0, "no projects after the retry");
            string log = RequestLog();
            Assert(Regex.Matches(log, "\"status\":429").Count == 1, "the 429 fault did not fire exactly once");
            Assert(CountRequests("GET", "/v1/organization/projects") == 2, "not exactly one retry");
            Assert(watch.ElapsedMilliseconds >= 400, $"retried after {watch.ElapsedMilliseconds} ms, before the server's 400 ms");
        }

        /// <summary>The connection's rate-limit gate (its timer and its line of waiters) on the .NET Framework.</summary>
        private async Task ParallelUnderStrictLimit()
        {
            using AdminClient client = NewClient(maxRetries: 10);
            List<string> ids = (await ToList(client.Users.ListAsync(), take: 20)).Select(u => u.Id).ToList();
            Post(_simulatorRoot + "/_sim/conditions", "{\"requests_per_minute\":1200,\"burst\":1,\"retry_after_ms\":true}");
            var queue = new System.Collections.Concurrent.ConcurrentQueue<string>(ids);
            async Task Worker()
            {
                while (queue.TryDequeue(out string? id))
                {
                    OrganizationUser user = await client.Users.GetAsync(id).ConfigureAwait(false);
                    Assert(user.Id == id, $"asked for {id}, got {user.Id}");
                }
            }

            await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(Worker)));
            string log = RequestLog();
            int refused = Regex.Matches(log, "\"status\":429").Count;
            Assert(refused > 0, "the server never refused: the limit was not met");
            foreach (string id in ids)
            {
                Assert(CountRequests("GET", "/v1/organization/users/" + id) <= 5, $"{id} was sent more than five times");
            }
        }

        private async Task Retry500()
        {
            AddFault("{\"kind\":\"status\",\"status\":500,\"count\":1,\"path\":\"/v1/organization/projects/proj_defaultSbtsIO0rWI91rcsUU\"}");
            using AdminClient client = NewClient();
            Project project = await client.Projects.GetAsync("proj_defaultSbtsIO0rWI91rcsUU");
            Assert(project.Id == "proj_defaultSbtsIO0rWI91rcsUU", "wrong project");
            Assert(CountRequests("GET", "/v1/organization/projects/proj_defaultSbtsIO0rWI91rcsUU") == 2, "the GET was not retried once");

            AddFault("{\"kind\":\"status\",\"status\":500,\"count\":1,\"path\":\"/v1/organization/projects\"}");
            try
            {
                await client.Projects.CreateAsync(new ProjectCreateRequest { Name = "desktop-post" });
                throw new Exception("no error for a POST answered 500");
            }
            catch (OpenAIAdminApiException ex)
            {
                Assert(ex.Kind == AdminErrorKind.ApiServerError, $"kind {ex.Kind}");
            }

            Assert(CountRequests("POST", "/v1/organization/projects") == 1, "the POST was re-sent after a 500");
        }

        private async Task SecretAsSecureString()
        {
            using AdminClient client = NewClient();
            AdminApiKeySecret key = await client.AdminApiKeys.CreateAsync("desktop-check");
            Assert(key.Value != null && key.Value.IsReadOnly(), "the value is not a read-only SecureString");
            string plain = new NetworkCredential(string.Empty, key.Value).Password;
            Assert(plain.StartsWith("sk-admin-", StringComparison.Ordinal), "the SecureString does not hold an admin key");
            try
            {
                System.Text.Json.JsonSerializer.Serialize(key, (System.Text.Json.JsonSerializerOptions)typeof(AdminClient).Assembly
                    .GetType("OpenAIAdmin.Json", true)!.GetField("Options", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!);
                throw new Exception("the secret was serialized");
            }
            catch (NotSupportedException)
            {
            }
        }

        private void SecureStringRoundTrip()
        {
            var secure = new SecureString();
            foreach (char c in "sk-admin-ünïcode-key")
            {
                secure.AppendChar(c);
            }

            secure.MakeReadOnly();
            Assert(new NetworkCredential(string.Empty, secure).Password == "sk-admin-ünïcode-key", "the round trip changed the text");
            Assert(!secure.ToString()!.Contains("sk-admin"), "SecureString.ToString shows the key");
        }

        private async Task TlsPinning()
        {
            Type pipeline = typeof(AdminClient).Assembly.GetType("OpenAIAdmin.Transport.HttpPipeline", true)!;
            var pins = (Func<string, bool>)pipeline.GetMethod("PinsTls", BindingFlags.NonPublic | BindingFlags.Static)!
                .CreateDelegate(typeof(Func<string, bool>));
            Assert(pins(".NET Framework 4.8.9290.0") && pins(".NET Framework 4.7.3190.0"), ".NET Framework is not pinned");
            Assert(!pins(".NET 10.0.1") && !pins(RuntimeInformation.FrameworkDescription) == !RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework"),
                "pinning decided for the wrong runtime");

            MethodInfo create = pipeline.GetMethod("CreatePrimaryHandler", BindingFlags.NonPublic | BindingFlags.Static, null, new[] { typeof(bool) }, null)!;
            using var handler = (HttpClientHandler)create.Invoke(null, new object[] { true })!;
            // 1.3 only where the runtime's SslProtocols defines it (.NET Framework 4.8+, Mono): 4.7.2 refuses unknown values.
            var expected = Enum.IsDefined(typeof(SslProtocols), (SslProtocols)12288) ? SslProtocols.Tls12 | (SslProtocols)12288 : SslProtocols.Tls12;
            Assert(handler.SslProtocols == expected, $"SslProtocols is {handler.SslProtocols}");
            Console.WriteLine($"    pinned handler on {RuntimeInformation.FrameworkDescription}: SslProtocols = {handler.SslProtocols}");
            using var client = new HttpClient(handler);
            using HttpResponseMessage response = await client.GetAsync(_simulatorRoot + "/_sim/requests");
            Assert(response.IsSuccessStatusCode, $"the pinned handler got {(int)response.StatusCode}");
        }

        private void DependenciesFromModule(string[] answered)
        {
            string dependencies = Path.Combine(_moduleFolder, "Dependencies") + Path.DirectorySeparatorChar;
            string[] ours =
            {
                "OpenAIAdmin.Core", "System.Text.Json", "Microsoft.Extensions.Http", "Microsoft.Extensions.DependencyInjection",
                "Microsoft.Extensions.Options", "Microsoft.Extensions.Logging", "Microsoft.Bcl.AsyncInterfaces",
            };
            Assembly[] loaded = AppDomain.CurrentDomain.GetAssemblies();
            foreach (string name in ours)
            {
                Assembly[] copies = loaded.Where(a => a.GetName().Name == name).ToArray();
                Assert(copies.Length == 1, $"{name} is loaded {copies.Length} times");
                Assert(copies[0].Location.StartsWith(dependencies, StringComparison.Ordinal), $"{name} came from {copies[0].Location}");
            }

            Console.WriteLine("    answered by FrameworkResolver's decision:");
            foreach (string line in answered.Distinct().OrderBy(l => l, StringComparer.Ordinal))
            {
                Console.WriteLine("      " + line);
            }

            // The rest of Dependencies/ was found by the runtime's own probing beside the requesting assembly (the
            // LoadFrom context probes the folder of an assembly loaded from a path, on .NET Framework as on Mono).
            Console.WriteLine("    loaded from Dependencies/ by the runtime's probing beside the requester:");
            foreach (Assembly assembly in loaded.Where(a => !a.IsDynamic && a.Location.StartsWith(dependencies, StringComparison.Ordinal)
                && !answered.Any(line => line.StartsWith(a.GetName().Name + ",", StringComparison.Ordinal))).OrderBy(a => a.GetName().Name))
            {
                Console.WriteLine($"      {assembly.GetName().Name} {assembly.GetName().Version}");
            }

            Console.WriteLine("    other assemblies (the runtime's own):");
            foreach (Assembly assembly in loaded.Where(a => !a.IsDynamic && !a.Location.StartsWith(dependencies, StringComparison.Ordinal)).OrderBy(a => a.GetName().Name))
            {
                Console.WriteLine($"      {assembly.GetName().Name} {assembly.GetName().Version} {assembly.Location}");
            }
        }
    }
}
