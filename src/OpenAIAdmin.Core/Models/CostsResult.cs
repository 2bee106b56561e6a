using System;
using System.Text.Json.Serialization;
using OpenAIAdmin.Paging;

namespace OpenAIAdmin
{
    /// <summary>
    /// One cost line of one day bucket (API object <c>organization.costs.result</c>), flattened: it carries the bucket's
    /// start and end. The API's <c>amount {value, currency}</c> becomes <see cref="Amount"/> (a decimal, with every digit
    /// the API sent) and <see cref="Currency"/>. Group keys are null unless the query grouped by them.
    /// </summary>
    public sealed class CostsResult : IBucketResult, IProjectResult, IApiKeyResult
    {
        /// <summary>The start of the day bucket (UTC).</summary>
        [JsonIgnore]
        public DateTimeOffset StartTime { get; set; }

        /// <summary>The end of the day bucket (UTC), exclusive.</summary>
        [JsonIgnore]
        public DateTimeOffset EndTime { get; set; }

        /// <summary>False while the day has not ended: its costs still grow (and costs are restated for about a day after).</summary>
        [JsonIgnore]
        public bool Complete { get; set; }

        /// <summary>The cost, in <see cref="Currency"/> units (dollars for usd), full precision; null if the API sent no amount.</summary>
        [JsonIgnore]
        public decimal? Amount { get; set; }

        /// <summary>Lower-case ISO 4217 code, e.g. <c>usd</c>.</summary>
        [JsonIgnore]
        public string? Currency { get; set; }

        /// <summary>With group_by line_item: what was billed (e.g. a model and input or output).</summary>
        public string? LineItem { get; set; }

        /// <summary>With group_by project_id: the project.</summary>
        public string? ProjectId { get; set; }

        /// <summary>With IncludeNames: the project's name.</summary>
        [JsonIgnore]
        public string? ProjectName { get; set; }

        /// <summary>With group_by api_key_id: the project API key.</summary>
        public string? ApiKeyId { get; set; }

        /// <summary>With IncludeNames: the API key's name.</summary>
        [JsonIgnore]
        public string? ApiKeyName { get; set; }

        /// <summary>With group_by line_item: how much was billed, in <see cref="QuantityUnit"/>.</summary>
        public decimal? Quantity { get; set; }

        /// <summary>The unit of <see cref="Quantity"/> (tokens, 1000_tokens, images, …); null when no single unit applies.</summary>
        public string? QuantityUnit { get; set; }

        /// <summary>The API's object type.</summary>
        public string? Object { get; set; }

        /// <summary>The API's <c>amount</c> object; read only, it fills <see cref="Amount"/> and <see cref="Currency"/>.</summary>
        [JsonInclude]
        [JsonPropertyName("amount")]
        internal CostAmount? AmountOnWire
        {
            get => Amount is decimal value ? new CostAmount { Value = value, Currency = Currency } : null;
            set
            {
                Amount = value?.Value;
                Currency = value?.Currency;
            }
        }

        internal sealed class CostAmount
        {
            public decimal? Value { get; set; }

            public string? Currency { get; set; }
        }
    }
}
