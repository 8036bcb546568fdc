using System;
using System.Globalization;
using System.IO;
using Lightsail.Demo.Contracts;

namespace Lightsail.Demo;

/// <summary>
/// Prints a <see cref="BucketAccessKeys"/> result field by field. It never prints a secret access key, and never
/// prints a whole record either (a record's generated <c>ToString</c> would include the secret).
/// </summary>
internal static class AccessKeyPrinter
{
    /// <summary>Writes the bucket and each of its access keys to <paramref name="output"/>.</summary>
    public static void Print(TextWriter output, string bucketName, BucketAccessKeys bucket)
    {
        output.WriteLine("bucket " + bucketName);
        output.WriteLine("  id:         " + bucket.Id);
        output.WriteLine("  created_at: " + FormatDate(bucket.CreatedAt));

        var keys = bucket.AccessKeys;
        if (keys is null || keys.Count == 0)
        {
            output.WriteLine("  access keys: none");
            return;
        }

        output.WriteLine("  access keys: " + keys.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var key in keys)
        {
            output.WriteLine("  - id:        " + (key.AccessKeyId ?? "(none)"));
            output.WriteLine("    status:    " + (key.Status?.ToString() ?? "(unknown)"));
            output.WriteLine("    created:   " + (key.CreatedAt is { } created ? FormatDate(created) : "(unknown)"));
            output.WriteLine("    last used: " + FormatLastUsed(key.LastUsed));
        }
    }

    private static string FormatLastUsed(AccessKeyLastUsed? lastUsed)
    {
        if (lastUsed?.LastUsedDate is not { } date)
        {
            return "never";
        }

        var text = FormatDate(date);
        if (!string.IsNullOrEmpty(lastUsed.Region))
        {
            text += " in " + lastUsed.Region;
        }

        if (!string.IsNullOrEmpty(lastUsed.ServiceName))
        {
            text += " by " + lastUsed.ServiceName;
        }

        return text;
    }

    /// <summary>ISO 8601 in UTC, such as <c>2025-01-01T00:00:00Z</c>; fractional seconds only when there are some.</summary>
    private static string FormatDate(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
