namespace OpenAIAdmin.Commands
{
    /// <summary>How confirmation messages name a user: by name and e-mail where known, always with the id.</summary>
    internal static class UserTarget
    {
        public static string Describe(string? name, string? email, string id)
        {
            string text = string.IsNullOrEmpty(name) ? "user" : $"user '{name}'";
            if (!string.IsNullOrEmpty(email))
            {
                text += $" <{email}>";
            }

            return $"{text} ({id})";
        }
    }
}
