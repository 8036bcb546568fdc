using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Contracts.Runtime.Aws;

/// <summary>
/// Finds AWS credentials where the AWS SDKs look for them, in their order: the environment variables
/// (<c>AWS_ACCESS_KEY_ID</c>…), the shared config and credentials files (<c>AWS_PROFILE</c>), web identity
/// (<c>AWS_WEB_IDENTITY_TOKEN_FILE</c> + <c>AWS_ROLE_ARN</c>, as on EKS), the ECS/EKS container endpoint, and the EC2
/// instance metadata service. Generated AWS clients use <see cref="Default"/> when their <c>Credentials</c> option is
/// not set.
/// </summary>
/// <remarks>
/// <para>
/// The first source that is <em>configured</em> (its variables are set, its profile exists) is used, and a failure of
/// that source is an <see cref="AwsCredentialsException"/> naming it: a broken profile never falls through to another
/// identity, as in the AWS SDKs for Python, Go, JavaScript and Rust. The instance metadata service counts as configured
/// unless <c>AWS_EC2_METADATA_DISABLED=true</c>, so when nothing else is, its failure (off EC2: no answer within a
/// second) is reported with what was tried.
/// </para>
/// <para>
/// Once a source has given credentials it is remembered, and later calls go to it alone; sources that make network
/// calls are wrapped in a <see cref="CachingCredentialsProvider"/>, so they are asked once per expiry. Until a source
/// has succeeded, every call looks again (a variable set later is found).
/// </para>
/// </remarks>
public sealed class AwsCredentialChain : IAwsCredentialsProvider
{
    private static readonly Lazy<AwsCredentialChain> s_default = new(() => new AwsCredentialChain(AwsEnvironment.Default), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly ChainSource[] _sources;
    private readonly object _gate = new();
    private Selected? _selected;

    /// <summary>Creates a chain over the process environment and the system clock.</summary>
    public AwsCredentialChain()
        : this(AwsEnvironment.Default)
    {
    }

    /// <summary>
    /// Creates a chain that reads variables and files, and makes its calls, through <paramref name="environment"/>, and
    /// times the cached credentials with <paramref name="timeProvider"/> (the system clock when null).
    /// </summary>
    public AwsCredentialChain(AwsEnvironment environment, TimeProvider? timeProvider = null)
    {
        if (environment is null)
        {
            throw new ArgumentNullException(nameof(environment));
        }

        var time = timeProvider ?? TimeProvider.System;
        _sources = new[]
        {
            new ChainSource(
                "the environment",
                () => environment.GetVariable(EnvironmentCredentialsProvider.AccessKeyIdVariable) is not null
                    || environment.GetVariable(EnvironmentCredentialsProvider.SecretAccessKeyVariable) is not null
                    ? null
                    : EnvironmentCredentialsProvider.AccessKeyIdVariable + " is not set",
                // Read on every call, as the provider does on its own: a rotated key is picked up; nothing to cache.
                () => new EnvironmentCredentialsProvider(environment.GetVariable)),
            new ChainSource(
                "a profile",
                () => ProfileNotConfigured(environment),
                // The profile and web identity providers keep what they resolve until shortly before it expires.
                () => new ProfileCredentialsProvider(environment: environment) { CredentialSources = name => CredentialSource(name, environment, time) }),
            new ChainSource(
                "web identity",
                () => WebIdentityCredentialsProvider.IsConfigured(environment)
                    ? null
                    : WebIdentityCredentialsProvider.TokenFileVariable + " and " + WebIdentityCredentialsProvider.RoleArnVariable + " are not both set",
                () => new WebIdentityCredentialsProvider(environment)),
            new ChainSource(
                "the container endpoint",
                () => ContainerCredentialsProvider.IsConfigured(environment)
                    ? null
                    : ContainerCredentialsProvider.RelativeUriVariable + " and " + ContainerCredentialsProvider.FullUriVariable + " are not set",
                () => new CachingCredentialsProvider(new ContainerCredentialsProvider(environment), time)),
            new ChainSource(
                "the instance metadata service",
                () => InstanceMetadataCredentialsProvider.IsDisabled(environment)
                    ? "turned off by " + InstanceMetadataCredentialsProvider.DisabledVariable
                    : null,
                () => new CachingCredentialsProvider(new InstanceMetadataCredentialsProvider(environment, time), time),
                IsLastResort: true),
        };
    }

    /// <summary>The chain over the process environment, shared by every client that has no credentials of its own, so that the sources are looked up once per process.</summary>
    public static AwsCredentialChain Default => s_default.Value;

    /// <summary>Where the credentials come from once a source has given them (such as <c>the container endpoint</c>); null before.</summary>
    public string? Source
    {
        get
        {
            lock (_gate)
            {
                return _selected is { Confirmed: true } selected ? selected.From.Name : null;
            }
        }
    }

    /// <inheritdoc />
    /// <exception cref="AwsCredentialsException">No source is configured, or the configured one failed; the message names the sources.</exception>
    public async ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        var selected = Select();
        try
        {
            var credentials = await selected.Provider.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
            if (!selected.Confirmed)
            {
                lock (_gate)
                {
                    selected.Confirmed = true;
                }
            }

            return credentials;
        }
        catch (AwsCredentialsException exception)
        {
            string tried;
            lock (_gate)
            {
                // Until a source has worked, the next call chooses again.
                if (!selected.Confirmed && ReferenceEquals(_selected, selected))
                {
                    _selected = null;
                }

                tried = selected.NotConfigured;
            }

            throw new AwsCredentialsException(selected.From.IsLastResort && tried.Length > 0
                ? "No AWS credentials were found. " + tried + "; and " + selected.From.Name + ": " + exception.Message
                : "The AWS credentials from " + selected.From.Name + " could not be loaded: " + exception.Message);
        }
    }

    /// <inheritdoc />
    public override string ToString() => "AwsCredentialChain(" + (Source ?? "not resolved yet") + ")";

    private Selected Select()
    {
        lock (_gate)
        {
            if (_selected is { } held)
            {
                return held;
            }

            var notConfigured = new List<string>(_sources.Length);
            foreach (var source in _sources)
            {
                string? reason;
                try
                {
                    reason = source.NotConfiguredReason();
                }
                catch (AwsCredentialsException exception)
                {
                    // A config file that cannot be read is a fault of that source, not a reason to skip it.
                    throw new AwsCredentialsException("The AWS credentials from " + source.Name + " could not be loaded: " + exception.Message);
                }

                if (reason is not null)
                {
                    notConfigured.Add(source.Name + " (" + reason + ")");
                    continue;
                }

                var tried = notConfigured.Count == 0 ? string.Empty : "Not configured: " + string.Join(", ", notConfigured);
                _selected = new Selected(source, source.Create(), tried);
                return _selected;
            }

            throw new AwsCredentialsException(
                "No AWS credentials were found. Not configured: " + string.Join(", ", notConfigured)
                + ". Set the Credentials option, or configure one of these sources.");
        }
    }

    // Keys that make a profile a source of credentials. A profile holding only a region (as `aws configure` leaves on
    // many machines whose credentials come from a role) is passed over, as the AWS SDKs pass it over.
    private static readonly string[] s_credentialKeys =
    {
        "aws_access_key_id", "aws_secret_access_key", "role_arn", "credential_process", "sso_session", "sso_start_url", "web_identity_token_file",
    };

    /// <summary>Null when the selected profile gives credentials (or <c>AWS_PROFILE</c> names one that does not exist: that is an error to report); else why not.</summary>
    private static string? ProfileNotConfigured(AwsEnvironment environment)
    {
        var files = SharedConfigFiles.Load(environment);
        var name = SharedConfigFiles.SelectedProfileName(environment);
        if (!files.HasProfile(name))
        {
            return environment.GetVariable(SharedConfigFiles.ProfileVariable) is not null
                ? null
                : "no profile '" + name + "' in " + files.ConfigFilePath + " or " + files.CredentialsFilePath;
        }

        foreach (var key in s_credentialKeys)
        {
            if (files.GetValue(name, key) is not null)
            {
                return null;
            }
        }

        return "the profile '" + name + "' sets no credentials";
    }

    /// <summary>The providers a profile's <c>credential_source</c> names, reading the same environment as the chain.</summary>
    private static IAwsCredentialsProvider? CredentialSource(string name, AwsEnvironment environment, TimeProvider time) => name switch
    {
        ProfileCredentialsProvider.EnvironmentSource => new EnvironmentCredentialsProvider(environment.GetVariable),
        ProfileCredentialsProvider.Ec2InstanceMetadataSource => new InstanceMetadataCredentialsProvider(environment, time),
        ProfileCredentialsProvider.EcsContainerSource => new ContainerCredentialsProvider(environment),
        _ => null,
    };

    /// <summary>One place credentials can come from: its name in messages, why it is not configured (null when it is), and its provider.</summary>
    private sealed record ChainSource(string Name, Func<string?> NotConfiguredReason, Func<IAwsCredentialsProvider> Create, bool IsLastResort = false);

    private sealed class Selected
    {
        public Selected(ChainSource from, IAwsCredentialsProvider provider, string notConfigured)
        {
            From = from;
            Provider = provider;
            NotConfigured = notConfigured;
        }

        public ChainSource From { get; }

        public IAwsCredentialsProvider Provider { get; }

        /// <summary>The sources before this one, and why each was passed over.</summary>
        public string NotConfigured { get; }

        /// <summary>Whether the source has given credentials (then it is used for good).</summary>
        public bool Confirmed { get; set; }
    }
}
