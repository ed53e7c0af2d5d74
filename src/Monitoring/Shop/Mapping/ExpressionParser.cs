using Monitoring.Checks;

namespace Monitoring.Shop.Mapping;

/// <summary>
/// Parses a mapping expression. Precedence from loosest: <c>or</c>, <c>and</c>, <c>not</c>, comparisons, <c>+ -</c>,
/// <c>* /</c>, unary minus. Function names and their argument counts are checked here, at load time.
/// </summary>
public static class ExpressionParser
{
    /// <summary>The expression, or null with a message that says what and where.</summary>
    public static Expr? TryParse(string text, out string? error)
    {
        try
        {
            error = null;
            return Parse(text);
        }
        catch (ExpressionException e)
        {
            error = e.Position > 0 ? $"{e.Message} (at character {e.Position} of '{text}')" : e.Message;
            return null;
        }
    }

    public static Expr Parse(string text)
    {
        var state = new State(Lexer.Tokenize(text));
        if (state.Peek.Kind == TokenKind.End) throw new ExpressionException("the expression is empty");
        var expr = state.Or();
        if (state.Peek.Kind != TokenKind.End)
            throw new ExpressionException($"unexpected '{state.Peek.Text}' after a complete expression", state.Peek.Position);
        return expr;
    }

    private sealed class State(List<Token> tokens)
    {
        private int _next;

        public Token Peek => tokens[_next];

        public Expr Or()
        {
            var left = And();
            while (IsKeyword(Peek, "or")) left = new BinaryExpr("or", left, Take(And), left.Position);
            return left;
        }

        private Expr And()
        {
            var left = Not();
            while (IsKeyword(Peek, "and")) left = new BinaryExpr("and", left, Take(Not), left.Position);
            return left;
        }

        private Expr Not()
        {
            if (!IsKeyword(Peek, "not")) return Comparison();
            var position = Peek.Position;
            return new UnaryExpr("not", Take(Not), position);
        }

        private Expr Comparison()
        {
            var left = Additive();
            if (Peek is { Kind: TokenKind.Symbol, Text: "=" or "!=" or "<" or "<=" or ">" or ">=" } op)
                return new BinaryExpr(op.Text, left, Take(Additive), left.Position);
            return left;
        }

        private Expr Additive()
        {
            var left = Multiplicative();
            while (Peek is { Kind: TokenKind.Symbol, Text: "+" or "-" } op) left = new BinaryExpr(op.Text, left, Take(Multiplicative), left.Position);
            return left;
        }

        private Expr Multiplicative()
        {
            var left = Unary();
            while (Peek is { Kind: TokenKind.Symbol, Text: "*" or "/" } op) left = new BinaryExpr(op.Text, left, Take(Unary), left.Position);
            return left;
        }

        private Expr Unary()
        {
            if (Peek is not { Kind: TokenKind.Symbol, Text: "-" } minus) return Primary();
            return new UnaryExpr("-", Take(Unary), minus.Position);
        }

        private Expr Primary()
        {
            var token = tokens[_next++];
            switch (token.Kind)
            {
                case TokenKind.Number: return new LiteralExpr(Value.FromNumber(token.Number), token.Position);
                case TokenKind.String: return new LiteralExpr(Value.FromText(token.Text), token.Position);
                case TokenKind.Column: return new ColumnExpr(token.Text, token.Position);
                case TokenKind.Symbol when token.Text == "(":
                    var inner = Or();
                    Expect(")");
                    return inner;
                case TokenKind.Identifier when Peek is { Kind: TokenKind.Symbol, Text: "(" }:
                    return Call(token);
                case TokenKind.Identifier when IsKeyword(token, "true"): return new LiteralExpr(Value.True, token.Position);
                case TokenKind.Identifier when IsKeyword(token, "false"): return new LiteralExpr(Value.False, token.Position);
                case TokenKind.Identifier when IsKeyword(token, "null"): return new LiteralExpr(Value.Null, token.Position);
                case TokenKind.Identifier when !IsKeyword(token, "and") && !IsKeyword(token, "or") && !IsKeyword(token, "not"):
                    return new ColumnExpr(token.Text, token.Position);
                case TokenKind.End: throw new ExpressionException("the expression ends where a value is expected", token.Position);
                default: throw new ExpressionException($"expected a value, found '{token.Text}'", token.Position);
            }
        }

        private Expr Call(Token name)
        {
            var function = Functions.Find(name.Text);
            if (function is null)
            {
                var suggestion = Suggestions.Closest(name.Text, Functions.Names);
                throw new ExpressionException($"unknown function '{name.Text}'" +
                    (suggestion is null ? $" (known: {string.Join(", ", Functions.Names)})" : $" (did you mean '{suggestion}'?)"));
            }
            _next++;
            var arguments = new List<Expr>();
            if (Peek is not { Kind: TokenKind.Symbol, Text: ")" })
            {
                arguments.Add(Or());
                while (Peek is { Kind: TokenKind.Symbol, Text: "," })
                {
                    _next++;
                    arguments.Add(Or());
                }
            }
            Expect(")");
            var call = new CallExpr(function.Name, arguments, name.Position);
            if (function.Check(call) is { } problem) throw new ExpressionException($"{function.Name}(): {problem}");
            return call;
        }

        private Expr Take(Func<Expr> next)
        {
            _next++;
            return next();
        }

        private void Expect(string symbol)
        {
            var token = tokens[_next];
            if (token is { Kind: TokenKind.Symbol } && token.Text == symbol)
            {
                _next++;
                return;
            }
            throw new ExpressionException(token.Kind == TokenKind.End
                ? $"missing '{symbol}' at the end"
                : $"expected '{symbol}', found '{token.Text}'", token.Position);
        }

        private static bool IsKeyword(Token token, string keyword) =>
            token.Kind == TokenKind.Identifier && token.Text.Equals(keyword, StringComparison.OrdinalIgnoreCase);
    }
}
