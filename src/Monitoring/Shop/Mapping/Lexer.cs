using System.Globalization;
using System.Text;

namespace Monitoring.Shop.Mapping;

internal enum TokenKind { Number, String, Identifier, Column, Symbol, End }

internal readonly record struct Token(TokenKind Kind, string Text, int Position, decimal Number = 0);

/// <summary>Splits an expression into tokens; a problem is a <see cref="ExpressionException"/> with its position.</summary>
internal static class Lexer
{
    private static readonly string[] Symbols = ["<=", ">=", "!=", "<>", "=", "<", ">", "+", "-", "*", "/", "(", ")", ","];

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i >= text.Length) break;
            var start = i;
            var c = text[i];
            if (char.IsAsciiDigit(c) || c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
            {
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.')) i++;
                var number = text[start..i];
                if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
                    throw new ExpressionException($"'{number}' is not a number", start + 1);
                tokens.Add(new Token(TokenKind.Number, number, start + 1, value));
            }
            else if (c == '\'') tokens.Add(new Token(TokenKind.String, Quoted(text, ref i, '\'', "string"), start + 1));
            else if (c == '[') tokens.Add(new Token(TokenKind.Column, Quoted(text, ref i, ']', "column name"), start + 1));
            else if (char.IsLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_')) i++;
                tokens.Add(new Token(TokenKind.Identifier, text[start..i], start + 1));
            }
            else
            {
                var symbol = Symbols.FirstOrDefault(s => string.CompareOrdinal(text, i, s, 0, s.Length) == 0)
                             ?? throw new ExpressionException($"unexpected character '{c}'", start + 1);
                i += symbol.Length;
                tokens.Add(new Token(TokenKind.Symbol, symbol == "<>" ? "!=" : symbol, start + 1));
            }
        }
        tokens.Add(new Token(TokenKind.End, "", text.Length + 1));
        return tokens;
    }

    /// <summary>Reads <c>'it''s'</c> or <c>[a]]b]</c>: the closing character doubled stands for itself.</summary>
    private static string Quoted(string text, ref int i, char close, string what)
    {
        var start = i++;
        var result = new StringBuilder();
        while (i < text.Length)
        {
            if (text[i] == close)
            {
                if (i + 1 < text.Length && text[i + 1] == close)
                {
                    result.Append(close);
                    i += 2;
                    continue;
                }
                i++;
                return result.ToString();
            }
            result.Append(text[i++]);
        }
        throw new ExpressionException($"unclosed {what} (missing {close})", start + 1);
    }
}

/// <summary>A mapping expression that cannot be parsed or compiled; rare and only at load time, so an exception.</summary>
public sealed class ExpressionException(string message, int position = 0) : Exception(message)
{
    /// <summary>1-based character of the expression where the problem is, or 0.</summary>
    public int Position { get; } = position;
}
