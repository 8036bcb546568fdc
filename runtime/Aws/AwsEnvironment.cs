using System;
using System.IO;
using System.Net.Http;
using System.Threading;

namespace Contracts.Runtime.Aws;

/// <summary>
/// What AWS credential and region resolution reads from and talks through: environment variables, the home folder
/// (where <c>~/.aws</c> lives), files, the clock and the HTTP client of the STS, SSO and metadata calls.
/// <see cref="Default"/> is the real process; tests and hosts with their own environment set the parts they replace,
/// so nothing has to change the process environment.
/// </summary>
public sealed class AwsEnvironment
{
    // One client for the credential calls of every provider that is not given one: they are rare (once per expiry),
    // and a client per call would exhaust sockets.
    private static readonly Lazy<HttpClient> s_sharedHttpClient = new(CreateHttpClient, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Func<string, string?> _variables = Environment.GetEnvironmentVariable;
    private readonly string? _homeDirectory;

    /// <summary>The process environment, the user's home folder, the system clock and a shared HTTP client.</summary>
    public static AwsEnvironment Default { get; } = new();

    /// <summary>Reads environment variables (a blank value counts as unset); the process environment by default.</summary>
    public Func<string, string?> Variables
    {
        get => _variables;
        init => _variables = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>
    /// The folder that <c>~</c> stands for. Unless set, it is <c>HOME</c>, else <c>USERPROFILE</c>, else
    /// <c>HOMEDRIVE</c> + <c>HOMEPATH</c>, read through <see cref="Variables"/> (the order of the AWS SDKs).
    /// </summary>
    public string? HomeDirectory
    {
        get => _homeDirectory ?? GetVariable("HOME") ?? GetVariable("USERPROFILE") ?? HomeFromDriveAndPath();
        init => _homeDirectory = value;
    }

    /// <summary>The current time; the system clock by default. Expiry checks and request signatures read it.</summary>
    public Func<DateTimeOffset> Clock { get; init; } = () => DateTimeOffset.UtcNow;

    /// <summary>The client of the credential calls (STS, the SSO portal, metadata endpoints); null uses one shared client.</summary>
    public HttpClient? HttpClient { get; init; }

    /// <summary>The value of variable <paramref name="name"/>, trimmed; null when unset or blank.</summary>
    public string? GetVariable(string name)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        var value = _variables(name)?.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>
    /// <paramref name="path"/> with a leading <c>~/</c> (or <c>~\</c>, or a lone <c>~</c>) replaced by
    /// <see cref="HomeDirectory"/>; other paths are returned as they are.
    /// </summary>
    /// <exception cref="AwsCredentialsException">The path starts with <c>~</c> and no home folder is known.</exception>
    public string ExpandHome(string path)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        if (path.Length == 0 || path[0] != '~' || (path.Length > 1 && path[1] != '/' && path[1] != '\\'))
        {
            return path;
        }

        var home = HomeDirectory
            ?? throw new AwsCredentialsException("The path '" + path + "' starts with '~', but no home folder is known: set HOME (or USERPROFILE).");
        return path.Length <= 2 ? home : Path.Combine(home, path.Substring(2));
    }

    /// <summary>The text of the file at <paramref name="path"/> (after <see cref="ExpandHome"/>), or null when it does not exist.</summary>
    /// <exception cref="AwsCredentialsException">The file exists but cannot be read.</exception>
    public string? ReadFile(string path)
    {
        var full = ExpandHome(path);
        try
        {
            return File.Exists(full) ? File.ReadAllText(full) : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The system's message names the path and the reason, never the file's content.
            throw new AwsCredentialsException("The file '" + full + "' could not be read: " + exception.Message);
        }
    }

    internal HttpClient GetHttpClient() => HttpClient ?? s_sharedHttpClient.Value;

    private string? HomeFromDriveAndPath()
    {
        var drive = GetVariable("HOMEDRIVE");
        var path = GetVariable("HOMEPATH");
        return drive is null || path is null ? null : drive + path;
    }

    private static HttpClient CreateHttpClient()
    {
        // Credential endpoints answer fast or not at all; a stuck call must not hold every signed request.
        return new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
    }
}
