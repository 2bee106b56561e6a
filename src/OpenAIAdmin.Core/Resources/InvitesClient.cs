using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OpenAIAdmin.Paging;

namespace OpenAIAdmin.Resources
{
    public sealed class InvitesClient : ResourceClient
    {
        internal InvitesClient(ApiConnection connection) : base(connection) { }

        public IAsyncEnumerable<Invite> ListAsync(ListOptions? options = null, CancellationToken cancellationToken = default) =>
            List(new ListRequest<Invite>(ApiPath.Invites, PagingStyle.IdCursor, 100, i => i.Id), options, cancellationToken);

        public Task<Invite> GetAsync(string inviteId, CancellationToken cancellationToken = default) =>
            Connection.GetAsync<Invite>(InvitePath(inviteId), null, cancellationToken);

        public Task<Invite> CreateAsync(InviteCreateRequest request, CancellationToken cancellationToken = default)
        {
            if (request == null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            if (string.IsNullOrWhiteSpace(request.Email))
            {
                throw InputError.Invalid("An invite needs an email address.");
            }

            return Connection.PostAsync<Invite>(ApiPath.Invites, request, cancellationToken);
        }

        /// <summary>Deletes a pending or expired invite; the API refuses (400) to delete an accepted one.</summary>
        public Task<DeletedObject> DeleteAsync(string inviteId, CancellationToken cancellationToken = default) =>
            Delete(() => InvitePath(inviteId), inviteId, cancellationToken);

        private static string InvitePath(string inviteId) => ApiPath.Invite(inviteId);
    }
}

namespace OpenAIAdmin
{
    public sealed partial class AdminClient
    {
        private Resources.InvitesClient? _invites;

        public Resources.InvitesClient Invites => _invites ??= new Resources.InvitesClient(_connection);
    }
}
