using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAIAdmin.Commands
{
    /// <summary>
    /// Tab completion of ids from the API: the list shows names, the completion inserts the id. Lists are cached
    /// per connection for a short time so repeated Tab presses cost no request, and completion never connects,
    /// prompts or throws: without a connection, or when the API is slow, it simply offers nothing.
    /// </summary>
    public abstract class ApiIdCompleter : IArgumentCompleter
    {
        private static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(2);
        private static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(5);
        private static readonly ConcurrentDictionary<string, CacheEntry> Cache = new ConcurrentDictionary<string, CacheEntry>();

        /// <summary>What is completed, e.g. "project"; part of the cache key.</summary>
        protected abstract string Kind { get; }

        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            AdminContext? context = ConnectionOf(fakeBoundParameters);
            if (context == null)
            {
                return Array.Empty<CompletionResult>();
            }

            string scope = ScopeOf(fakeBoundParameters);
            IReadOnlyList<KeyValuePair<string, string>> choices = Choices(context, scope);
            string word = (wordToComplete ?? string.Empty).Trim('\'', '"');
            var pattern = new WildcardPattern("*" + WildcardPattern.Escape(word) + "*", WildcardOptions.IgnoreCase);
            return choices
                .Where(c => c.Key.StartsWith(word, StringComparison.OrdinalIgnoreCase) || pattern.IsMatch(c.Value))
                .Select(c => new CompletionResult(Quote(c.Key), string.IsNullOrEmpty(c.Value) ? c.Key : c.Value, CompletionResultType.ParameterValue, $"{c.Value} ({c.Key})"))
                .ToList();
        }

        /// <summary>Id → display name of everything that can be completed right now.</summary>
        internal abstract Task<IReadOnlyList<KeyValuePair<string, string>>> FetchAsync(AdminClient client, string scope, CancellationToken cancellationToken);

        /// <summary>
        /// The connection the command being typed would use: its -Connection when that is already a value, else this
        /// session's connection, else the implicit one when OPENAI_ADMIN_KEY is set. Never an error at the prompt.
        /// </summary>
        private static AdminContext? ConnectionOf(IDictionary fakeBoundParameters)
        {
            object? given = fakeBoundParameters?["Connection"];
            if ((given is PSObject wrapped ? wrapped.BaseObject : given) is AdminContext explicitConnection)
            {
                return explicitConnection;
            }

            if (ConnectionStore.Current(null, out _) is AdminContext current)
            {
                return current;
            }

            try
            {
                return ConnectionStore.EnvironmentKey() == null ? null : ConnectionStore.FromEnvironment(null, null);
            }
            catch (ConnectionSetupException)
            {
                return null;
            }
        }

        /// <summary>For completers that depend on another parameter (e.g. a project id); empty otherwise.</summary>
        protected virtual string ScopeOf(IDictionary fakeBoundParameters) => string.Empty;

        internal static async Task<IReadOnlyList<KeyValuePair<string, string>>> Collect<T>(IAsyncEnumerable<T> items, Func<T, string> id, Func<T, string?> name)
        {
            var list = new List<KeyValuePair<string, string>>();
            await foreach (T item in items.ConfigureAwait(false))
            {
                list.Add(new KeyValuePair<string, string>(id(item), name(item) ?? string.Empty));
            }

            return list;
        }

        private IReadOnlyList<KeyValuePair<string, string>> Choices(AdminContext context, string scope)
        {
            // Keyed by the shared client and the time the connection was made, not by the connection object: the implicit
            // connection (OPENAI_ADMIN_KEY) is a new object at every Tab, with its client's time, so a per-object key
            // fetched at every Tab and grew without end. Each Connect-OAIAdmin still starts afresh.
            AdminClient client = context.Client;
            string key = $"{System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(client)}|{context.ConnectedAt.UtcTicks}|{Kind}|{scope}";
            if (Cache.TryGetValue(key, out CacheEntry? cached) && ReferenceEquals(cached.Client, client) && DateTime.UtcNow - cached.FetchedAt < CacheLifetime)
            {
                return cached.Choices;
            }

            try
            {
                using var cancel = new CancellationTokenSource(FetchTimeout);
                Task<IReadOnlyList<KeyValuePair<string, string>>> fetch = Task.Run(() => FetchAsync(client, scope, cancel.Token));
                if (!fetch.Wait(FetchTimeout))
                {
                    return Array.Empty<KeyValuePair<string, string>>();
                }

                Cache[key] = new CacheEntry(client, DateTime.UtcNow, fetch.Result);
                return fetch.Result;
            }
            catch (Exception)
            {
                // Completion must never surface errors at the prompt.
                return Array.Empty<KeyValuePair<string, string>>();
            }
        }

        private static string Quote(string id) =>
            id.IndexOfAny(new[] { ' ', '\'', '"', '$', '`', ';', '(', ')', '{', '}', ',' }) >= 0 ? "'" + id.Replace("'", "''") + "'" : id;

        private sealed class CacheEntry
        {
            public CacheEntry(AdminClient client, DateTime fetchedAt, IReadOnlyList<KeyValuePair<string, string>> choices)
            {
                Client = client;
                FetchedAt = fetchedAt;
                Choices = choices;
            }

            public AdminClient Client { get; }

            public DateTime FetchedAt { get; }

            public IReadOnlyList<KeyValuePair<string, string>> Choices { get; }
        }
    }

    public sealed class ProjectIdCompleter : ApiIdCompleter
    {
        protected override string Kind => "project";

        internal override Task<IReadOnlyList<KeyValuePair<string, string>>> FetchAsync(AdminClient client, string scope, CancellationToken cancellationToken) =>
            Collect(client.Projects.ListAsync(includeArchived: false, cancellationToken: cancellationToken), p => p.Id, p => p.Name);
    }
}

namespace OpenAIAdmin.Commands
{
    /// <summary>Organization group ids (for -GroupId and the -Id of group cmdlets).</summary>
    public sealed class GroupIdCompleter : ApiIdCompleter
    {
        protected override string Kind => "group";

        internal override Task<IReadOnlyList<KeyValuePair<string, string>>> FetchAsync(AdminClient client, string scope, CancellationToken cancellationToken) =>
            Collect(client.Groups.ListAsync(cancellationToken: cancellationToken), g => g.Id, g => g.Name);
    }

    /// <summary>Organization role ids (for -RoleId and the -Id of role cmdlets).</summary>
    public sealed class RoleIdCompleter : ApiIdCompleter
    {
        protected override string Kind => "role";

        internal override Task<IReadOnlyList<KeyValuePair<string, string>>> FetchAsync(AdminClient client, string scope, CancellationToken cancellationToken) =>
            Collect(client.Roles.ListAsync(cancellationToken: cancellationToken), r => r.Id, r => r.Name);
    }

    /// <summary>
    /// Certificate ids of the organization (for -CertificateId and the -Id of certificate cmdlets). Always the
    /// organization's list, also next to -ProjectId: a project can activate any certificate of the organization,
    /// while its own list holds only those it has used.
    /// </summary>
    public sealed class CertificateIdCompleter : ApiIdCompleter
    {
        protected override string Kind => "certificate";

        internal override Task<IReadOnlyList<KeyValuePair<string, string>>> FetchAsync(AdminClient client, string scope, CancellationToken cancellationToken) =>
            Collect(client.Certificates.ListAsync(cancellationToken: cancellationToken), c => c.Id, c => c.Name);
    }
}

namespace OpenAIAdmin.Commands
{
    /// <summary>Ids inside the project named by the command line's -ProjectId; nothing without it (there is no project to ask).</summary>
    public abstract class ProjectScopedIdCompleter : ApiIdCompleter
    {
        protected override string ScopeOf(IDictionary fakeBoundParameters)
        {
            object? value = fakeBoundParameters?["ProjectId"];
            return (value is PSObject wrapped ? wrapped.BaseObject : value) as string ?? string.Empty;
        }

        internal override async Task<IReadOnlyList<KeyValuePair<string, string>>> FetchAsync(AdminClient client, string scope, CancellationToken cancellationToken) =>
            scope.Length == 0 ? Array.Empty<KeyValuePair<string, string>>() : await FetchInProjectAsync(client, scope, cancellationToken).ConfigureAwait(false);

        internal abstract Task<IReadOnlyList<KeyValuePair<string, string>>> FetchInProjectAsync(AdminClient client, string projectId, CancellationToken cancellationToken);
    }

    /// <summary>Role ids of the project on the command line (for project role and assignment cmdlets).</summary>
    public sealed class ProjectRoleIdCompleter : ProjectScopedIdCompleter
    {
        protected override string Kind => "project role";

        internal override Task<IReadOnlyList<KeyValuePair<string, string>>> FetchInProjectAsync(AdminClient client, string projectId, CancellationToken cancellationToken) =>
            Collect(client.Projects.Roles.ListAsync(projectId, cancellationToken: cancellationToken), r => r.Id, r => r.Name);
    }

    /// <summary>Service account ids of the project on the command line, listed by name.</summary>
    public sealed class ServiceAccountIdCompleter : ProjectScopedIdCompleter
    {
        protected override string Kind => "service account";

        internal override Task<IReadOnlyList<KeyValuePair<string, string>>> FetchInProjectAsync(AdminClient client, string projectId, CancellationToken cancellationToken) =>
            Collect(client.Projects.ServiceAccounts.ListAsync(projectId, cancellationToken: cancellationToken), a => a.Id, a => a.Name);
    }

    /// <summary>API key ids of the project on the command line (user and service account keys), listed by name.</summary>
    public sealed class ProjectApiKeyIdCompleter : ProjectScopedIdCompleter
    {
        protected override string Kind => "project API key";

        internal override Task<IReadOnlyList<KeyValuePair<string, string>>> FetchInProjectAsync(AdminClient client, string projectId, CancellationToken cancellationToken) =>
            Collect(client.Projects.ApiKeys.ListAsync(projectId, "any", cancellationToken: cancellationToken), k => k.Id, k => k.Name);
    }
}
