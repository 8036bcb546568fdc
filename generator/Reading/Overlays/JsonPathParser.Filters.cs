using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Contracts.Generator.Reading.Overlays;

/// <summary>
/// Filter selectors (<c>[?…]</c>): logical expressions, comparisons, queries, literals and function calls, checked to
/// be well-typed as RFC 9535 section 2.4.3 requires; an ill-typed filter is a syntax error at the offending part.
/// </summary>
internal sealed partial class JsonPathParser
{
    private JsonPathSelector ParseFilterSelector()
    {
        Enter();
        SkipBlanks();
        var expression = ToLogical(ParseOr());
        Leave();
        return new JsonPathFilterSelector(expression);
    }

    /// <summary><c>logical-or-expr = logical-and-expr *(S "||" S logical-and-expr)</c>; a lone operand comes back as it is.</summary>
    private JsonPathExpression ParseOr()
    {
        var first = ParseAnd();
        List<JsonPathExpression>? operands = null;
        while (TryTakeOperator("||"))
        {
            operands ??= new List<JsonPathExpression> { ToLogical(first) };
            operands.Add(ToLogical(ParseAnd()));
        }

        return operands is null ? first : new JsonPathOrExpression(operands.ToArray()) { Offset = first.Offset };
    }

    private JsonPathExpression ParseAnd()
    {
        var first = ParseBasic();
        List<JsonPathExpression>? operands = null;
        while (TryTakeOperator("&&"))
        {
            operands ??= new List<JsonPathExpression> { ToLogical(first) };
            operands.Add(ToLogical(ParseBasic()));
        }

        return operands is null ? first : new JsonPathAndExpression(operands.ToArray()) { Offset = first.Offset };
    }

    /// <summary>Whitespace, <paramref name="op"/> and whitespace; nothing is taken when <paramref name="op"/> does not follow.</summary>
    private bool TryTakeOperator(string op)
    {
        var start = _position;
        SkipBlanks();
        if (string.CompareOrdinal(_text, _position, op, 0, op.Length) == 0)
        {
            _position += op.Length;
            SkipBlanks();
            return true;
        }

        _position = start;
        return false;
    }

    /// <summary><c>basic-expr = paren-expr / comparison-expr / test-expr</c>; a lone comparable is returned for the caller to judge.</summary>
    private JsonPathExpression ParseBasic()
    {
        var start = _position;
        if (TryTake('!'))
        {
            Enter();
            SkipBlanks();
            JsonPathExpression operand;
            if (Current == '(')
            {
                operand = ParseParenthesized();
            }
            else
            {
                var primary = ParsePrimary();
                if (primary is JsonPathLiteral)
                {
                    throw Error("'!' applies to a query, a function or parentheses, not to a literal", primary.Offset);
                }

                operand = ToLogical(primary);
            }

            Leave();
            return new JsonPathNotExpression(operand) { Offset = start };
        }

        if (Current == '(')
        {
            return ParseParenthesized();
        }

        var left = ParsePrimary();
        var afterLeft = _position;
        SkipBlanks();
        if (TryTakeComparison(out var op))
        {
            SkipBlanks();
            var right = ParsePrimary();
            CheckComparable(left);
            CheckComparable(right);
            return new JsonPathComparison(left, op, right);
        }

        _position = afterLeft;
        return left;
    }

    private JsonPathExpression ParseParenthesized()
    {
        Enter();
        Take('(');
        SkipBlanks();
        var inner = ToLogical(ParseOr());
        SkipBlanks();
        Take(')');
        Leave();
        return inner;
    }

    private bool TryTakeComparison(out JsonPathComparisonOperator op)
    {
        var next = _position + 1 < _text.Length ? _text[_position + 1] : '\0';
        (op, var length) = (Current, next) switch
        {
            ('=', '=') => (JsonPathComparisonOperator.Equal, 2),
            ('!', '=') => (JsonPathComparisonOperator.NotEqual, 2),
            ('<', '=') => (JsonPathComparisonOperator.LessOrEqual, 2),
            ('>', '=') => (JsonPathComparisonOperator.GreaterOrEqual, 2),
            ('<', _) => (JsonPathComparisonOperator.Less, 1),
            ('>', _) => (JsonPathComparisonOperator.Greater, 1),
            _ => (JsonPathComparisonOperator.Equal, 0),
        };
        _position += length;
        return length > 0;
    }

    /// <summary>A query (<c>@…</c>, <c>$…</c>), a literal or a function call.</summary>
    private JsonPathExpression ParsePrimary()
    {
        var start = _position;
        switch (Current)
        {
            case '@':
            case '$':
                var isRelative = Current == '@';
                _position++;
                return new JsonPathFilterQuery(isRelative, ParseSegments()) { Offset = start };
            case '\'':
            case '"':
                return new JsonPathLiteral(JsonPathValue.FromString(ParseStringLiteral())) { Offset = start };
            case '-':
            case >= '0' and <= '9':
                return new JsonPathLiteral(ParseNumber()) { Offset = start };
            case >= 'a' and <= 'z':
                return ParseNameOrKeyword();
            default:
                throw Error(AtEnd ? "an expression is expected at the end" : "a query, a literal or a function call is expected, not " + Describe());
        }
    }

    /// <summary><c>number = (int / "-0") [frac] [exp]</c>; any size (numbers in filters are not indexes).</summary>
    private JsonPathValue ParseNumber()
    {
        var start = _position;
        TryTake('-');
        if (Current == '0')
        {
            _position++;
            if (IsDigit(Current))
            {
                throw Error("a number does not start with 0", start);
            }
        }
        else if (!TakeDigits())
        {
            throw Error("a digit is expected");
        }

        if (TryTake('.') && !TakeDigits())
        {
            throw Error("a digit is expected after '.'");
        }

        if (Current is 'e' or 'E')
        {
            _position++;
            if (Current is '-' or '+')
            {
                _position++;
            }

            if (!TakeDigits())
            {
                throw Error("a digit is expected in the exponent");
            }
        }

        return JsonPathValue.FromNumberText(_text.Substring(start, _position - start));
    }

    private bool TakeDigits()
    {
        var start = _position;
        while (IsDigit(Current))
        {
            _position++;
        }

        return _position > start;
    }

    /// <summary><c>true</c>, <c>false</c>, <c>null</c>, or <c>name(arguments)</c>.</summary>
    private JsonPathExpression ParseNameOrKeyword()
    {
        var start = _position;
        while (Current is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_')
        {
            _position++;
        }

        var name = _text.Substring(start, _position - start);
        if (Current != '(')
        {
            return name switch
            {
                "true" => new JsonPathLiteral(JsonPathValue.True) { Offset = start },
                "false" => new JsonPathLiteral(JsonPathValue.False) { Offset = start },
                "null" => new JsonPathLiteral(JsonPathValue.Null) { Offset = start },
                _ => throw Error("'" + name + "' is not a literal; a function call needs '(' right after its name", start),
            };
        }

        if (JsonPathFunctionCall.ResultType(name) is null)
        {
            throw Error("'" + name + "' is not a function (length, count, match, search and value are)", start);
        }

        Enter();
        _position++;
        SkipBlanks();
        var arguments = new List<JsonPathExpression>();
        if (Current != ')')
        {
            arguments.Add(ParseOr());
            while (TryTakeOperator(","))
            {
                arguments.Add(ParseOr());
            }
        }

        SkipBlanks();
        Take(')');
        Leave();
        return CheckCall(name, start, arguments);
    }

    /// <summary>The arguments' count and types against the function's parameters (RFC 9535, 2.4.3).</summary>
    private JsonPathFunctionCall CheckCall(string name, int start, List<JsonPathExpression> arguments)
    {
        var parameters = JsonPathFunctionCall.ParameterTypes(name);
        if (arguments.Count != parameters.Length)
        {
            throw Error(name + "() takes " + parameters.Length.ToString(CultureInfo.InvariantCulture) + " argument"
                + (parameters.Length == 1 ? "" : "s") + ", not " + arguments.Count.ToString(CultureInfo.InvariantCulture), start);
        }

        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            var fits = parameters[i] switch
            {
                JsonPathType.Value => argument is JsonPathLiteral || argument.IsSingularQuery || argument is JsonPathFunctionCall { Type: JsonPathType.Value },
                JsonPathType.Nodes => argument is JsonPathFilterQuery || argument is JsonPathFunctionCall { Type: JsonPathType.Nodes },
                _ => argument.Type is JsonPathType.Logical or JsonPathType.Nodes,
            };
            if (!fits)
            {
                throw Error("argument " + (i + 1).ToString(CultureInfo.InvariantCulture) + " of " + name + "() must be " + parameters[i] switch
                {
                    JsonPathType.Value => "a value: a literal, a singular query or a function returning a value",
                    JsonPathType.Nodes => "a query",
                    _ => "a logical expression",
                }, argument.Offset);
            }
        }

        Regex? pattern = null;
        if (name is "match" or "search" && arguments[1] is JsonPathLiteral { Value.Kind: JsonPathValueKind.String } literal)
        {
            pattern = JsonPathRegex.TryCreate(literal.Value.String, anchored: name == "match", out var error);
            if (pattern is null)
            {
                throw Error("the pattern is not a supported I-Regexp (RFC 9485): " + error, literal.Offset);
            }
        }

        return new JsonPathFunctionCall(name, arguments.ToArray(), pattern) { Offset = start };
    }

    /// <summary>An operand of <c>&amp;&amp;</c>, <c>||</c>, <c>!</c> or a filter: logical as it is, a nodelist tested for existence.</summary>
    private JsonPathExpression ToLogical(JsonPathExpression expression) => expression.Type switch
    {
        JsonPathType.Logical => expression,
        JsonPathType.Nodes => new JsonPathExistenceTest(expression),
        _ => throw Error(expression is JsonPathLiteral
            ? "a literal is not a test; compare it with something"
            : "a function returning a value is not a test; compare its result", expression.Offset),
    };

    /// <summary>The sides of a comparison: literals, singular queries and functions returning values (RFC 9535, 2.3.5.1).</summary>
    private void CheckComparable(JsonPathExpression expression)
    {
        if (expression is JsonPathLiteral || expression.IsSingularQuery || expression is JsonPathFunctionCall { Type: JsonPathType.Value })
        {
            return;
        }

        throw Error(expression is JsonPathFilterQuery
            ? "a query compared must be singular (names and indexes only)"
            : "the result of this function cannot be compared", expression.Offset);
    }
}
