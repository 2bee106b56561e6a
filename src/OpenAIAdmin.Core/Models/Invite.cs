using System;
using System.Collections.Generic;

namespace OpenAIAdmin
{
    /// <summary>An invitation to join the organization (API type <c>organization.invite</c>).</summary>
    public sealed class Invite
    {
        public string Id { get; set; } = string.Empty;

        public string? Object { get; set; }

        public string? Email { get; set; }

        /// <summary><c>owner</c> or <c>reader</c>: the organization role the person gets on accepting.</summary>
        public string? Role { get; set; }

        /// <summary><c>pending</c>, <c>accepted</c> or <c>expired</c>.</summary>
        public string? Status { get; set; }

        /// <summary>When the invite was sent.</summary>
        public DateTimeOffset CreatedAt { get; set; }

        public DateTimeOffset? ExpiresAt { get; set; }

        public DateTimeOffset? AcceptedAt { get; set; }

        private List<InviteProject> _projects = new List<InviteProject>();

        /// <summary>The projects the person joins on accepting; empty (never null) when the invite grants none.</summary>
        public List<InviteProject> Projects
        {
            get => _projects;
            set => _projects = value ?? new List<InviteProject>();
        }

        public override string ToString() => Id;
    }

    /// <summary>
    /// A project membership granted by an invite. PowerShell converts a hashtable such as
    /// <c>@{ Id = 'proj_abc'; Role = 'owner' }</c> to this type.
    /// </summary>
    public sealed class InviteProject
    {
        public InviteProject() { }

        public InviteProject(string id, string role)
        {
            Id = id;
            Role = role;
        }

        public string Id { get; set; } = string.Empty;

        /// <summary><c>member</c> or <c>owner</c> of the project.</summary>
        public string Role { get; set; } = string.Empty;

        public override string ToString() => $"{Id} ({Role})";
    }

    /// <summary>Body of POST /organization/invites.</summary>
    public sealed class InviteCreateRequest
    {
        public string Email { get; set; } = string.Empty;

        /// <summary><c>owner</c> or <c>reader</c>.</summary>
        public string Role { get; set; } = string.Empty;

        /// <summary>
        /// Null (the field is omitted): the API adds the person to the default project, its legacy behaviour.
        /// An empty list: no project at all, not even the default one.
        /// </summary>
        public IList<InviteProject>? Projects { get; set; }
    }
}
