using System;
using System.Threading;

namespace Contracts.Runtime.Aws;

/// <summary>
/// Finds the AWS region the way the AWS SDKs and CLI do: <c>AWS_REGION</c>, then <c>AWS_DEFAULT_REGION</c>, then the
/// <c>region</c> of the active profile in the shared config files (<c>AWS_PROFILE</c>, else <c>default</c>).
/// </summary>
public static class AwsRegion
{
    /// <summary>The variable the AWS SDKs read first.</summary>
    public const string RegionVariable = "AWS_REGION";

    /// <summary>The variable the AWS CLI reads, and the SDKs after <see cref="RegionVariable"/>.</summary>
    public const string DefaultRegionVariable = "AWS_DEFAULT_REGION";

    // PublicationOnly: a failure (a malformed config file) is not remembered, the next client tries again.
    private static readonly Lazy<string?> s_process = new(() => Resolve(AwsEnvironment.Default), LazyThreadSafetyMode.PublicationOnly);

    /// <summary>
    /// The region of this process, resolved once (the first call reads the environment and the config file; later
    /// calls return the same answer, as <see cref="AwsCredentialChain.Default"/> does for credentials); null when none
    /// of the sources names one. Generated AWS clients call this when their <c>Region</c> option is not set.
    /// </summary>
    /// <exception cref="AwsCredentialsException">The shared config file cannot be read or is malformed.</exception>
    public static string? Resolve() => s_process.Value;

    /// <summary>The region named by <paramref name="environment"/>'s variables or profile, read now; null when none is.</summary>
    /// <exception cref="AwsCredentialsException">The shared config file cannot be read or is malformed.</exception>
    public static string? Resolve(AwsEnvironment environment)
    {
        if (environment is null)
        {
            throw new ArgumentNullException(nameof(environment));
        }

        return environment.GetVariable(RegionVariable)
            ?? environment.GetVariable(DefaultRegionVariable)
            ?? SharedConfigFiles.ProfileRegion(environment);
    }
}
