using System;
using System.Diagnostics;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Contracts.PackageTests;

/// <summary>
/// A built ASP.NET Core app started in the background on <c>http://127.0.0.1:0</c>: the app binds a port the OS
/// chooses and reports it in the host's start-up log line ("Now listening on: …"), so no port is picked here and bound
/// later, when another process may have taken it. Killed (with its children) on dispose.
/// </summary>
internal sealed class RunningApp : IDisposable
{
    private const string ListeningPrefix = "Now listening on: ";

    /// <summary>How long the app may take to start at most; only a guard against hangs, never a measured time.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RunningApp(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => _listening.TrySetException(new InvalidOperationException("The app exited before it listened:\n" + Output));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Starts <paramref name="assembly"/> with <c>--urls http://127.0.0.1:0</c> and the given arguments.</summary>
    public static RunningApp Start(string workingDirectory, string assembly, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(assembly);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        return new RunningApp(Process.Start(start) ?? throw new InvalidOperationException("Could not start " + assembly));
    }

    /// <summary>The address the app listens on, once it has bound it (and so is ready for requests).</summary>
    public async Task<Uri> ListeningAddressAsync()
    {
        try
        {
            return await _listening.Task.WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException("The app did not report its address:\n" + Output);
        }
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        var at = line.IndexOf(ListeningPrefix, StringComparison.Ordinal);
        if (at >= 0 && Uri.TryCreate(line[(at + ListeningPrefix.Length)..].Trim(), UriKind.Absolute, out var address))
        {
            _listening.TrySetResult(address);
        }
    }
}
