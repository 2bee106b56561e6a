using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenAIAdmin.Simulator.Infrastructure;

/// <summary>The wire format: snake_case names, nulls written (the API sends <c>"archived_at": null</c>), Unix seconds as numbers.</summary>
internal static class SimJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        // Readable messages ("No project found with id 'x'."), as the real API writes them.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IResult Ok(object value) => Results.Json(value, Options, contentType: "application/json", statusCode: 200);
}
