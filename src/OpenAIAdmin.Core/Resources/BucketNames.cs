using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAIAdmin.Paging
{
    /// <summary>A usage or costs result that can carry a project's name.</summary>
    internal interface IProjectResult
    {
        string? ProjectId { get; }

        string? ProjectName { set; }
    }

    /// <summary>A usage result that can carry a user's e-mail address.</summary>
    internal interface IUserResult
    {
        string? UserId { get; }

        string? UserEmail { set; }
    }

    /// <summary>A usage or costs result that can carry an API key's name.</summary>
    internal interface IApiKeyResult
    {
        string? ProjectId { get; }

        string? ApiKeyId { get; }

        string? ApiKeyName { set; }
    }
}

namespace OpenAIAdmin.Resources
{
    using OpenAIAdmin.Paging;

    /// <summary>
    /// Names for the ids of usage and costs rows, from listings read once per read and only when a row needs them:
    /// the projects (archived ones too: old usage belongs to them), the organization's users, and the API keys of each
    /// project that appears in the rows (<c>owner_project_access=any</c>, so keys of owners who left are named). A key
    /// whose row carries no project (grouped by api_key_id alone) is looked up in the key listings of every active
    /// project, read once. An id found in no listing keeps a null name; a listing that fails fails the read, with the
    /// API's error (the key needs read access to projects, users and API keys for names).
    /// </summary>
    internal sealed class BucketNames
    {
        private readonly AdminClient _client;
        private readonly Dictionary<string, string?> _keys = new Dictionary<string, string?>(StringComparer.Ordinal);
        private readonly HashSet<string> _keyProjectsRead = new HashSet<string>(StringComparer.Ordinal);
        private Dictionary<string, string?>? _projects;
        private List<Project>? _projectList;
        private Dictionary<string, string?>? _users;
        private bool _everyProjectsKeysRead;

        public BucketNames(AdminClient client) => _client = client;

        public async Task FillAsync<T>(List<T> rows, CancellationToken cancellationToken)
        {
            if (_projects == null && rows.OfType<IProjectResult>().Any(r => r.ProjectId != null))
            {
                _projectList = await All(_client.Projects.ListAsync(includeArchived: true, cancellationToken: cancellationToken)).ConfigureAwait(false);
                _projects = ById(_projectList, p => p.Id, p => p.Name);
            }

            if (_users == null && rows.OfType<IUserResult>().Any(r => r.UserId != null))
            {
                _users = ById(await All(_client.Users.ListAsync(cancellationToken: cancellationToken)).ConfigureAwait(false), u => u.Id, u => u.Email);
            }

            List<IApiKeyResult> keyed = rows.OfType<IApiKeyResult>().Where(r => r.ApiKeyId != null).ToList();
            foreach (string projectId in keyed.Select(r => r.ProjectId).Where(p => p != null).Distinct(StringComparer.Ordinal).ToList()!)
            {
                await ReadKeysAsync(projectId, cancellationToken).ConfigureAwait(false);
            }

            if (!_everyProjectsKeysRead && keyed.Any(r => r.ProjectId == null && !_keys.ContainsKey(r.ApiKeyId!)))
            {
                _projectList ??= await All(_client.Projects.ListAsync(includeArchived: true, cancellationToken: cancellationToken)).ConfigureAwait(false);
                foreach (Project project in _projectList.Where(p => p.ArchivedAt == null))
                {
                    await ReadKeysAsync(project.Id, cancellationToken).ConfigureAwait(false);
                }

                _everyProjectsKeysRead = true;
            }

            foreach (T row in rows)
            {
                if (row is IProjectResult project && project.ProjectId != null && _projects != null)
                {
                    project.ProjectName = Name(_projects, project.ProjectId);
                }

                if (row is IUserResult user && user.UserId != null && _users != null)
                {
                    user.UserEmail = Name(_users, user.UserId);
                }

                if (row is IApiKeyResult key && key.ApiKeyId != null)
                {
                    key.ApiKeyName = Name(_keys, key.ApiKeyId);
                }
            }
        }

        private async Task ReadKeysAsync(string projectId, CancellationToken cancellationToken)
        {
            if (!_keyProjectsRead.Add(projectId))
            {
                return;
            }

            await foreach (ProjectApiKey key in _client.Projects.ApiKeys.ListAsync(projectId, "any", cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                _keys[key.Id] = key.Name;
            }
        }

        private static string? Name(Dictionary<string, string?> names, string id) => names.TryGetValue(id, out string? name) ? name : null;

        private static Dictionary<string, string?> ById<TItem>(IEnumerable<TItem> items, Func<TItem, string> id, Func<TItem, string?> name)
        {
            var map = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (TItem item in items)
            {
                map[id(item)] = name(item);
            }

            return map;
        }

        private static async Task<List<TItem>> All<TItem>(IAsyncEnumerable<TItem> items)
        {
            var list = new List<TItem>();
            await foreach (TItem item in items.ConfigureAwait(false))
            {
                list.Add(item);
            }

            return list;
        }
    }
}
