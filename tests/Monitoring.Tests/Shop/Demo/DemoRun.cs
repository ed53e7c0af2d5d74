using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Monitoring.Shop.Demo;
using Monitoring.Shop.Import;
using Monitoring.Shop.Model;

namespace Monitoring.Tests.Shop.Demo;

/// <summary>One generation kept in memory: its batches, its rows per entity, its report and a hash of everything.</summary>
public sealed class DemoRun
{
    public static readonly DateOnly End = new(2026, 11, 30);

    private DemoRun(DemoDataOptions options, List<EntityBatch> batches, DemoDataReport report)
    {
        Options = options;
        Batches = batches;
        Report = report;
        Tables = ShopModel.Entities.ToDictionary(e => e.Name, e => new Table(e, batches.Where(b => b.Target.Entity == e).SelectMany(b => b.Rows).ToList()));
    }

    public DemoDataOptions Options { get; }
    public IReadOnlyList<EntityBatch> Batches { get; }
    public DemoDataReport Report { get; }
    public IReadOnlyDictionary<string, Table> Tables { get; }

    public Table this[string entity] => Tables[entity];

    public static DemoRun Generate(double scale = 0.05, int seed = 42, int batchSize = 20_000) =>
        Generate(new DemoDataOptions { End = End, Scale = scale, Seed = seed, BatchSize = batchSize });

    public static DemoRun Generate(DemoDataOptions options)
    {
        var batches = new List<EntityBatch>();
        var report = new DemoDataGenerator().GenerateAsync(options, (b, _) => { batches.Add(b); return Task.CompletedTask; }, CancellationToken.None)
            .GetAwaiter().GetResult();
        return new DemoRun(options, batches, report);
    }

    /// <summary>SHA-256 over every batch in order: entity, then each value with its type.</summary>
    public string Hash()
    {
        using var sha = SHA256.Create();
        var sb = new StringBuilder();
        foreach (var batch in Batches)
        {
            sb.Clear().Append(batch.Target.Entity.Name).Append('\n');
            foreach (var row in batch.Rows)
            {
                foreach (var value in row)
                    sb.Append(value?.GetType().Name).Append(':').Append(Convert.ToString(value, CultureInfo.InvariantCulture)).Append('|');
                sb.Append('\n');
            }
            var bytes = Encoding.UTF8.GetBytes(sb.ToString());
            sha.TransformBlock(bytes, 0, bytes.Length, null, 0);
        }
        sha.TransformFinalBlock([], 0, 0);
        return Convert.ToHexString(sha.Hash!);
    }

    /// <summary>The rows of one entity, read by field name.</summary>
    public sealed class Table(ShopEntity entity, List<object?[]> rows)
    {
        public ShopEntity Entity { get; } = entity;
        public List<object?[]> Rows { get; } = rows;
        public int Count => Rows.Count;

        public T Get<T>(object?[] row, string field) => (T)row[Index(field)]!;

        public T? Maybe<T>(object?[] row, string field) where T : class => (T?)row[Index(field)];

        public object? Raw(object?[] row, string field) => row[Index(field)];

        private int Index(string field) => Entity.Fields.ToList().FindIndex(f => f.Name == field) is var i and >= 0
            ? i : throw new ArgumentException($"{Entity.Name} has no field {field}");
    }
}

/// <summary>The shared small generation (scale 0.05) most tests read.</summary>
public sealed class SmallDemoRun
{
    public DemoRun Run { get; } = DemoRun.Generate();
}
