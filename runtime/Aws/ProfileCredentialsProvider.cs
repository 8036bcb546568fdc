using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace Contracts.Runtime.Aws;

/// <summary>
/// The credentials of a profile in the AWS shared files (<see cref="SharedConfigFiles"/>), resolved as the AWS CLI
/// resolves them, in this order: <c>role_arn</c> with <c>web_identity_token_file</c> (STS
/// <c>AssumeRoleWithWebIdentity</c>); <c>role_arn</c> with <c>source_profile</c> (whose own credentials, chained
/// roles included, sign STS <c>AssumeRole</c>) or with <c>credential_source</c>; SSO (<c>sso_session</c> or the legacy
/// <c>sso_start_url</c>); static keys (<c>aws_access_key_id</c>, <c>aws_secret_access_key</c>,
/// <c>aws_session_token</c>); <c>credential_process</c>. Resolved credentials are kept until five minutes before they
/// expire (and, while a refresh fails, until they expire), and one resolution serves concurrent callers.
/// </summary>
public sealed class ProfileCredentialsProvider : IAwsCredentialsProvider
{
    /// <summary>The <c>credential_source</c> value for the <c>AWS_ACCESS_KEY_ID</c> family of variables.</summary>
    public const string EnvironmentSource = "Environment";

    /// <summary>The <c>credential_source</c> value for EC2 instance metadata.</summary>
    public const string Ec2InstanceMetadataSource = "Ec2InstanceMetadata";

    /// <summary>The <c>credential_source</c> value for the ECS (or EKS Pod Identity) container endpoint.</summary>
    public const string EcsContainerSource = "EcsContainer";

    private readonly AwsEnvironment _environment;
    private readonly string? _profileName;
    private readonly CachingCredentialsProvider _cache;

    /// <summary>Creates a provider of profile <paramref name="profileName"/> (by default <c>AWS_PROFILE</c>, else <c>default</c>).</summary>
    /// <param name="profileName">The profile; null for the selected one.</param>
    /// <param name="environment">Where variables, files, the clock and the HTTP client come from; the process's by default.</param>
    public ProfileCredentialsProvider(string? profileName = null, AwsEnvironment? environment = null)
    {
        _environment = environment ?? AwsEnvironment.Default;
        _profileName = profileName;
        _cache = new CachingCredentialsProvider(new DelegateCredentialsProvider(ResolveAsync), new ClockTimeProvider(_environment.Clock), TimeSpan.Zero, new Random());
    }

    /// <summary>The profile whose credentials are supplied.</summary>
    public string ProfileName => _profileName ?? SharedConfigFiles.SelectedProfileName(_environment);

    /// <summary>How long a <c>credential_process</c> may run before it is stopped; one minute by default.</summary>
    public TimeSpan CredentialProcessTimeout { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Supplies the credentials a <c>credential_source</c> names (<see cref="Ec2InstanceMetadataSource"/>,
    /// <see cref="EcsContainerSource"/>, <see cref="EnvironmentSource"/>); null for a source it does not know. Without
    /// it, <see cref="EnvironmentSource"/> reads the environment and the others fail with a message saying so.
    /// </summary>
    public Func<string, IAwsCredentialsProvider?>? CredentialSources { get; init; }

    /// <summary>Whether profile <paramref name="profileName"/> (the selected one when null) is in the shared files of <paramref name="environment"/>.</summary>
    /// <exception cref="AwsCredentialsException">A file cannot be read or is malformed.</exception>
    public static bool ProfileExists(string? profileName = null, AwsEnvironment? environment = null)
    {
        environment ??= AwsEnvironment.Default;
        return SharedConfigFiles.Load(environment).HasProfile(profileName ?? SharedConfigFiles.SelectedProfileName(environment));
    }

    /// <summary>The profile's <c>region</c>, or null when it sets none.</summary>
    /// <exception cref="AwsCredentialsException">A file cannot be read or is malformed.</exception>
    public string? GetRegion() => SharedConfigFiles.Load(_environment).GetRegion(ProfileName);

    /// <inheritdoc />
    /// <exception cref="AwsCredentialsException">The profile is missing, incomplete or its source failed; the message says which and why.</exception>
    public ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken) =>
        _cache.GetCredentialsAsync(cancellationToken);

    /// <inheritdoc />
    public override string ToString() => "ProfileCredentialsProvider(" + ProfileName + ")";

    private Task<AwsCredentials> ResolveAsync(CancellationToken cancellationToken)
    {
        var files = SharedConfigFiles.Load(_environment);
        return ResolveAsync(files, ProfileName, new List<string>(), cancellationToken);
    }

    private async Task<AwsCredentials> ResolveAsync(SharedConfigFiles files, string name, List<string> chain, CancellationToken cancellationToken)
    {
        if (!files.HasProfile(name))
        {
            throw new AwsCredentialsException(
                "The AWS profile '" + name + "' was not found in " + files.ConfigFilePath + " or " + files.CredentialsFilePath
                + (chain.Count > 0 ? " (it is the source_profile of '" + chain[chain.Count - 1] + "')." : "."));
        }

        chain.Add(name);
        var roleArn = files.GetValue(name, "role_arn");
        if (roleArn is not null)
        {
            return await AssumeRoleAsync(files, name, roleArn, chain, cancellationToken).ConfigureAwait(false);
        }

        if (files.GetValue(name, "sso_session") is not null || files.GetValue(name, "sso_start_url") is not null)
        {
            return await SsoCredentials.GetAsync(files, name, _environment, cancellationToken).ConfigureAwait(false);
        }

        if (StaticKeys(files, name) is { } keys)
        {
            return keys;
        }

        if (files.GetValue(name, "credential_process") is { } process)
        {
            return await CredentialProcess.RunAsync(process, name, CredentialProcessTimeout, cancellationToken).ConfigureAwait(false);
        }

        throw new AwsCredentialsException(
            "The AWS profile '" + name + "' has no credentials: it sets none of aws_access_key_id/aws_secret_access_key, role_arn, sso_session, sso_start_url or credential_process.");
    }

    private async Task<AwsCredentials> AssumeRoleAsync(SharedConfigFiles files, string name, string roleArn, List<string> chain, CancellationToken cancellationToken)
    {
        if (files.GetValue(name, "mfa_serial") is not null)
        {
            throw new AwsCredentialsException("The AWS profile '" + name + "' requires an MFA code (mfa_serial), which a non-interactive client cannot ask for; use a profile with credentials that need none.");
        }

        var sessionName = files.GetValue(name, "role_session_name") ?? SecurityTokenService.DefaultSessionName(_environment);
        var duration = Duration(files, name);
        var sts = new SecurityTokenService(_environment, StsRegion(files, name));
        if (files.GetValue(name, "web_identity_token_file") is { } tokenFile)
        {
            var token = WebIdentityCredentialsProvider.ReadToken(_environment, tokenFile, "web_identity_token_file of profile '" + name + "'");
            return await sts.AssumeRoleWithWebIdentityAsync(roleArn, sessionName, token, duration, cancellationToken).ConfigureAwait(false);
        }

        var sourceProfile = files.GetValue(name, "source_profile");
        var credentialSource = files.GetValue(name, "credential_source");
        if (sourceProfile is not null && credentialSource is not null)
        {
            throw new AwsCredentialsException("The AWS profile '" + name + "' sets both source_profile and credential_source; set one.");
        }

        AwsCredentials source;
        if (sourceProfile is not null)
        {
            if (sourceProfile == name)
            {
                // A profile may be its own source: its static keys assume its role.
                source = StaticKeys(files, name)
                    ?? throw new AwsCredentialsException("The AWS profile '" + name + "' is its own source_profile but has no aws_access_key_id and aws_secret_access_key.");
            }
            else if (chain.Contains(sourceProfile))
            {
                throw new AwsCredentialsException("The AWS profiles' source_profile settings form a loop: " + string.Join(" → ", chain) + " → " + sourceProfile + ".");
            }
            else
            {
                source = await ResolveAsync(files, sourceProfile, chain, cancellationToken).ConfigureAwait(false);
            }
        }
        else if (credentialSource is not null)
        {
            source = await FromCredentialSourceAsync(name, credentialSource, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            throw new AwsCredentialsException("The AWS profile '" + name + "' sets role_arn but neither source_profile, credential_source nor web_identity_token_file.");
        }

        return await sts.AssumeRoleAsync(source, roleArn, sessionName, files.GetValue(name, "external_id"), duration, cancellationToken).ConfigureAwait(false);
    }

    private async Task<AwsCredentials> FromCredentialSourceAsync(string name, string credentialSource, CancellationToken cancellationToken)
    {
        var provider = CredentialSources?.Invoke(credentialSource);
        if (provider is null && credentialSource == EnvironmentSource)
        {
            provider = new EnvironmentCredentialsProvider(_environment.GetVariable);
        }

        if (provider is null)
        {
            throw new AwsCredentialsException(
                "The AWS profile '" + name + "' sets credential_source = " + credentialSource + ", which this provider cannot supply"
                + (credentialSource is Ec2InstanceMetadataSource or EcsContainerSource
                    ? " (set ProfileCredentialsProvider.CredentialSources, or use AwsCredentialChain.Default)."
                    : " (the AWS tools know Environment, Ec2InstanceMetadata and EcsContainer)."));
        }

        return await provider.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
    }

    private static AwsCredentials? StaticKeys(SharedConfigFiles files, string name)
    {
        var accessKeyId = files.GetValue(name, "aws_access_key_id");
        var secretAccessKey = files.GetValue(name, "aws_secret_access_key");
        if (accessKeyId is null && secretAccessKey is null)
        {
            return null;
        }

        if (accessKeyId is null || secretAccessKey is null)
        {
            throw new AwsCredentialsException(
                "The AWS profile '" + name + "' sets " + (accessKeyId is null ? "aws_secret_access_key but not aws_access_key_id." : "aws_access_key_id but not aws_secret_access_key."));
        }

        try
        {
            return new AwsCredentials(accessKeyId, secretAccessKey, files.GetValue(name, "aws_session_token"));
        }
        catch (ArgumentException)
        {
            // Only a continuation line can put a control character (a newline) into a value; the value is not repeated.
            throw new AwsCredentialsException("The AWS profile '" + name + "' has a key that spans lines or holds a control character.");
        }
    }

    private static int? Duration(SharedConfigFiles files, string name)
    {
        if (files.GetValue(name, "duration_seconds") is not { } text)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds < 900 || seconds > 43200)
        {
            throw new AwsCredentialsException("The AWS profile '" + name + "' sets duration_seconds = " + text + "; STS accepts whole seconds from 900 to 43200.");
        }

        return seconds;
    }

    // The client's region decides the STS endpoint, as in the SDKs: the environment, then the profile.
    private string StsRegion(SharedConfigFiles files, string name) =>
        _environment.GetVariable("AWS_REGION")
        ?? _environment.GetVariable("AWS_DEFAULT_REGION")
        ?? files.GetRegion(name)
        ?? files.GetRegion(ProfileName)
        ?? "us-east-1";
}
