using System.Collections.Generic;

namespace OpenAIAdmin.Paging
{
    /// <summary>Every list envelope of the API in one shape; each paging style reads its own cursor field.</summary>
    internal sealed class ListEnvelope<T>
    {
        public string? Object { get; set; }

        public List<T>? Data { get; set; }

        public bool HasMore { get; set; }

        public string? FirstId { get; set; }

        public string? LastId { get; set; }

        public string? Next { get; set; }

        public string? NextPage { get; set; }
    }
}
