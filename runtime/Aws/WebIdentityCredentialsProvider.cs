using System;
using System.Threading;
using System.Threading.Tasks;

namespace Contracts.Runtime.Aws;

/// <summary>
/// Credentials for a role assumed with a web identity token (EKS IAM roles for service accounts, GitHub Actions OIDC):
/// the token in <c>AWS_WEB_IDENTITY_TOKEN_FILE</c> is exchanged for the role <c>AWS_ROLE_ARN</c> through STS
/// <c>AssumeRoleWithWebIdentity</c> (session name <c>AWS_ROLE_SESSION_NAME</c>). The file is read again at every
/// refresh, because EKS rotates the token in it; credentials are kept until five minutes before they expire
/// (and, while a refresh fails, until they expire).
/// </summary>
public sealed class WebIdentityCredentialsProvider : IAwsCredentialsProvider
{
    /// <summary>The variable naming the token file.</summary>
    public const string TokenFileVariable = "AWS_WEB_IDENTITY_TOKEN_FILE";

    /// <summary>The variable naming the role to assume.</summary>
    public const string RoleArnVariable = "AWS_ROLE_ARN";

    /// <summary>The variable naming the role session (optional).</summary>
    public const string RoleSessionNameVariable = "AWS_ROLE_SESSION_NAME";

    private readonly AwsEnvironment _environment;
    private readonly string? _tokenFile;
    private readonly string? _roleArn;
    private readonly string? _roleSessionName;
    private readonly CachingCredentialsProvider _cache;

    /// <summary>Creates a provider configured by the process's variables, read at each refresh.</summary>
    public WebIdentityCredentialsProvider()
        : this((AwsEnvironment?)null)
    {
    }

    /// <summary>Creates a provider configured by the variables of <paramref name="environment"/> (the process's when null), read at each refresh.</summary>
    public WebIdentityCredentialsProvider(AwsEnvironment? environment)
    {
        _environment = environment ?? AwsEnvironment.Default;
        _cache = new CachingCredentialsProvider(new DelegateCredentialsProvider(ResolveAsync), new ClockTimeProvider(_environment.Clock), TimeSpan.Zero, new Random());
    }

    /// <summary>Creates a provider of role <paramref name="roleArn"/> for the token in <paramref name="tokenFile"/>.</summary>
    public WebIdentityCredentialsProvider(string tokenFile, string roleArn, string? roleSessionName = null, AwsEnvironment? environment = null)
        : this(environment)
    {
        _tokenFile = tokenFile ?? throw new ArgumentNullException(nameof(tokenFile));
        _roleArn = roleArn ?? throw new ArgumentNullException(nameof(roleArn));
        _roleSessionName = roleSessionName;
    }

    /// <summary>Whether <c>AWS_WEB_IDENTITY_TOKEN_FILE</c> and <c>AWS_ROLE_ARN</c> are both set in <paramref name="environment"/>.</summary>
    public static bool IsConfigured(AwsEnvironment? environment = null)
    {
        environment ??= AwsEnvironment.Default;
        return environment.GetVariable(TokenFileVariable) is not null && environment.GetVariable(RoleArnVariable) is not null;
    }

    /// <inheritdoc />
    /// <exception cref="AwsCredentialsException">The variables are not set, the token file cannot be read, or STS refused.</exception>
    public ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken) =>
        _cache.GetCredentialsAsync(cancellationToken);

    /// <inheritdoc />
    public override string ToString() => "WebIdentityCredentialsProvider(" + (_roleArn ?? _environment.GetVariable(RoleArnVariable) ?? "not configured") + ")";

    internal static string ReadToken(AwsEnvironment environment, string tokenFile, string whose)
    {
        var token = environment.ReadFile(tokenFile)?.Trim()
            ?? throw new AwsCredentialsException("The web identity token file '" + tokenFile + "' (" + whose + ") does not exist.");
        if (token.Length == 0)
        {
            throw new AwsCredentialsException("The web identity token file '" + tokenFile + "' (" + whose + ") is empty.");
        }

        return token;
    }

    private Task<AwsCredentials> ResolveAsync(CancellationToken cancellationToken)
    {
        var tokenFile = _tokenFile ?? _environment.GetVariable(TokenFileVariable);
        var roleArn = _roleArn ?? _environment.GetVariable(RoleArnVariable);
        if (tokenFile is null || roleArn is null)
        {
            throw new AwsCredentialsException(
                "Web identity credentials are not configured: " + (tokenFile is null ? TokenFileVariable : RoleArnVariable) + " is not set.");
        }

        var token = ReadToken(_environment, tokenFile, TokenFileVariable);
        var sessionName = _roleSessionName ?? _environment.GetVariable(RoleSessionNameVariable) ?? SecurityTokenService.DefaultSessionName(_environment);
        var region = _environment.GetVariable("AWS_REGION") ?? _environment.GetVariable("AWS_DEFAULT_REGION") ?? "us-east-1";
        return new SecurityTokenService(_environment, region).AssumeRoleWithWebIdentityAsync(roleArn, sessionName, token, durationSeconds: null, cancellationToken);
    }
}
