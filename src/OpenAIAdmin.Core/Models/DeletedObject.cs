namespace OpenAIAdmin
{
    /// <summary>
    /// The API's confirmation of a delete. Delete responses differ by resource (some lack <c>id</c>, one lacks
    /// <c>deleted</c>), so every field is optional and the client fills <see cref="Id"/> from the request when absent.
    /// </summary>
    public sealed class DeletedObject
    {
        public string? Id { get; set; }

        public string? Object { get; set; }

        public bool? Deleted { get; set; }

        /// <summary>The project the deletion was in (filled by the client, the API does not send it); null for the organization's objects.</summary>
        public string? ProjectId { get; set; }

        public override string ToString() => Id ?? string.Empty;
    }
}
