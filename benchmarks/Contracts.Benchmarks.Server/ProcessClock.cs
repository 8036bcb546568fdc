using System;
using System.Runtime.InteropServices;

namespace Contracts.Benchmarks.Server;

/// <summary>
/// CPU time of the whole process (Linux <c>CLOCK_PROCESS_CPUTIME_ID</c>, nanoseconds), or null elsewhere. A request
/// hops between thread-pool threads (client, TestServer, the app), so the process's clock, not one thread's, holds
/// its work. On a shared, overloaded machine wall time mostly measures how long the scheduler kept the threads
/// waiting; CPU time leaves that wait out (gen0 collections run in the process, so they count).
/// </summary>
internal static partial class ProcessClock
{
    private const int ClockProcessCpuTimeId = 2;

    public static readonly bool Available = OperatingSystem.IsLinux() && TryRead(out _);

    public static double? NowNanoseconds() => Available && TryRead(out var nanoseconds) ? nanoseconds : null;

    private static bool TryRead(out double nanoseconds)
    {
        nanoseconds = 0;
        try
        {
            if (ClockGetTime(ClockProcessCpuTimeId, out var time) != 0)
            {
                return false;
            }

            nanoseconds = time.Seconds * 1e9 + time.Nanoseconds;
            return true;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clockId, out TimeSpec time);
}
