using System;
using System.Globalization;
using System.IO;
using Lightsail.Aws.Contracts;

namespace Lightsail.Aws;

/// <summary>One line per access key: id, status, created, last used. The secret is never printed, even when present.</summary>
internal static class AccessKeyPrinter
{
    public static void PrintCreated(TextWriter output, string bucketName, AccessKey key) =>
        output.WriteLine("created access key " + key.AccessKeyId + " for " + bucketName + " (its secret is not printed)");

    public static void Print(TextWriter output, string bucketName, GetBucketAccessKeysResult result)
    {
        var keys = result.AccessKeys ?? [];
        output.WriteLine("bucket " + bucketName + ": " + keys.Count.ToString(CultureInfo.InvariantCulture) + (keys.Count == 1 ? " access key" : " access keys"));
        foreach (var key in keys)
        {
            output.WriteLine(
                "  " + (key.AccessKeyId ?? "(no id)")
                + "  " + (key.Status?.Value ?? "(no status)").PadRight(8)
                + "  created " + Format(key.CreatedAt)
                + "  " + LastUsed(key.LastUsed));
        }
    }

    // Lightsail reports an unused key with no date and "N/A" for region and service.
    private static string LastUsed(AccessKeyLastUsed? lastUsed) =>
        lastUsed?.LastUsedDate is { } date
            ? "last used " + Format(date) + " in " + lastUsed.Region + " by " + lastUsed.ServiceName
            : "never used";

    private static string Format(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "(unknown)";
}
