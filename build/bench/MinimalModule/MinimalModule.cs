using System;
using System.Management.Automation;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MinimalModule
{
    /// <summary>
    /// The least a compiled cmdlet does to list users: one HttpClient, one synchronous request per page, reflection-based
    /// System.Text.Json, one typed object per user. No retries, timeouts, logging, paging ahead, views, type data or
    /// load isolation: what it costs is PowerShell's own (import, binding, the pipeline) plus the runtime's first request.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MinimalUser")]
    [OutputType(typeof(MinimalUser))]
    public sealed class GetMinimalUserCommand : PSCmdlet
    {
        [Parameter]
        public int First { get; set; } = int.MaxValue;

        protected override void EndProcessing()
        {
            string baseUrl = Environment.GetEnvironmentVariable("OPENAI_BASE_URL") ?? throw new InvalidOperationException("OPENAI_BASE_URL is not set.");
            string key = Environment.GetEnvironmentVariable("OPENAI_ADMIN_KEY") ?? throw new InvalidOperationException("OPENAI_ADMIN_KEY is not set.");
            using var client = new HttpClient();
            int written = 0;
            string? after = null;
            while (true)
            {
                string uri = baseUrl.TrimEnd('/') + "/organization/users?limit=" + Math.Min(100, First) + (after == null ? string.Empty : "&after=" + Uri.EscapeDataString(after));
                using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + key);
                using HttpResponseMessage response = client.SendAsync(request).GetAwaiter().GetResult();
                response.EnsureSuccessStatusCode();
                byte[] body = response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
                MinimalPage page = JsonSerializer.Deserialize<MinimalPage>(body) ?? throw new InvalidOperationException("An empty page.");
                foreach (MinimalUser user in page.Data)
                {
                    WriteObject(user);
                    if (++written >= First)
                    {
                        return;
                    }
                }

                if (!page.HasMore || page.LastId == null)
                {
                    return;
                }

                after = page.LastId;
            }
        }
    }

    public sealed class MinimalUser
    {
        [JsonPropertyName("id")]
        public string Id { get; set; } = string.Empty;

        [JsonPropertyName("name")]
        public string? Name { get; set; }

        [JsonPropertyName("email")]
        public string? Email { get; set; }

        [JsonPropertyName("role")]
        public string? Role { get; set; }

        [JsonPropertyName("added_at")]
        public long AddedAt { get; set; }
    }

    public sealed class MinimalPage
    {
        [JsonPropertyName("data")]
        public MinimalUser[] Data { get; set; } = Array.Empty<MinimalUser>();

        [JsonPropertyName("has_more")]
        public bool HasMore { get; set; }

        [JsonPropertyName("last_id")]
        public string? LastId { get; set; }
    }
}
