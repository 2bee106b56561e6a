using System;
using System.Security;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAIAdmin
{
    /// <summary>One set of serializer options for the whole API: snake_case names, Unix-second times, nulls omitted.</summary>
    internal static class Json
    {
        // Compile-time metadata for the common answers, reflection for everything else (JsonContext.cs).
        public static readonly JsonSerializerOptions Options =
            Create(JsonTypeInfoResolver.Combine(AdminJsonContext.Default, new DefaultJsonTypeInfoResolver()));

        /// <summary>
        /// The module's options over <paramref name="resolver"/>, locked: options that can still change keep none of the
        /// metadata they build (each GetTypeInfo builds it anew), and <see cref="JsonMetadata{T}"/> builds it ahead of a
        /// type's first request for that request's read to use.
        /// </summary>
        internal static JsonSerializerOptions Create(IJsonTypeInfoResolver resolver)
        {
            var options = new JsonSerializerOptions
            {
                PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
                DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
                NumberHandling = JsonNumberHandling.AllowReadingFromString,
                TypeInfoResolver = resolver,
            };
            options.Converters.Add(new UnixTimeConverter());
            options.Converters.Add(new SecureStringConverter());
            options.MakeReadOnly();
            return options;
        }

        /// <summary>One-time secrets go straight into a SecureString, so no plain copy sits on a model.</summary>
        private sealed class SecureStringConverter : JsonConverter<SecureString>
        {
            public override SecureString Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            {
                var secure = new SecureString();
                foreach (char c in reader.GetString() ?? string.Empty)
                {
                    secure.AppendChar(c);
                }

                secure.MakeReadOnly();
                return secure;
            }

            public override void Write(Utf8JsonWriter writer, SecureString value, JsonSerializerOptions options) =>
                throw new NotSupportedException("Secrets are never serialized.");
        }

        /// <summary>The API sends every time as Unix seconds; users get UTC <see cref="DateTimeOffset"/>s.</summary>
        private sealed class UnixTimeConverter : JsonConverter<DateTimeOffset>
        {
            public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            {
                double seconds = reader.TokenType == JsonTokenType.String
                    ? double.Parse(reader.GetString()!, System.Globalization.CultureInfo.InvariantCulture)
                    : reader.GetDouble();
                return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000));
            }

            public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
                writer.WriteNumberValue(value.ToUnixTimeSeconds());
        }
    }

    /// <summary>
    /// The serializer's metadata for <typeparamref name="T"/>, built once per process on a pool thread. A call that reads
    /// a T starts it before sending and waits for it only before reading the answer, so the first call of a process
    /// builds the metadata (reflection and JIT work of some milliseconds) while its request is in flight, not after it.
    /// The work does not flow the caller's execution context: the task lives as long as the process and must not keep
    /// the first caller's state (a cmdlet's event sink) alive.
    /// </summary>
    internal static class JsonMetadata<T>
    {
        public static readonly Task Prepared = Start();

        private static Task Start()
        {
            using (ExecutionContext.SuppressFlow())
            {
                return Task.Run(() => { Json.Options.GetTypeInfo(typeof(T)); });
            }
        }
    }
}
