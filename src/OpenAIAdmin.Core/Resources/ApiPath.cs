using System;
using System.Text;

namespace OpenAIAdmin.Resources
{
    /// <summary>
    /// The one path builder of the client core. Every id that goes into a path passes <see cref="Id"/>, so no value
    /// a user can type (a blank, <c>.</c>, <c>..</c>, a slash, a 100,000-character string) produces a request outside
    /// its operation's path. A sub-resource's path is its parent's item path plus its own collection.
    /// </summary>
    internal static class ApiPath
    {
        /// <summary>Real ids are a prefix and a few dozen characters; anything much longer is a mistake.</summary>
        public const int MaxIdLength = 256;

        public const string Projects = "organization/projects";
        public const string Users = "organization/users";
        public const string Groups = "organization/groups";
        public const string Roles = "organization/roles";
        public const string Invites = "organization/invites";
        public const string AdminApiKeys = "organization/admin_api_keys";
        public const string Certificates = "organization/certificates";
        public const string AuditLogs = "organization/audit_logs";

        /// <summary>Project RBAC (project roles and their assignments) lives under <c>/projects/{project_id}</c>, not under <c>/organization</c>.</summary>
        public const string ProjectScopes = "projects";

        public static string Project(string projectId) => Item(Projects, projectId, "project id");

        /// <summary><c>projects/{project_id}</c>: the parent of a project's roles and role assignments.</summary>
        public static string ProjectScope(string projectId) => Item(ProjectScopes, projectId, "project id");

        public static string User(string userId) => Item(Users, userId, "user id");

        public static string Group(string groupId) => Item(Groups, groupId, "group id");

        public static string Role(string roleId) => Item(Roles, roleId, "role id");

        public static string Invite(string inviteId) => Item(Invites, inviteId, "invite id");

        public static string AdminApiKey(string keyId) => Item(AdminApiKeys, keyId, "admin API key id");

        public static string Certificate(string certificateId) => Item(Certificates, certificateId, "certificate id");

        /// <summary><c>collection/{id}</c>, the id checked and escaped.</summary>
        public static string Item(string collection, string id, string what) => collection + "/" + Id(id, what);

        /// <summary>
        /// Checks an id before it becomes one path segment and escapes it; throws <see cref="AdminErrorKind.InvalidArgument"/>.
        /// White space around it is dropped: no id of the API has any, and a copied cell or line often does.
        /// </summary>
        public static string Id(string? value, string what)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw InputError.Invalid($"The {what} is empty.");
            }

            value = value!.Trim();

            if (value.Length > MaxIdLength)
            {
                throw InputError.Invalid($"The {what} '{InputError.Shorten(value)}' has {value.Length} characters; an id has at most {MaxIdLength}.");
            }

            if (value.Trim('.').Length == 0 && value.Length <= 2)
            {
                throw InputError.Invalid($"'{value}' is not a {what}: it would address another path of the API.");
            }

            if (AdminApiKeyCredential.RedactKeyShapes(value) is string redacted && redacted != value)
            {
                // Sent, it would be in the request's address: in the logs of the server and of any proxy on the way.
                throw InputError.Invalid($"The {what} '{InputError.Shorten(redacted)}' is an API key, not an id. Nothing was sent; give the id of what to change (ids start with a prefix such as proj_ or user-).");
            }

            return Uri.EscapeDataString(value);
        }

        /// <summary>"projectId" → "project id", for messages that name a parameter of the core.</summary>
        internal static string Words(string name)
        {
            var text = new StringBuilder(name.Length + 4);
            foreach (char c in name)
            {
                if (char.IsUpper(c) && text.Length > 0)
                {
                    text.Append(' ');
                }

                text.Append(char.ToLowerInvariant(c));
            }

            return text.ToString();
        }
    }

    /// <summary>Input the core refuses before any request: the user's mistake, reported as <see cref="AdminErrorKind.InvalidArgument"/>.</summary>
    internal static class InputError
    {
        private const int MaxQuoted = 40;

        public static OpenAIAdminException Invalid(string message) => new OpenAIAdminException(AdminErrorKind.InvalidArgument, message);

        /// <summary>A value short enough to quote in a message.</summary>
        public static string Shorten(string value) =>
            value.Length <= MaxQuoted ? value : value.Substring(0, MaxQuoted) + "…";
    }
}
