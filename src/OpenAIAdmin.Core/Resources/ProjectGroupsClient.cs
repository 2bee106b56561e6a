using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using OpenAIAdmin.Paging;

namespace OpenAIAdmin.Resources
{
    /// <summary>Groups with access to one project: <c>/organization/projects/{project_id}/groups[/{group_id}]</c>.</summary>
    public sealed class ProjectGroupsClient : ResourceClient
    {
        /// <summary>The most project groups one list request may ask for (the API's default is 20).</summary>
        public const int MaxPageSize = 100;

        private ProjectGroupRolesClient? _roles;

        internal ProjectGroupsClient(ApiConnection connection) : base(connection) { }

        /// <summary>Project roles of groups: <c>/projects/{project_id}/groups/{group_id}/roles</c>.</summary>
        public ProjectGroupRolesClient Roles => _roles ??= new ProjectGroupRolesClient(Connection);

        /// <param name="order"><c>asc</c> or <c>desc</c> by when access was granted; null uses the API default (asc).</param>
        public IAsyncEnumerable<ProjectGroup> ListAsync(string projectId, string? order = null, ListOptions? options = null, CancellationToken cancellationToken = default) =>
            List(new ListRequest<ProjectGroup>(GroupsPath(projectId), PagingStyle.NextCursor, MaxPageSize, g => g.GroupId)
            {
                Query = new Query().Add("order", order),
            }, options, cancellationToken);

        /// <param name="groupType"><c>group</c> or <c>tenant_group</c>; null uses the API default (group).</param>
        public Task<ProjectGroup> GetAsync(string projectId, string groupId, string? groupType = null, CancellationToken cancellationToken = default) =>
            Connection.GetAsync<ProjectGroup>(GroupPath(projectId, groupId), new Query().Add("group_type", groupType), cancellationToken);

        /// <summary>Gives a group access to the project with a project role (a role id of that project).</summary>
        public Task<ProjectGroup> AddAsync(string projectId, string groupId, string roleId, CancellationToken cancellationToken = default)
        {
            string path = GroupsPath(projectId);
            ApiPath.Id(groupId, "group id");
            ApiPath.Id(roleId, "role id");
            return Connection.PostAsync<ProjectGroup>(path, new AddRequest { GroupId = groupId, Role = roleId }, cancellationToken);
        }

        /// <summary>Revokes the group's access; the API's confirmation has no id, so <see cref="DeletedObject.Id"/> is the group id.</summary>
        public Task<DeletedObject> RemoveAsync(string projectId, string groupId, CancellationToken cancellationToken = default) =>
            Delete(() => GroupPath(projectId, groupId), groupId, cancellationToken, projectId);

        private static string GroupsPath(string projectId) => ApiPath.Project(projectId) + "/groups";

        private static string GroupPath(string projectId, string groupId) => ApiPath.Item(GroupsPath(projectId), groupId, "group id");

        private sealed class AddRequest
        {
            public string GroupId { get; set; } = string.Empty;

            /// <summary>The API calls it <c>role</c>, but it is the id of a project role (inventory X15).</summary>
            public string Role { get; set; } = string.Empty;
        }
    }

    /// <summary>Project roles of groups within a project: <c>/projects/{project_id}/groups/{group_id}/roles[/{role_id}]</c>.</summary>
    public sealed class ProjectGroupRolesClient : ResourceClient
    {
        internal ProjectGroupRolesClient(ApiConnection connection) : base(connection) { }

        public IAsyncEnumerable<ProjectGroupRoleAssignment> ListAsync(string projectId, string groupId, string? order = null, ListOptions? options = null,
            CancellationToken cancellationToken = default) =>
            RoleAssignments.List(this, RolesPath(projectId, groupId), order, options, d => d.Fill(New(projectId, groupId)), cancellationToken);

        public Task<ProjectGroupRoleAssignment> GetAsync(string projectId, string groupId, string roleId, CancellationToken cancellationToken = default) =>
            RoleAssignments.Get(this, RolePath(projectId, groupId, roleId), New(projectId, groupId), cancellationToken);

        public Task<ProjectGroupRoleAssignment> AssignAsync(string projectId, string groupId, string roleId, CancellationToken cancellationToken = default) =>
            RoleAssignments.AssignGroup(this, RolesPath(projectId, groupId), roleId,
                group => new ProjectGroupRoleAssignment { ProjectId = projectId, GroupId = group?.Id ?? groupId, Group = group }, cancellationToken);

        public Task<DeletedRoleAssignment> UnassignAsync(string projectId, string groupId, string roleId, CancellationToken cancellationToken = default) =>
            RoleAssignments.Unassign(this, RolePath(projectId, groupId, roleId), roleId, d =>
            {
                d.ProjectId = projectId;
                d.GroupId = groupId;
                return d;
            }, cancellationToken);

        private static ProjectGroupRoleAssignment New(string projectId, string groupId) => new ProjectGroupRoleAssignment { ProjectId = projectId, GroupId = groupId };

        private static string RolesPath(string projectId, string groupId) =>
            ApiPath.Item(ApiPath.ProjectScope(projectId) + "/groups", groupId, "group id") + "/roles";

        private static string RolePath(string projectId, string groupId, string roleId) => ApiPath.Item(RolesPath(projectId, groupId), roleId, "role id");
    }

    public sealed partial class ProjectsClient
    {
        private ProjectGroupsClient? _groups;

        /// <summary>Groups with access to a project: <c>/organization/projects/{project_id}/groups</c>; their project roles under <c>Groups.Roles</c>.</summary>
        public ProjectGroupsClient Groups => _groups ??= new ProjectGroupsClient(Connection);
    }
}
