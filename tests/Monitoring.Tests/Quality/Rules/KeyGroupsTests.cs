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
}
