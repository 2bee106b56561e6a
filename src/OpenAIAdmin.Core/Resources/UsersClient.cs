using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using OpenAIAdmin.Paging;

namespace OpenAIAdmin.Resources
{
    public sealed class UsersClient : ResourceClient
    {
        private UserRolesClient? _roles;

        internal UsersClient(ApiConnection connection) : base(connection) { }

        /// <summary>Organization roles assigned to users: <c>/organization/users/{user_id}/roles</c>.</summary>
        public UserRolesClient Roles => _roles ??= new UserRolesClient(Connection);

        /// <summary>
        /// Addresses in one request's filter. Each is a query parameter: an HR list of a few hundred made an address longer
        /// than servers take (HTTP 414 at about 250 with the simulator's defaults), so longer lists are asked for in turn.
        /// </summary>
        internal const int EmailsPerRequest = 50;

        /// <summary>
        /// The users, or those with one of <paramref name="emails"/> (each address once, without surrounding white space; a
        /// list longer than <see cref="EmailsPerRequest"/> is read in parts, one after the other, in the order given).
        /// </summary>
        public IAsyncEnumerable<OrganizationUser> ListAsync(IEnumerable<string>? emails = null, ListOptions? options = null, CancellationToken cancellationToken = default)
        {
            List<string>? wanted = emails?.Where(e => e != null).Select(e => e.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            return wanted == null ? ListWith(null, options, cancellationToken) : ListByEmail(wanted, options, cancellationToken);
        }

        /// <summary>
        /// The users of <paramref name="emails"/>, and a warning for each address no user has once the listing is read
        /// to its end: `Get-OAIUser -Email (Get-Content leavers.txt) | Remove-OAIUser` must not pass a typo for done.
        /// </summary>
        private async IAsyncEnumerable<OrganizationUser> ListByEmail(List<string> emails, ListOptions? options, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var found = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            long listed = 0;
            for (int start = 0; start < emails.Count; start += EmailsPerRequest)
            {
                List<string> part = emails.GetRange(start, Math.Min(EmailsPerRequest, emails.Count - start));
                await foreach (OrganizationUser user in ListWith(part, options, cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    if (user.Email != null)
                    {
                        found.Add(user.Email);
                    }

                    yield return user;
                    if (options?.MaxItems is long max && ++listed >= max)
                    {
                        // Stopped at -First: the addresses not reached are unknown, not missing.
                        yield break;
                    }
                }
            }

            List<string> missing = emails.Where(e => !found.Contains(e)).ToList();
            if (missing.Count > 0)
            {
                ClientEvents.Warning(missing.Count == 1
                    ? $"No user of the organization has the address {missing[0]}."
                    : $"No user of the organization has these {missing.Count} addresses: {string.Join(", ", missing.Take(20))}{(missing.Count > 20 ? ", …" : string.Empty)}.");
            }
        }

        private IAsyncEnumerable<OrganizationUser> ListWith(IEnumerable<string>? emails, ListOptions? options, CancellationToken cancellationToken) =>
            List(new ListRequest<OrganizationUser>(ApiPath.Users, PagingStyle.IdCursor, 100, u => u.Id)
            {
                Query = new Query().AddArray("emails", emails),
            }, options, cancellationToken);

        public Task<OrganizationUser> GetAsync(string userId, CancellationToken cancellationToken = default) =>
            Connection.GetAsync<OrganizationUser>(ApiPath.User(userId), null, cancellationToken);

        public Task<OrganizationUser> UpdateAsync(string userId, UserUpdateRequest request, CancellationToken cancellationToken = default) =>
            Connection.PostAsync<OrganizationUser>(ApiPath.User(userId), request, cancellationToken);

        public Task<DeletedObject> DeleteAsync(string userId, CancellationToken cancellationToken = default) =>
            Delete(() => ApiPath.User(userId), userId, cancellationToken);
    }
}

namespace OpenAIAdmin
{
    public sealed partial class AdminClient
    {
        private Resources.UsersClient? _users;

        public Resources.UsersClient Users => _users ??= new Resources.UsersClient(_connection);
    }
}
