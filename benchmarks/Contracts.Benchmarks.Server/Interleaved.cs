using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;

namespace Contracts.Benchmarks.Server;

/// <summary>
/// All servers in one process, timed in turns: each round sends a batch of one operation to every server (the order
/// rotating from round to round), so a burst of load from elsewhere on the machine falls on all of them alike.
/// BenchmarkDotNet runs one server after the other, minutes apart; on a shared machine the ratios of this mode are the
/// steadier ones. Prints, per operation and server, the median wall time and the median process CPU time per request
/// over the rounds (see <see cref="ProcessClock"/>), and the allocated bytes per request (GC.GetTotalAllocatedBytes:
/// the client's and the server's side together). Every figure includes the harness: the floor row is its share.
/// </summary>
public static class Interleaved
{
    public static async Task RunAsync(int rounds, int batch)
    {
        var servers = ServerHosts.Compared.Append(ServerHosts.HandWrittenProblem).Append(ServerHosts.Floor).ToArray();
        var clients = new Dictionary<string, HttpClient>();
        var apps = new List<WebApplication>();
        foreach (var server in servers)
        {
            var (app, client) = await ServerHosts.StartAsync(server);
            apps.Add(app);
            clients[server] = client;
        }

        foreach (var server in ServerHosts.Compared)
        {
            foreach (var operation in Requests.All)
            {
                await Requests.CheckAsync(clients[server], server, operation);
            }
        }

        var times = new Dictionary<(string, Operation), List<double>>();
        var cpu = new Dictionary<(string, Operation), List<double>>();
        var bytes = new Dictionary<(string, Operation), List<double>>();
        for (var round = -2; round < rounds; round++)
        {
            foreach (var operation in Requests.All)
            {
                for (var turn = 0; turn < servers.Length; turn++)
                {
                    var server = servers[(turn + Math.Max(round, 0)) % servers.Length];
                    if ((server == ServerHosts.Floor && operation != Operation.GetPet)
                        || (server == ServerHosts.HandWrittenProblem && operation != Operation.GetPetBadRequest))
                    {
                        continue;
                    }

                    var client = clients[server];
                    var allocated = GC.GetTotalAllocatedBytes(precise: true);
                    var cpuClock = ProcessClock.NowNanoseconds();
                    var clock = Stopwatch.GetTimestamp();
                    for (var i = 0; i < batch; i++)
                    {
                        await Requests.SendAsync(client, operation);
                    }

                    var elapsed = Stopwatch.GetElapsedTime(clock);
                    var cpuElapsed = ProcessClock.NowNanoseconds() - cpuClock;
                    allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
                    if (round >= 0)
                    {
                        // The first two rounds warm up (JIT tiers, pools) and are not kept.
                        Add(times, (server, operation), elapsed.TotalMicroseconds * 1000 / batch);
                        Add(cpu, (server, operation), (cpuElapsed ?? double.NaN) / batch);
                        Add(bytes, (server, operation), (double)allocated / batch);
                    }
                }
            }
        }

        Console.WriteLine($"Interleaved: {rounds} rounds of {batch} requests per operation and server; median wall and CPU ns per request, mean bytes allocated per request.");
        Console.WriteLine();
        Console.WriteLine("operation;server;wall_ns;cpu_ns;allocated_b");
        foreach (var operation in Requests.All)
        {
            foreach (var server in servers)
            {
                if (times.TryGetValue((server, operation), out var samples))
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{operation};{server};{Median(samples):F0};{Median(cpu[(server, operation)]):F0};{bytes[(server, operation)].Average():F0}"));
                }
            }
        }

        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        foreach (var app in apps)
        {
            await app.DisposeAsync();
        }
    }

    private static void Add(Dictionary<(string, Operation), List<double>> samples, (string, Operation) key, double value)
    {
        if (!samples.TryGetValue(key, out var list))
        {
            samples[key] = list = [];
        }

        list.Add(value);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
