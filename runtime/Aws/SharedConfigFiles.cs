using System;
using System.Collections.Generic;
using System.IO;

namespace Contracts.Runtime.Aws;

/// <summary>
/// The AWS shared <c>config</c> and <c>credentials</c> files, read as the AWS CLI and SDKs read them: <c>config</c>
/// (<c>AWS_CONFIG_FILE</c>, else <c>~/.aws/config</c>) holds <c>[default]</c>, <c>[profile name]</c> and
/// <c>[sso-session name]</c> sections; <c>credentials</c> (<c>AWS_SHARED_CREDENTIALS_FILE</c>, else
/// <c>~/.aws/credentials</c>) holds <c>[name]</c> sections. A profile is the union of its sections in both files;
/// where both set a property, the credentials file wins. A missing file counts as empty.
/// </summary>
/// <remarks>
/// Lines starting with <c>#</c> or <c>;</c> are comments, as is the rest of a line after <c>#</c> or <c>;</c>
/// preceded by whitespace. An indented line continues the property above it (a nested block such as
/// <c>s3 =</c> followed by indented <c>name = value</c> lines is kept as that property's text). Property names
/// are case-insensitive; profile names are not.
/// </remarks>
public sealed class SharedConfigFiles
{
    /// <summary>The variable naming the config file.</summary>
    public const string ConfigFileVariable = "AWS_CONFIG_FILE";

    /// <summary>The variable naming the credentials file.</summary>
    public const string CredentialsFileVariable = "AWS_SHARED_CREDENTIALS_FILE";

    /// <summary>The variable naming the profile to use.</summary>
    public const string ProfileVariable = "AWS_PROFILE";

    /// <summary>The profile used when <c>AWS_PROFILE</c> is not set.</summary>
    public const string DefaultProfileName = "default";

    private static readonly IReadOnlyDictionary<string, string> s_empty = new Dictionary<string, string>();

    private readonly Dictionary<string, Dictionary<string, string>> _profiles;
    private readonly Dictionary<string, Dictionary<string, string>> _ssoSessions;

    private SharedConfigFiles(string configFilePath, string credentialsFilePath, Dictionary<string, Dictionary<string, string>> profiles, Dictionary<string, Dictionary<string, string>> ssoSessions)
    {
        ConfigFilePath = configFilePath;
        CredentialsFilePath = credentialsFilePath;
        _profiles = profiles;
        _ssoSessions = ssoSessions;
    }

    /// <summary>The config file that was read (or looked for).</summary>
    public string ConfigFilePath { get; }

    /// <summary>The credentials file that was read (or looked for).</summary>
    public string CredentialsFilePath { get; }

    /// <summary>The names of the profiles of both files, sorted.</summary>
    public IReadOnlyList<string> ProfileNames
    {
        get
        {
            var names = new List<string>(_profiles.Keys);
            names.Sort(StringComparer.Ordinal);
            return names;
        }
    }

    /// <summary>Reads both files of <paramref name="environment"/> (the process's by default).</summary>
    /// <exception cref="AwsCredentialsException">A file cannot be read or is malformed; the message names the file and the line, never its content.</exception>
    public static SharedConfigFiles Load(AwsEnvironment? environment = null)
    {
        environment ??= AwsEnvironment.Default;
        var configPath = environment.ExpandHome(environment.GetVariable(ConfigFileVariable) ?? Path.Combine("~", ".aws", "config"));
        var credentialsPath = environment.ExpandHome(environment.GetVariable(CredentialsFileVariable) ?? Path.Combine("~", ".aws", "credentials"));

        var profiles = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var ssoSessions = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        if (environment.ReadFile(configPath) is { } config)
        {
            Parse(config, configPath, isConfigFile: true, profiles, ssoSessions);
        }

        // Read second: a property set in both files takes the credentials file's value.
        if (environment.ReadFile(credentialsPath) is { } credentials)
        {
            Parse(credentials, credentialsPath, isConfigFile: false, profiles, ssoSessions);
        }

        return new SharedConfigFiles(configPath, credentialsPath, profiles, ssoSessions);
    }

    /// <summary>The profile to use: <c>AWS_PROFILE</c>, else <c>default</c>.</summary>
    public static string SelectedProfileName(AwsEnvironment? environment = null) =>
        (environment ?? AwsEnvironment.Default).GetVariable(ProfileVariable) ?? DefaultProfileName;

    /// <summary>Whether profile <paramref name="name"/> is in either file.</summary>
    public bool HasProfile(string name) => _profiles.ContainsKey(name ?? throw new ArgumentNullException(nameof(name)));

    /// <summary>The properties of profile <paramref name="name"/> (names lowercase), or an empty map when there is no such profile.</summary>
    public IReadOnlyDictionary<string, string> GetProfile(string name) =>
        _profiles.TryGetValue(name ?? throw new ArgumentNullException(nameof(name)), out var properties) ? properties : s_empty;

    /// <summary>The properties of <c>[sso-session <paramref name="name"/>]</c>, or an empty map when there is none.</summary>
    public IReadOnlyDictionary<string, string> GetSsoSession(string name) =>
        _ssoSessions.TryGetValue(name ?? throw new ArgumentNullException(nameof(name)), out var properties) ? properties : s_empty;

    /// <summary>Property <paramref name="property"/> of profile <paramref name="profileName"/>, or null.</summary>
    public string? GetValue(string profileName, string property) =>
        GetProfile(profileName).TryGetValue(property ?? throw new ArgumentNullException(nameof(property)), out var value) && value.Length > 0 ? value : null;

    /// <summary>The <c>region</c> of profile <paramref name="profileName"/>, or null.</summary>
    public string? GetRegion(string profileName) => GetValue(profileName, "region");

    /// <summary>
    /// The <c>region</c> of the selected profile (<c>AWS_PROFILE</c>, else <c>default</c>) in the files of
    /// <paramref name="environment"/>, or null; what region resolution asks after the environment variables.
    /// </summary>
    /// <exception cref="AwsCredentialsException">A file cannot be read or is malformed.</exception>
    public static string? ProfileRegion(AwsEnvironment? environment = null)
    {
        environment ??= AwsEnvironment.Default;
        return Load(environment).GetRegion(SelectedProfileName(environment));
    }

    /// <inheritdoc />
    public override string ToString() =>
        "SharedConfigFiles(" + ConfigFilePath + ", " + CredentialsFilePath + ", " + _profiles.Count + " profiles)";

    private static void Parse(
        string text,
        string path,
        bool isConfigFile,
        Dictionary<string, Dictionary<string, string>> profiles,
        Dictionary<string, Dictionary<string, string>> ssoSessions)
    {
        var lines = text.Split('\n');
        Dictionary<string, string>? section = null;
        var inSection = false;
        string? lastProperty = null;
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].TrimEnd('\r');
            var lineNumber = index + 1;
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#' || trimmed[0] == ';')
            {
                continue;
            }

            if (trimmed[0] == '[')
            {
                var close = trimmed.IndexOf(']');
                if (close < 0)
                {
                    throw Malformed(path, lineNumber, "a section header has no closing ']'");
                }

                var rest = trimmed.Substring(close + 1).Trim();
                if (rest.Length > 0 && rest[0] != '#' && rest[0] != ';')
                {
                    throw Malformed(path, lineNumber, "text follows the section header");
                }

                section = SectionFor(trimmed.Substring(1, close - 1).Trim(), isConfigFile, profiles, ssoSessions);
                inSection = true;
                lastProperty = null;
                continue;
            }

            if (char.IsWhiteSpace(line[0]) && lastProperty is not null)
            {
                // A continuation: more text (or a nested name = value) of the property above.
                if (section is not null)
                {
                    var previous = section[lastProperty];
                    section[lastProperty] = previous.Length == 0 ? StripComment(trimmed) : previous + "\n" + StripComment(trimmed);
                }

                continue;
            }

            if (!inSection)
            {
                throw Malformed(path, lineNumber, "a property comes before any [section] header");
            }

            var equals = line.IndexOf('=');
            if (equals < 0)
            {
                throw Malformed(path, lineNumber, "expected 'name = value'");
            }

            var name = line.Substring(0, equals).Trim().ToLowerInvariant();
            if (name.Length == 0)
            {
                throw Malformed(path, lineNumber, "the property has no name");
            }

            lastProperty = name;
            if (section is not null)
            {
                section[name] = StripComment(line.Substring(equals + 1).Trim());
            }
        }
    }

    // The section's property map, or null for a section the AWS tools ignore (its properties are skipped).
    private static Dictionary<string, string>? SectionFor(
        string header,
        bool isConfigFile,
        Dictionary<string, Dictionary<string, string>> profiles,
        Dictionary<string, Dictionary<string, string>> ssoSessions)
    {
        string name;
        var target = profiles;
        if (!isConfigFile)
        {
            name = header;
        }
        else if (header == DefaultProfileName)
        {
            name = header;
        }
        else if (TryStrip(header, "profile", out var profileName))
        {
            name = profileName;
        }
        else if (TryStrip(header, "sso-session", out var sessionName))
        {
            name = sessionName;
            target = ssoSessions;
        }
        else
        {
            // [services ...] and unknown sections: not profiles.
            return null;
        }

        if (name.Length == 0 || name.IndexOfAny(new[] { ' ', '\t' }) >= 0)
        {
            return null;
        }

        if (!target.TryGetValue(name, out var properties))
        {
            properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            target[name] = properties;
        }

        return properties;
    }

    private static bool TryStrip(string header, string prefix, out string name)
    {
        name = string.Empty;
        if (header.Length <= prefix.Length || !header.StartsWith(prefix, StringComparison.Ordinal) || !char.IsWhiteSpace(header[prefix.Length]))
        {
            return false;
        }

        name = header.Substring(prefix.Length).Trim();
        return true;
    }

    // "value ; comment" and "value # comment" end at the whitespace; "a#b" keeps its '#'.
    private static string StripComment(string value)
    {
        for (var i = 1; i < value.Length; i++)
        {
            if ((value[i] == '#' || value[i] == ';') && char.IsWhiteSpace(value[i - 1]))
            {
                return value.Substring(0, i).TrimEnd();
            }
        }

        return value;
    }

    // The line itself is never quoted: it may hold a key.
    private static AwsCredentialsException Malformed(string path, int line, string problem) =>
        new("The AWS shared file '" + path + "' is malformed at line " + line + ": " + problem + ".");
}
