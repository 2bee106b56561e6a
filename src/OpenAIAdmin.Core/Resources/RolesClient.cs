using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OpenAIAdmin.Paging;

namespace OpenAIAdmin.Resources
{
    /// <summary>Organization roles: GET/POST /organization/roles, GET/POST/DELETE /organization/roles/{role_id}.</summary>
    public sealed class RolesClient : ResourceClient
    {
        /// <summary>The most roles one list request may ask for (also the API's default).</summary>
        public const int MaxPageSize = 1000;

        internal RolesClient(ApiConnection connection) : base(connection) { }

        public IAsyncEnumerable<Role> ListAsync(string? order = null, ListOptions? options = null, CancellationToken cancellationToken = default) =>
            List(new ListRequest<Role>(ApiPath.Roles, PagingStyle.NextCursor, MaxPageSize, r => r.Id)
            {
                Query = new Query().Add("order", order),
            }, options, cancellationToken);

        public Task<Role> GetAsync(string roleId, CancellationToken cancellationToken = default) =>
            Connection.GetAsync<Role>(RolePath(roleId), null, cancellationToken);

        public Task<Role> CreateAsync(RoleCreateRequest request, CancellationToken cancellationToken = default)
        {
            if (request == null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            if (string.IsNullOrWhiteSpace(request.RoleName))
            {
                throw InputError.Invalid("A role needs a name that is not blank.");
            }

            return Connection.PostAsync<Role>(ApiPath.Roles, request, cancellationToken);
        }

        public Task<Role> UpdateAsync(string roleId, RoleUpdateRequest request, CancellationToken cancellationToken = default)
        {
            if (request == null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            if (request.RoleName == null && request.Permissions == null && request.Description == null)
            {
                throw InputError.Invalid("Nothing to change: give a name, permissions or a description.");
            }

            return Connection.PostAsync<Role>(RolePath(roleId), request, cancellationToken);
        }

        public Task<DeletedObject> DeleteAsync(string roleId, CancellationToken cancellationToken = default) =>
            Delete(() => RolePath(roleId), roleId, cancellationToken);

        private static string RolePath(string roleId) => ApiPath.Role(roleId);
    }
}

namespace OpenAIAdmin
{
    public sealed partial class AdminClient
    {
        private Resources.RolesClient? _roles;

        public Resources.RolesClient Roles => _roles ??= new Resources.RolesClient(_connection);
    }
}
