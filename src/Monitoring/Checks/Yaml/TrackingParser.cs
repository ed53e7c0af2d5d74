using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Monitoring.Checks.Yaml;

/// <summary>
/// A YAML parser that remembers where the last event it produced ended. YamlDotNet reports most syntax errors as a
/// <see cref="YamlException"/> with a position, but a file that ends inside an unclosed flow collection (a '[' or '{'
/// whose closing bracket a comment swallowed) fails with a bare <see cref="InvalidOperationException"/>: the last
/// position read is then the best line to show.
/// </summary>
internal sealed class TrackingParser(IParser inner) : IParser
{
    /// <summary>The 1-based line where the last event read ended; 1 before any.</summary>
    public int LastLine { get; private set; } = 1;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        var moved = inner.MoveNext();
        if (moved && inner.Current is { } current) LastLine = (int)Math.Max(1, current.End.Line);
        return moved;
    }
}
