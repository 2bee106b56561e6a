using System;
using System.Collections.Generic;

namespace OpenAIAdmin
{
    /// <summary>One cost line of one time bucket, flattened: it carries the bucket's start and end.</summary>
    public sealed class CostsResult
    {
        public DateTimeOffset StartTime { get; set; }

        public DateTimeOffset EndTime { get; set; }

        public string? Object { get; set; }

        public CostAmount? Amount { get; set; }

        public decimal? Value => Amount?.Value;

        public string? Currency => Amount?.Currency;

        public string? LineItem { get; set; }

        public string? ProjectId { get; set; }

        public string? ApiKeyId { get; set; }

        public decimal? Quantity { get; set; }

        public string? QuantityUnit { get; set; }
    }

    public sealed class CostAmount
    {
        public decimal Value { get; set; }

        public string? Currency { get; set; }

        public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + Currency;
    }

    internal sealed class TimeBucket<T>
    {
        public string? Object { get; set; }

        public DateTimeOffset StartTime { get; set; }

        public DateTimeOffset EndTime { get; set; }

        public List<T>? Results { get; set; }
    }
}
