using System;
using System.IO;

namespace Contracts.TestSupport;

/// <summary>A fresh folder under the system temp folder, deleted with everything in it on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    /// <param name="name">Starts the folder's name, so that a leftover folder tells which test made it.</param>
    public TempFolder(string name = "test")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "contracts-tests", name + "-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Writes <paramref name="text"/> (LF line ends) to <paramref name="relativePath"/>, creating its folders; returns the full path.</summary>
    public string Write(string relativePath, string text)
    {
        var full = Combine(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text.Replace("\r\n", "\n", StringComparison.Ordinal));
        return full;
    }

    public string Combine(string relativePath) => System.IO.Path.Combine(Path, relativePath);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a build server or a child process: a leftover temp folder must not fail a test.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
