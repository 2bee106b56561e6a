using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using OpenAIAdmin.Transport;

namespace OpenAIAdmin.Resources
{
    /// <summary>
    /// The access report: crawls the organization's users and every project's users (and their project roles), groups
    /// (their roles and members), service accounts and API keys through the existing resource clients, and turns them
    /// into flat <see cref="AccessReportRow"/>s. Projects are crawled side by side; every call of the crawl passes one
    /// <see cref="RequestThrottle"/> (at most ThrottleLimit calls in flight, optionally paced), while the connection's
    /// retry handler and 429 cooldown stay the ones every other caller shares. Rows stream as each project completes.
    /// </summary>
    public sealed class AccessReportClient
    {
        public const string ProgressActivity = "Access report";

        private readonly AdminClient _client;

        internal AccessReportClient(AdminClient client) => _client = client;

        public async IAsyncEnumerable<AccessReportRow> ListAsync(AccessReportOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            options ??= new AccessReportOptions();
            if (options.ThrottleLimit < 1 || options.ThrottleLimit > AccessReportOptions.MaxThrottleLimit)
            {
                throw new ArgumentOutOfRangeException(nameof(options), $"ThrottleLimit is 1 to {AccessReportOptions.MaxThrottleLimit}.");
            }

            var throttle = new RequestThrottle(options.ThrottleLimit, options.RequestsPerMinute is int rpm ? new RequestPacer(rpm) : null);
            DateTimeOffset now = options.Now ?? DateTimeOffset.UtcNow;
            DateTimeOffset? staleBefore = options.StaleDays is int days ? now.AddDays(-days) : (DateTimeOffset?)null;
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            CancellationToken token = stop.Token;
            var crawl = new Crawl(_client, throttle, staleBefore, token);

            List<OrganizationUser> users = await crawl.Run(() => All(_client.Users.ListAsync(cancellationToken: token))).ConfigureAwait(false);
            List<Project> projects;
            if (options.ProjectIds == null)
            {
                foreach (OrganizationUser user in users)
                {
                    yield return new AccessReportRow
                    {
                        PrincipalType = "User", PrincipalId = user.Id, PrincipalName = user.Name, Email = user.Email, Scope = "Organization",
                        Role = user.Role, GrantedVia = "Direct", CreatedAt = user.AddedAt,
                    };
                }

                foreach (AccessReportRow row in await crawl.Run(() => crawl.OrganizationGroupsAsync()).ConfigureAwait(false))
                {
                    yield return row;
                }

                projects = await crawl.Run(() => All(_client.Projects.ListAsync(options.IncludeArchived, cancellationToken: token))).ConfigureAwait(false);
            }
            else
            {
                projects = new List<Project>();
                foreach (string id in options.ProjectIds.Distinct(StringComparer.Ordinal))
                {
                    Project? project = await Skippable(options, id, crawl.Run(() => _client.Projects.GetAsync(id, token))).ConfigureAwait(false);
                    if (project != null)
                    {
                        projects.Add(project);
                    }
                }
            }

            List<OrganizationUser> owners = users.Where(u => string.Equals(u.Role, "owner", StringComparison.Ordinal)).ToList();
            int total = projects.Count;
            int done = 0;
            ClientEvents.Progress(ProgressActivity, 0, total);
            var running = new Dictionary<Task<List<AccessReportRow>>, Project>();
            int next = 0;
            try
            {
                while (next < projects.Count || running.Count > 0)
                {
                    // No more projects at once than calls may be in flight: each has calls waiting to start anyway.
                    while (next < projects.Count && running.Count < options.ThrottleLimit)
                    {
                        Project project = projects[next++];
                        running.Add(crawl.Run(() => crawl.ProjectAsync(project, owners)), project);
                    }

                    Task<List<AccessReportRow>> finished = await Task.WhenAny(running.Keys).ConfigureAwait(false);
                    string finishedId = running[finished].Id;
                    running.Remove(finished);
                    List<AccessReportRow> rows = await Skippable(options, finishedId, finished).ConfigureAwait(false) ?? new List<AccessReportRow>();
                    ClientEvents.Progress(ProgressActivity, ++done, total);
                    foreach (AccessReportRow row in rows)
                    {
                        yield return row;
                    }
                }
            }
            finally
            {
                // The consumer stopped (Select-Object -First) or a project failed: no further calls start.
                stop.Cancel();
                foreach (Task task in running.Keys)
                {
                    try
                    {
                        await task.ConfigureAwait(false);
                    }
                    catch (Exception)
                    {
                        // Cancelled or failed after the report ended; nothing is waiting for it.
                    }
                }
            }
        }

        /// <summary>
        /// The result of a project's work, or null when the API refused to show that project (see
        /// <see cref="AccessReportOptions.ProjectSkipped"/>); any other failure goes on up and ends the report.
        /// </summary>
        private static async Task<T?> Skippable<T>(AccessReportOptions options, string projectId, Task<T> work)
            where T : class
        {
            try
            {
                return await work.ConfigureAwait(false);
            }
            catch (OpenAIAdminException error) when (options.ProjectSkipped != null && IsAboutTheProject(error.Kind))
            {
                options.ProjectSkipped(projectId, error);
                return null;
            }
        }

        private static bool IsAboutTheProject(AdminErrorKind kind) =>
            kind == AdminErrorKind.ApiBadRequest || kind == AdminErrorKind.ApiPermissionDenied || kind == AdminErrorKind.ApiNotFound;

        private static async Task<List<T>> All<T>(IAsyncEnumerable<T> items)
        {
            var list = new List<T>();
            await foreach (T item in items.ConfigureAwait(false))
            {
                list.Add(item);
            }

            return list;
        }

        private sealed class Crawl
        {
            private readonly AdminClient _client;
            private readonly RequestThrottle _throttle;
            private readonly DateTimeOffset? _staleBefore;
            private readonly CancellationToken _token;
            private readonly ConcurrentDictionary<string, Lazy<Task<List<GroupMember>>>> _members =
                new ConcurrentDictionary<string, Lazy<Task<List<GroupMember>>>>(StringComparer.Ordinal);

            public Crawl(AdminClient client, RequestThrottle throttle, DateTimeOffset? staleBefore, CancellationToken token)
            {
                _client = client;
                _throttle = throttle;
                _staleBefore = staleBefore;
                _token = token;
            }

            /// <summary>Runs work whose calls pass the crawl's throttle (it flows into every await below).</summary>
            public Task<T> Run<T>(Func<Task<T>> work) =>
                Task.Run(async () =>
                {
                    using (RequestThrottle.Use(_throttle))
                    {
                        return await work().ConfigureAwait(false);
                    }
                }, _token);

            /// <summary>
            /// Organization roles held by groups (one request per group; groups are few), and a row for each member who
            /// holds the role through the group. Custom organization roles assigned to single users are not crawled: that
            /// would cost one request per user (Get-OAIUserRole answers it per user).
            /// </summary>
            public async Task<List<AccessReportRow>> OrganizationGroupsAsync()
            {
                List<Group> groups = await All(_client.Groups.ListAsync(cancellationToken: _token)).ConfigureAwait(false);
                var roles = groups.Select(g => All(_client.Groups.Roles.ListAsync(g.Id, cancellationToken: _token))).ToList();
                await Task.WhenAll(roles).ConfigureAwait(false);
                var members = groups.Select((g, i) => roles[i].Result.Count > 0 ? Members(g.Id) : Task.FromResult(new List<GroupMember>())).ToList();
                await Task.WhenAll(members).ConfigureAwait(false);

                var rows = new List<AccessReportRow>();
                for (int i = 0; i < groups.Count; i++)
                {
                    Group group = groups[i];
                    foreach (GroupRoleAssignment role in roles[i].Result)
                    {
                        rows.Add(new AccessReportRow
                        {
                            PrincipalType = "Group", PrincipalId = group.Id, PrincipalName = group.Name, Scope = "Organization",
                            Role = role.RoleName, RoleId = role.RoleId, GrantedVia = "Direct", CreatedAt = group.CreatedAt,
                        });
                        foreach (GroupMember member in members[i].Result)
                        {
                            rows.Add(new AccessReportRow
                            {
                                PrincipalType = "User", PrincipalId = member.UserId, PrincipalName = member.Name, Email = member.Email,
                                Scope = "Organization", Role = role.RoleName, RoleId = role.RoleId,
                                GrantedVia = $"Group '{group.Name ?? group.Id}'", GroupId = group.Id,
                            });
                        }
                    }
                }

                return rows;
            }

            public async Task<List<AccessReportRow>> ProjectAsync(Project project, IReadOnlyList<OrganizationUser> owners)
            {
                string id = project.Id;
                Task<List<ProjectUser>> usersTask = All(_client.Projects.Users.ListAsync(id, cancellationToken: _token));
                Task<List<ProjectGroup>> groupsTask = All(_client.Projects.Groups.ListAsync(id, cancellationToken: _token));
                Task<List<ProjectServiceAccount>> accountsTask = All(_client.Projects.ServiceAccounts.ListAsync(id, cancellationToken: _token));
                Task<List<ProjectApiKey>> keysTask = All(_client.Projects.ApiKeys.ListAsync(id, "any", cancellationToken: _token));
                await Task.WhenAll(usersTask, groupsTask, accountsTask, keysTask).ConfigureAwait(false);
                List<ProjectUser> users = usersTask.Result;
                List<ProjectGroup> groups = groupsTask.Result;

                var userRoles = users.Select(u => All(_client.Projects.Users.Roles.ListAsync(id, u.Id, cancellationToken: _token))).ToList();
                var groupRoles = groups.Select(g => All(_client.Projects.Groups.Roles.ListAsync(id, g.GroupId, cancellationToken: _token))).ToList();
                var groupMembers = groups.Select(g => Members(g.GroupId)).ToList();
                await Task.WhenAll(userRoles.Cast<Task>().Concat(groupRoles).Concat(groupMembers)).ConfigureAwait(false);

                var rows = new List<AccessReportRow>();
                AccessReportRow Row(string type, string principalId, string? name, string? email, string? role, string? roleId, string via) =>
                    new AccessReportRow
                    {
                        PrincipalType = type, PrincipalId = principalId, PrincipalName = name, Email = email, Scope = "Project",
                        ProjectId = id, ProjectName = project.Name, Role = role, RoleId = roleId, GrantedVia = via,
                    };

                for (int i = 0; i < users.Count; i++)
                {
                    ProjectUser user = users[i];
                    AccessReportRow membership = Row("User", user.Id, user.Name, user.Email, user.Role, null, "Direct");
                    membership.CreatedAt = user.AddedAt;
                    rows.Add(membership);
                    foreach (ProjectUserRoleAssignment role in userRoles[i].Result)
                    {
                        rows.Add(Row("User", user.Id, user.Name, user.Email, role.RoleName, role.RoleId, "Direct"));
                    }
                }

                for (int i = 0; i < groups.Count; i++)
                {
                    ProjectGroup group = groups[i];
                    string via = $"Group '{group.GroupName ?? group.GroupId}'";
                    foreach (ProjectGroupRoleAssignment role in groupRoles[i].Result)
                    {
                        AccessReportRow grant = Row("Group", group.GroupId, group.GroupName, null, role.RoleName, role.RoleId, "Direct");
                        grant.CreatedAt = group.CreatedAt;
                        rows.Add(grant);
                        foreach (GroupMember member in groupMembers[i].Result)
                        {
                            AccessReportRow inherited = Row("User", member.UserId, member.Name, member.Email, role.RoleName, role.RoleId, via);
                            inherited.GroupId = group.GroupId;
                            rows.Add(inherited);
                        }
                    }
                }

                var members = new HashSet<string>(users.Select(u => u.Id), StringComparer.Ordinal);
                foreach (OrganizationUser owner in owners.Where(o => !members.Contains(o.Id)))
                {
                    rows.Add(Row("User", owner.Id, owner.Name, owner.Email, "owner", null, "OrganizationOwner"));
                }

                List<ProjectApiKey> keys = keysTask.Result;
                foreach (ProjectServiceAccount account in accountsTask.Result)
                {
                    AccessReportRow row = Row("ServiceAccount", account.Id, account.Name, null, account.Role, null, "Direct");
                    row.CreatedAt = account.CreatedAt;
                    row.LastUsedAt = keys.Where(k => k.OwnerType == "service_account" && k.OwnerId == account.Id)
                        .Select(k => k.LastUsedAt).Where(t => t.HasValue).DefaultIfEmpty(null).Max();
                    row.Stale = Stale(row.LastUsedAt, account.CreatedAt);
                    rows.Add(row);
                }

                foreach (ProjectApiKey key in keys)
                {
                    AccessReportRow row = Row("ApiKey", key.Id, key.Name, key.OwnerEmail, key.Owner?.User?.Role ?? key.Owner?.ServiceAccount?.Role, null, "Direct");
                    row.OwnerType = key.OwnerType;
                    row.OwnerId = key.OwnerId;
                    row.OwnerName = key.OwnerName;
                    row.CreatedAt = key.CreatedAt;
                    row.LastUsedAt = key.LastUsedAt;
                    row.Stale = Stale(key.LastUsedAt, key.CreatedAt);
                    rows.Add(row);
                }

                return rows;
            }

            private bool? Stale(DateTimeOffset? lastUsed, DateTimeOffset created) =>
                _staleBefore is DateTimeOffset before ? (lastUsed ?? created) < before : (bool?)null;

            /// <summary>A group's members, fetched once per report however many projects grant the group.</summary>
            private Task<List<GroupMember>> Members(string groupId) =>
                _members.GetOrAdd(groupId, g => new Lazy<Task<List<GroupMember>>>(() => All(_client.Groups.Users.ListAsync(g, cancellationToken: _token)))).Value;
        }
    }
}

namespace OpenAIAdmin
{
    public sealed partial class AdminClient
    {
        private Resources.AccessReportClient? _accessReport;

        /// <summary>The access report of the organization (a crawl of several areas; see <see cref="Resources.AccessReportClient"/>).</summary>
        public Resources.AccessReportClient AccessReport => _accessReport ??= new Resources.AccessReportClient(this);
    }
}
