namespace OpenAIAdmin
{
    /// <summary>
    /// A user's membership of a group: one output type for the three shapes the API uses (list items
    /// <c>GroupUser</c> {id, name, email}; the single lookup <c>GroupMemberUser</c>, which adds picture,
    /// is_service_account and user_type; and the add confirmation <c>GroupUserAssignment</c> {user_id, group_id}).
    /// It carries <see cref="GroupId"/> and <see cref="UserId"/> but no <c>Id</c>, so piping it binds both ids
    /// of the membership and nothing ambiguous.
    /// </summary>
    public sealed class GroupMember
    {
        public string GroupId { get; set; } = string.Empty;

        /// <summary>The group's name when the caller knew it (the API never sends it with members).</summary>
        public string? GroupName { get; set; }

        public string UserId { get; set; } = string.Empty;

        /// <summary>The user's display name; null on the add confirmation.</summary>
        public string? Name { get; set; }

        public string? Email { get; set; }

        /// <summary>Only from a single-member lookup.</summary>
        public string? Picture { get; set; }

        /// <summary>Only from a single-member lookup.</summary>
        public bool? IsServiceAccount { get; set; }

        /// <summary><c>user</c> or <c>tenant_user</c>; only from a single-member lookup.</summary>
        public string? UserType { get; set; }

        public override string ToString() => UserId;
    }
}
