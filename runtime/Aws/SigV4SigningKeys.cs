using System;
using System.Threading;

namespace Contracts.Runtime.Aws;

/// <summary>
/// The last signing key derived, with its credential scope. A key depends only on the secret, the UTC day, the
/// region and the service, so consecutive requests reuse it instead of running four HMACs (AWS's SDKs cache it the
/// same way). One entry: an app signing with several identities just derives again. The key is never handed out.
/// </summary>
internal static class SigV4SigningKeys
{
    private static Entry? s_last;

    public static Entry Get(AwsCredentials credentials, DateTimeOffset timestamp, string region, string service)
    {
        var day = timestamp.UtcDateTime.Date;
        var last = Volatile.Read(ref s_last);
        if (last is not null && last.Matches(credentials, day, region, service))
        {
            return last;
        }

        var entry = new Entry(
            credentials,
            day,
            region,
            service,
            SigV4Signer.SigningKey(credentials, timestamp, region, service),
            SigV4Signer.CredentialScope(timestamp, region, service));
        Volatile.Write(ref s_last, entry);
        return entry;
    }

    internal sealed class Entry
    {
        private readonly AwsCredentials _credentials;
        private readonly DateTime _day;
        private readonly string _region;
        private readonly string _service;

        public Entry(AwsCredentials credentials, DateTime day, string region, string service, byte[] key, string scope)
        {
            _credentials = credentials;
            _day = day;
            _region = region;
            _service = service;
            Key = key;
            Scope = scope;
        }

        public byte[] Key { get; }

        /// <summary><c>20150830/us-east-1/service/aws4_request</c>.</summary>
        public string Scope { get; }

        // A provider may build new credentials per call (the environment one does): equal secrets share the key.
        public bool Matches(AwsCredentials credentials, DateTime day, string region, string service) =>
            _day == day
            && string.Equals(_region, region, StringComparison.Ordinal)
            && string.Equals(_service, service, StringComparison.Ordinal)
            && (ReferenceEquals(_credentials, credentials)
                || (string.Equals(_credentials.AccessKeyId, credentials.AccessKeyId, StringComparison.Ordinal)
                    && string.Equals(_credentials.SecretAccessKey, credentials.SecretAccessKey, StringComparison.Ordinal)));
    }
}
