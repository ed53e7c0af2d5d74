using Monitoring.Shop.Demo;
using Monitoring.Shop.Model;

namespace Monitoring.Tests.Shop.Demo;

/// <summary>The generator is deterministic, batches as told, types every value as its field and keeps keys unique.</summary>
public sealed class DemoDataGeneratorTests(SmallDemoRun small) : IClassFixture<SmallDemoRun>
{
    private readonly DemoRun _run = small.Run;

    [Fact]
    public void The_same_options_give_exactly_the_same_batches()
    {
        var again = DemoRun.Generate();

        Assert.Equal(_run.Hash(), again.Hash());
        Assert.Equal(_run.Batches.Select(b => (b.Target.Entity.Name, b.Count)), again.Batches.Select(b => (b.Target.Entity.Name, b.Count)));
    }

    [Fact]
    public void Another_seed_gives_other_rows()
    {
        Assert.NotEqual(_run.Hash(), DemoRun.Generate(seed: 7).Hash());
    }

    [Fact]
    public void Batches_hold_at_most_the_batch_size_and_add_up_to_the_report()
    {
        var run = DemoRun.Generate(batchSize: 1_000);

        Assert.All(run.Batches, b => Assert.InRange(b.Count, 1, 1_000));
        foreach (var entity in ShopModel.Entities)
        {
            Assert.Equal(run.Report.RowsOf(entity.Name), run.Batches.Where(b => b.Target.Entity == entity).Sum(b => (long)b.Count));
            // smaller batches cut the same rows differently
            Assert.True(RowsEqual(_run[entity.Name].Rows, run[entity.Name].Rows), $"{entity.Name} rows differ with smaller batches");
        }
    }

    private static bool RowsEqual(List<object?[]> a, List<object?[]> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.SequenceEqual(p.Second));

    [Fact]
    public void Every_value_has_the_type_of_its_field()
    {
        foreach (var batch in _run.Batches)
            foreach (var row in batch.Rows)
            {
                Assert.Equal(batch.Target.Fields.Count, row.Length);
                for (var i = 0; i < row.Length; i++)
                {
                    var field = batch.Target.Fields[i];
                    if (row[i] is { } value)
                        Assert.True(value.GetType() == field.ClrType, $"{batch.Target.Entity.Name}.{field.Name}: {value.GetType().Name}, expected {field.ClrType.Name}");
                    else
                        Assert.False(field.IsKey, $"{batch.Target.Entity.Name}.{field.Name} is a key and null");
                    if (row[i] is DateTimeOffset t) Assert.Equal(TimeSpan.Zero, t.Offset);
                }
            }
    }

    [Fact]
    public void Keys_are_unique_in_every_entity()
    {
        foreach (var table in _run.Tables.Values)
        {
            var positions = table.Entity.Keys.Select(k => table.Entity.Fields.ToList().IndexOf(k)).ToArray();
            var keys = table.Rows.Select(r => string.Join("\u001f", positions.Select(p => r[p]))).ToList();
            Assert.True(keys.Count == keys.Distinct().Count(), $"{table.Entity.Name} has duplicate keys");
        }
    }

    [Fact]
    public void Every_entity_has_rows()
    {
        Assert.All(ShopModel.Entities, e => Assert.True(_run.Report.RowsOf(e.Name) > 0, $"no {e.Name}"));
    }

    [Fact]
    public void Volumes_follow_the_scale()
    {
        var twice = DemoRun.Generate(scale: 0.1).Report;

        foreach (var entity in new[] { "account", "product", "order", "order_line", "session" })
        {
            var ratio = (double)twice.RowsOf(entity) / _run.Report.RowsOf(entity);
            Assert.True(ratio is > 1.7 and < 2.3, $"{entity}: {ratio:F2} times the rows at twice the scale");
        }
    }

    [Fact]
    public void Nothing_happens_outside_the_history()
    {
        var start = new DateTimeOffset(DemoRun.End.AddYears(-2).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(1)).AddHours(-1);
        var end = new DateTimeOffset(DemoRun.End.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(1));
        foreach (var (entity, field) in new[]
                 {
                     ("order", "placed_at"), ("session", "started_at"), ("payment_attempt", "attempted_at"), ("shipment", "shipped_at"),
                     ("shipment", "delivered_at"), ("return", "returned_at"), ("support_ticket", "created_at"),
                     ("support_ticket", "resolved_at"), ("review", "answered_at"),
                 })
        {
            var table = _run[entity];
            foreach (var row in table.Rows)
                if (table.Raw(row, field) is DateTimeOffset t)
                    Assert.True(t >= start && t < end, $"{entity}.{field} {t:O} outside the history");
        }
    }

    [Fact]
    public void The_catalogue_alone_is_the_catalogue_of_the_history()
    {
        var catalog = DemoDataGenerator.Catalog(_run.Options);
        var products = _run["product"];

        Assert.Equal(products.Rows.Select(r => (products.Get<string>(r, "sku"), products.Get<decimal>(r, "list_price"))),
            catalog.Products.Select(p => (p.Sku, p.ListPrice)));
        Assert.Equal(_run["stock"].Count, catalog.Products.Sum(p => p.Stock.Count));
        Assert.Equal(catalog.Products.Select(p => p.Name), DemoDataGenerator.Catalog(_run.Options).Products.Select(p => p.Name));
    }
}
