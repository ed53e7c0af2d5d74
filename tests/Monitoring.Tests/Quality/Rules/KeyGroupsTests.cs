using Monitoring.Quality.Rules;

namespace Monitoring.Tests.Quality.Rules;

/// <summary>The grouping of the set-level rules: a GroupBy's groups and order, with keys kept as hashes.</summary>
public class KeyGroupsTests
{
    private static readonly string?[] Keys = ["b", "a", null, "b", "c", "a"];

    [Fact]
    public void Groups_come_in_the_order_of_their_first_record_and_skip_records_without_a_key()
    {
        var groups = KeyGroups.Of(Keys.Length, i => Keys[i]).Select(g => g.ToArray()).ToList();

        Assert.Equal([[0, 3], [1, 5], [4]], groups);
    }

    [Fact]
    public void Records_whose_hashes_collide_are_grouped_by_their_keys()
    {
        // Every key has the same hash: the keys themselves must still decide, in the same order.
        var groups = KeyGroups.Of(Keys.Length, i => Keys[i], _ => 42).Select(g => g.ToArray()).ToList();

        Assert.Equal([[0, 3], [1, 5], [4]], groups);
    }

    [Fact]
    public void Without_singles_only_the_groups_of_two_or_more_come_even_when_hashes_collide()
    {
        var byHash = KeyGroups.Of(Keys.Length, i => Keys[i] is { } key ? KeyGroups.Hash(key) : null, i => Keys[i]!, singles: false)
            .Select(g => g.ToArray()).ToList();
        var colliding = KeyGroups.Of(Keys.Length, i => Keys[i] is null ? null : 42, i => Keys[i]!, singles: false)
            .Select(g => g.ToArray()).ToList();

        Assert.Equal([[0, 3], [1, 5]], byHash);
        Assert.Equal([[0, 3], [1, 5]], colliding);
    }

    [Theory]
    [InlineData("HTTPS://Media.Example.com/P/PR-1/1.JPG")]
    [InlineData("Bäckerei ÄÖÜ")]
    [InlineData("")]
    public void A_lower_case_hash_is_the_hash_of_the_lower_case_text(string text) =>
        Assert.Equal(KeyGroups.Hash(text.ToLowerInvariant()), KeyGroups.HashLowerCase(text));
}
