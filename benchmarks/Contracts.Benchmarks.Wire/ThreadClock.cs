using System;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Contracts.Benchmarks.Wire;

/// <summary>
/// CPU time of the calling thread (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>), falling back to wall time elsewhere.
/// On a shared, overloaded machine wall time mostly measures how long the scheduler kept the thread waiting;
/// the thread's own CPU time does not include that wait (gen0 collections run on the allocating thread, so they count).
/// </summary>
internal static partial class ThreadClock
{
    private const int ClockThreadCpuTimeId = 3;

    public static readonly bool IsCpuTime = OperatingSystem.IsLinux() && TryRead(out _);

    public static double NowMilliseconds()
    {
        if (IsCpuTime && TryRead(out var milliseconds))
        {
            return milliseconds;
        }

        return Stopwatch.GetTimestamp() * 1000d / Stopwatch.Frequency;
    }

    private static bool TryRead(out double milliseconds)
    {
        milliseconds = 0;
        try
        {
            if (ClockGetTime(ClockThreadCpuTimeId, out var time) != 0)
            {
                return false;
            }

            milliseconds = time.Seconds * 1000d + time.Nanoseconds / 1_000_000d;
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
