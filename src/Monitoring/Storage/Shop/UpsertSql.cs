using Monitoring.Shop.Import;

namespace Monitoring.Storage.Shop;

/// <summary>
/// The upsert both backends share: insert, or update the mapped fields when one of them differs, and return the
/// row's revision (1 when just inserted). A row whose fields are all equal is not touched and not returned, which is
/// what makes a second import of the same data change nothing.
/// </summary>
internal static class UpsertSql
{
    /// <param name="target">The entity and the fields the source maps (only these are written).</param>
    /// <param name="values">The SQL that gives the new values: <c>VALUES (…)</c> or <c>SELECT … FROM stage</c>.</param>
    /// <param name="distinct">How the backend says "differs, nulls included": <c>IS NOT</c> or <c>IS DISTINCT FROM</c>.</param>
    public static string For(EntityTarget target, string values, string distinct)
    {
        var table = target.Entity.Table;
        var columns = string.Join(", ", target.Fields.Select(f => f.Name));
        var keys = string.Join(", ", target.Entity.Keys.Select(f => f.Name));
        var updatable = target.Fields.Where(f => !f.IsKey).ToArray();
        var action = updatable.Length == 0
            ? "DO NOTHING"
            : "DO UPDATE SET " +
              string.Join(", ", updatable.Select(f => $"{f.Name} = excluded.{f.Name}")) +
              $", revision = {table}.revision + 1, changed_at = excluded.changed_at WHERE " +
              string.Join(" OR ", updatable.Select(f => $"{table}.{f.Name} {distinct} excluded.{f.Name}"));
        return $"INSERT INTO {table} ({columns}, changed_at) {values} ON CONFLICT ({keys}) {action} RETURNING revision";
    }
}
