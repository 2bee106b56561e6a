using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace OpenAIAdmin.Paging
{
    /// <summary>Every list envelope of the API in one shape; each paging style reads its own cursor field.</summary>
    internal sealed class ListEnvelope<T> : IAnsweredWithRequestId
    {
        /// <summary>The <c>x-request-id</c> of the answer, so that an error about the page (a cursor repeated or missing) names it.</summary>
        [JsonIgnore]
        public string? RequestId { get; set; }

        public string? Object { get; set; }

        public List<T>? Data { get; set; }

        public bool HasMore { get; set; }

        public string? FirstId { get; set; }

        public string? LastId { get; set; }

        public string? Next { get; set; }

        public string? NextPage { get; set; }
    }

    /// <summary>A response body that keeps the request id of its answer (set by <see cref="ApiConnection"/>).</summary>
    internal interface IAnsweredWithRequestId
    {
        string? RequestId { set; }
    }
}
