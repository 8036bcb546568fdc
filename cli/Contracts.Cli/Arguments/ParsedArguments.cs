using System;
using System.Collections.Generic;

namespace Contracts.Cli.Arguments;

/// <summary>
/// A command's arguments split by hand: <c>--name value</c>, <c>--name=value</c>, <c>-o value</c>, flags, and
/// positionals (everything after <c>--</c> is positional). Unknown options are usage errors, and so are repeated ones
/// unless the option is <see cref="OptionSpec.Repeatable"/>.
/// </summary>
internal sealed class ParsedArguments
{
    private readonly Dictionary<string, List<string?>> _options = new(StringComparer.Ordinal);

    private ParsedArguments()
    {
    }

    public List<string> Positionals { get; } = new();

    /// <summary>Whether <c>-h</c>/<c>--help</c> was given (checked before anything else is validated).</summary>
    public bool HelpRequested { get; private set; }

    public bool Has(string name) => _options.ContainsKey(name);

    public string? Value(string name) => _options.TryGetValue(name, out var values) ? values[0] : null;

    /// <summary>Every value of a repeatable option, in command-line order (empty when it is not given).</summary>
    public IReadOnlyList<string> Values(string name)
    {
        var values = new List<string>();
        if (_options.TryGetValue(name, out var given))
        {
            foreach (var value in given)
            {
                values.Add(value!);
            }
        }

        return values;
    }

    /// <summary>Parses <paramref name="args"/> against <paramref name="options"/>; <paramref name="usage"/> goes with any error.</summary>
    public static ParsedArguments Parse(IReadOnlyList<string> args, IReadOnlyCollection<OptionSpec> options, string usage)
    {
        var parsed = new ParsedArguments();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                for (i++; i < args.Count; i++)
                {
                    parsed.Positionals.Add(args[i]);
                }

                break;
            }

            if (arg is "-h" or "--help")
            {
                parsed.HelpRequested = true;
                continue;
            }

            if (arg.Length < 2 || arg[0] != '-')
            {
                parsed.Positionals.Add(arg);
                continue;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? arg.Substring(0, equals) : arg;
            var option = Find(options, name) ?? throw new UsageException($"unknown option '{name}'", usage);
            string? value = null;
            if (option.TakesValue)
            {
                if (equals > 0)
                {
                    value = arg.Substring(equals + 1);
                }
                else if (i + 1 < args.Count)
                {
                    value = args[++i];
                }
                else
                {
                    throw new UsageException($"option '{option.Name}' needs a value", usage);
                }

                if (value.Length == 0)
                {
                    throw new UsageException($"option '{option.Name}' needs a non-empty value", usage);
                }
            }
            else if (equals > 0)
            {
                throw new UsageException($"option '{option.Name}' takes no value", usage);
            }

            if (!parsed._options.TryGetValue(option.Name, out var values))
            {
                parsed._options.Add(option.Name, [value]);
            }
            else if (option.Repeatable)
            {
                values.Add(value);
            }
            else
            {
                throw new UsageException($"option '{option.Name}' is given more than once", usage);
            }
        }

        return parsed;
    }

    private static OptionSpec? Find(IReadOnlyCollection<OptionSpec> options, string name)
    {
        foreach (var option in options)
        {
            if (option.Name == name || option.Alias == name)
            {
                return option;
            }
        }

        return null;
    }
}

/// <summary>An option a command accepts: its long name, an optional short alias, whether a value follows, and whether it may be given more than once.</summary>
internal sealed record OptionSpec(string Name, bool TakesValue, string? Alias = null, bool Repeatable = false);
