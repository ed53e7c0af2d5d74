using System.Text.Json;

namespace DemoShop;

/// <summary>The shop's JSON conventions: snake_case names, as in <c>{ "slow_ms": 3000 }</c>.</summary>
public static class Json
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.PropertyNameCaseInsensitive = true;
        return options;
    }
}
