namespace Monitoring.Shop.Mapping;

/// <summary>A compiled expression: the value of one row. Compiled once per file, called once per row.</summary>
public delegate Value Evaluator(RowView row);

/// <summary>A function of the mapping language: its snake_case name, how many arguments it takes, and how it compiles.</summary>
/// <param name="Name">The name as written in expressions.</param>
/// <param name="MinArguments">The fewest arguments it takes.</param>
/// <param name="MaxArguments">The most arguments it takes; <see cref="int.MaxValue"/> for any number.</param>
/// <param name="Usage">One line for the documentation and error messages.</param>
/// <param name="Compile">Builds the evaluator from the call and its compiled arguments.</param>
/// <param name="Validate">Checks what the parser can check of the call (literal arguments), returning a problem or null.</param>
public sealed record Function(
    string Name, int MinArguments, int MaxArguments, string Usage,
    Func<CallExpr, Evaluator[], ValueFormat, Evaluator> Compile,
    Func<CallExpr, string?>? Validate = null)
{
    /// <summary>The problem with a call of this function, or null.</summary>
    public string? Check(CallExpr call)
    {
        var count = call.Arguments.Count;
        if (count < MinArguments || count > MaxArguments)
        {
            var expected = MinArguments == MaxArguments ? $"{MinArguments}"
                : MaxArguments == int.MaxValue ? $"at least {MinArguments}" : $"{MinArguments} to {MaxArguments}";
            return $"takes {expected} argument{(expected == "1" ? "" : "s")}, found {count} (usage: {Usage})";
        }
        return Validate?.Invoke(call);
    }

    /// <summary>A problem when argument <paramref name="index"/> is present but not a text constant.</summary>
    public static string? RequireTextLiteral(CallExpr call, int index, string what) =>
        call.Arguments.Count > index && call.Arguments[index] is not LiteralExpr { Value.Kind: ValueKind.Text }
            ? $"the {what} must be a constant in quotes, like '{(what.Contains("separator") ? "," : "dd/MM/yyyy")}'"
            : null;
}
