namespace Monitoring.Shop.Sources;

/// <summary>What a source needs from the service to open its readers.</summary>
/// <param name="Watermarks">Where incremental sources keep how far they have read.</param>
/// <param name="Time">The clock.</param>
/// <param name="BaseDirectory">What relative file paths are relative to (the working directory).</param>
public sealed record SourceContext(IWatermarkStore Watermarks, TimeProvider Time, string BaseDirectory);
