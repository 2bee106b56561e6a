namespace OpenAIAdmin
{
    /// <summary>How much of a list to fetch.</summary>
    public sealed class ListOptions
    {
        public static readonly ListOptions All = new ListOptions();

        /// <summary>Items per request; null lets the client choose (the operation's maximum).</summary>
        public int? PageSize { get; set; }

        /// <summary>Stop after this many items; null reads to the end.</summary>
        public long? MaxItems { get; set; }
    }
}
