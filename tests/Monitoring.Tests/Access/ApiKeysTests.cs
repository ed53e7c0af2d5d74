using Microsoft.AspNetCore.Http;
using Monitoring.Access;

namespace Monitoring.Tests.Access;

public sealed class ApiKeysTests
{
    [Fact]
    public void Makes_distinct_url_safe_keys_of_256_bits()
    {
        var keys = Enumerable.Range(0, 100).Select(_ => ApiKeys.New()).ToList();

        Assert.Equal(100, keys.Distinct().Count());
        Assert.All(keys, k => Assert.Matches("^shm_[A-Za-z0-9_-]{43}$", k));
    }

    [Fact]
    public void Hashes_a_key_to_its_sha256_in_lower_hex()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ApiKeys.HashOf("abc"));
    }

    [Fact]
    public void Hints_at_a_key_without_giving_enough_to_use_it()
    {
        var key = ApiKeys.New();

        Assert.Equal(key[..10] + "…", ApiKeys.Hint(key));
    }

    public static TheoryData<string, string?, string?> Requests => new()
    {
        { "Authorization", "Bearer shm_abc", "shm_abc" },
        { "Authorization", "bearer  shm_abc ", "shm_abc" },
        { "X-Api-Key", "shm_abc", "shm_abc" },
        { "Authorization", "Basic dXNlcjpwYXNz", null },
        { "X-Other", "shm_abc", null },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void Reads_the_key_from_a_bearer_or_x_api_key_header(string header, string? value, string? expected)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers[header] = value;

        Assert.Equal(expected, ApiKeys.FromRequest(context.Request));
    }
}
