using Monitoring.Shop.Mapping;

namespace Monitoring.Tests.Shop.Mapping;

/// <summary>The mapping language, one table of expressions and what they give over one row of a French ERP export.</summary>
public sealed class ExpressionTests
{
    private static readonly ValueFormat French = new(',', ' ', ["dd/MM/yyyy HH:mm", "dd/MM/yyyy"], TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));

    private static readonly TextRow Row = new(
    [
        ("Quantity", "-2"), ("Unit Price", "1 234,50"), ("Name", " Widget "), ("Placed", "05/03/2024 14:00"), ("Empty", ""),
        ("Flag", "yes"), ("Code", "abc"), ("Sku", "AB-123-X"), ("Rate", "0.5"), ("Ten", "10"), ("Nine", "9"),
    ]) { Line = 7, FileName = "invoices-2024-03.csv" };

    public static TheoryData<string, string> Expressions => new()
    {
        { "Quantity", "'-2'" },
        { "[Unit Price]", "'1 234,50'" },
        { "'erp'", "'erp'" },
        { "'it''s'", "'it's'" },
        { "1.5", "1.5" },
        { "true", "true" },
        { "null", "null" },
        { "Empty", "null" },
        { "Quantity * [Unit Price]", "-2469.00" },
        { "1 + 2 * 3", "7" },
        { "(1 + 2) * 3", "9" },
        { "-Quantity", "2" },
        { "10 / 4", "2.5" },
        { "Empty + 1", "null" },
        { "Quantity < 0", "true" },
        { "Quantity >= 0", "false" },
        { "Ten > Nine", "false" },
        { "number(Ten) > number(Nine)", "true" },
        { "Ten > 9", "true" },
        { "Code = 'abc'", "true" },
        { "Code <> 'abc'", "false" },
        { "Empty = null", "true" },
        { "Code != null", "true" },
        { "Empty < 1", "null" },
        { "Quantity < 0 and Code = 'abc'", "true" },
        { "Quantity > 0 or Flag", "true" },
        { "not Flag", "false" },
        { "not Empty", "true" },
        { "if(Quantity < 0, 'return', 'sale')", "'return'" },
        { "if(Empty > 0, 'x')", "null" },
        { "coalesce(Empty, Code)", "'abc'" },
        { "coalesce(Empty, null)", "null" },
        { "nullif(Code, 'abc')", "null" },
        { "nullif(Ten, 10)", "null" },
        { "nullif(Ten, 11)", "'10'" },
        { "abs(Quantity)", "2" },
        { "round([Unit Price] / 3, 2)", "411.50" },
        { "round(2.5)", "3" },
        { "number(Rate, '.')", "0.5" },
        { "number('1,25')", "1.25" },
        { "date(Placed)", "2024-03-05T13:00:00.0000000Z" },
        { "date('2024-03-05', 'yyyy-MM-dd')", "2024-03-04T23:00:00.0000000Z" },
        { "date('2024-07-01T10:00:00Z')", "2024-07-01T10:00:00.0000000Z" },
        { "date(Placed) > date('2024-01-01')", "true" },
        { "concat(Code, '-', Empty, Quantity)", "'abc--2'" },
        { "upper(Code)", "'ABC'" },
        { "lower('ABC')", "'abc'" },
        { "trim(Name)", "'Widget'" },
        { "replace(Sku, '-', '')", "'AB123X'" },
        { "starts_with(Sku, 'AB')", "true" },
        { "ends_with(Sku, 'Y')", "false" },
        { "contains(Sku, '123')", "true" },
        { "contains(Empty, '1')", "false" },
        { "substring(Sku, 4, 3)", "'123'" },
        { "substring(Sku, 4)", "'123-X'" },
        { "left(Sku, 2)", "'AB'" },
        { "right(Sku, 1)", "'X'" },
        { "split_part(Sku, '-', 2)", "'123'" },
        { "split_part(Sku, '-', 9)", "null" },
        { "text(1.50)", "'1.50'" },
        { "line()", "7" },
        { "file()", "'invoices-2024-03.csv'" },
        { "concat(file(), ':', line())", "'invoices-2024-03.csv:7'" },
        { "IF(true, 1, 2)", "1" },
    };

    [Theory]
    [MemberData(nameof(Expressions))]
    public void Evaluates_an_expression_over_a_row(string expression, string expected) =>
        Assert.Equal(expected, Row.Evaluate(expression, French));

    public static TheoryData<string, string> Failures => new()
    {
        { "Code * 2", "error: 'abc' in column Code is not a number" },
        { "abs(Name)", "error: ' Widget ' in column Name is not a number" },
        { "date(Code)", "error: 'abc' in column Code is not a date (expected dd/MM/yyyy HH:mm or dd/MM/yyyy or ISO 8601)" },
        { "date(Placed, 'yyyy-MM-dd')", "error: '05/03/2024 14:00' in column Placed is not a date (expected yyyy-MM-dd)" },
        { "if(Code, 1, 2)", "error: 'abc' in column Code is not a boolean (write true/false, yes/no, y/n or 1/0)" },
        { "1 / (Ten - 10)", "error: division of 1 by zero" },
        { "number(Rate)", "error: '0.5' in column Rate is not a number" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Fails_with_a_reason_naming_the_column_and_value(string expression, string expected) =>
        Assert.Equal(expected, Row.Evaluate(expression, French));

    public static TheoryData<string, string> ParseErrors => new()
    {
        { "dat(Placed)", "unknown function 'dat' (did you mean 'date'?)" },
        { "round(1, 2, 3)", "round(): takes 1 to 2 arguments, found 3 (usage: round(x) or round(x, digits): half away from zero)" },
        { "number(Rate, Ten)", "number(): the decimal separator must be a constant in quotes, like ','" },
        { "number(Rate, ',,')", "number(): the decimal separator must be one character, like ','" },
        { "date(Placed, Code)", "date(): the date format must be a constant in quotes, like 'dd/MM/yyyy'" },
        { "(1 + 2", "missing ')' at the end (at character 7 of '(1 + 2')" },
        { "1 +", "the expression ends where a value is expected (at character 4 of '1 +')" },
        { "'open", "unclosed string (missing ') (at character 1 of ''open')" },
        { "[Unit Price", "unclosed column name (missing ]) (at character 1 of '[Unit Price')" },
        { "Quantity Price", "unexpected 'Price' after a complete expression (at character 10 of 'Quantity Price')" },
        { "a ; b", "unexpected character ';' (at character 3 of 'a ; b')" },
        { "", "the expression is empty" },
        { "line(1)", "line(): takes 0 arguments, found 1 (usage: line(): the row's 1-based line in the file)" },
    };

    [Theory]
    [MemberData(nameof(ParseErrors))]
    public void Reports_what_is_wrong_with_an_expression(string expression, string expected)
    {
        Assert.Null(ExpressionParser.TryParse(expression, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Lists_the_columns_an_expression_reads()
    {
        var expr = ExpressionParser.Parse("if(Quantity < 0, [Unit Price] * -1, coalesce(Price, 0))");

        Assert.Equal(["Quantity", "Unit Price", "Price"], expr.Columns());
    }
}
