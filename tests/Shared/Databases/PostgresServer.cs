using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace SocialCommerce.Tests.Databases;

/// <summary>
/// A throwaway PostgreSQL server for one test run: initdb into a temporary folder (as the postgres user when the
/// tests run as root), listening on 127.0.0.1 on a free port, stopped and deleted when the process exits; folders left
/// by processes that were killed are removed by the next start.
/// </summary>
internal sealed class PostgresServer
{
    private readonly string _bin;
    private readonly string _folder;
    private readonly bool _asPostgres;

    private PostgresServer(string bin, string folder, int port, bool asPostgres)
    {
        _bin = bin;
        _folder = folder;
        _asPostgres = asPostgres;
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Timeout=15;Command Timeout=120";
    }

    public string ConnectionString { get; }

    /// <summary>Starts a server, or returns null when the PostgreSQL binaries are not installed.</summary>
    /// <param name="durable">Keep PostgreSQL's durable defaults (fsync, synchronous commit) for measurements; tests turn them off.</param>
    public static PostgresServer? Start(bool durable = false)
    {
        var bin = FindBinaries();
        if (bin is null)
        {
            return null;
        }

        RemoveAbandoned();
        var asPostgres = Environment.UserName == "root";
        var folder = Directory.CreateTempSubdirectory("sc-pg-").FullName;
        if (asPostgres)
        {
            Run("chown", "postgres", folder);
        }

        var port = FreePort();
        var server = new PostgresServer(bin, folder, port, asPostgres);
        server.Pg($"{bin}/initdb -D {folder}/data -U postgres --auth=trust -E UTF8{(durable ? "" : " --no-sync")}");
        server.Pg($"{bin}/pg_ctl -D {folder}/data -o \"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=1000{(durable ? "" : " -c fsync=off -c synchronous_commit=off")}\" -l {folder}/log -w start");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        return server;
    }

    private void Stop()
    {
        try
        {
            Pg($"{_bin}/pg_ctl -D {_folder}/data -m immediate stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        TryDelete(_folder);
    }

    // A test host that is killed (or a harness stopped with Ctrl+C) never runs ProcessExit, and its server's folder
    // stayed behind: dozens of them filled the disk of a development machine. Each start removes the folders of servers
    // that are no longer running (no live postmaster), leaving any folder touched in the last ten minutes alone (a
    // parallel test process may be running initdb in it).
    private static void RemoveAbandoned()
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), "sc-pg-*"))
        {
            var pidFile = Path.Combine(folder, "data", "postmaster.pid");
            var running = File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid) && IsAlive(pid);
            if (!running && Directory.GetLastWriteTimeUtc(folder) < DateTime.UtcNow.AddMinutes(-10))
            {
                TryDelete(folder);
            }
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Still in use or not ours: the next start tries again.
        }
    }

    private void Pg(string command)
    {
        if (_asPostgres)
        {
            Run("su", "postgres", "-c", command);
        }
        else
        {
            Run("/bin/sh", "-c", command);
        }
    }

    private static void Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {error}{output.Result}");
        }
    }

    private static string? FindBinaries()
    {
        var root = "/usr/lib/postgresql";
        if (Directory.Exists(root))
        {
            var versions = Directory.GetDirectories(root).Where(d => File.Exists(Path.Combine(d, "bin", "initdb"))).OrderBy(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0).ToList();
            if (versions.Count > 0)
            {
                return Path.Combine(versions[^1], "bin");
            }
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
        {
            if (dir.Length > 0 && File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")))
            {
                return dir;
            }
        }

        return null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
