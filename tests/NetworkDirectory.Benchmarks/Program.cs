using BenchmarkDotNet.Running;
using NetworkDirectory.Benchmarks.Bulk;
using NetworkDirectory.Benchmarks.Patch;
using NetworkDirectory.Benchmarks.Synth;

namespace NetworkDirectory.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/NetworkDirectory.Benchmarks -- locate [BenchmarkDotNet args]</c>
/// or <c>-- report</c>, <c>-- misses</c>, <c>-- synth</c>, <c>-- patch</c>, <c>-- bulk</c>. Exit codes: 0 done, 2 usage error or reference data absent (nothing measured).
/// </summary>
public static class Program
{
    private const string Usage =
        "usage: dotnet run -c Release --project tests/NetworkDirectory.Benchmarks -- locate [BenchmarkDotNet options, e.g. --filter *Locate*]\n" +
        "       dotnet run -c Release --project tests/NetworkDirectory.Benchmarks -- report\n" +
        "       dotnet run -c Release --project tests/NetworkDirectory.Benchmarks -- misses\n" +
        SynthCommand.Usage + "\n" + PatchCommand.Usage + "\n" + BulkCommand.Usage;

    public static int Main(string[] args)
    {
        var mode = args.FirstOrDefault();
        // These two work on a database and a running server, not on ../shared/data.
        if (mode == "synth")
        {
            return SynthCommand.Run(args[1..], Console.Out, Console.Error);
        }
        if (mode == "patch")
        {
            return PatchCommand.RunAsync(args[1..], Console.Out, Console.Error).GetAwaiter().GetResult();
        }
        if (mode == "bulk")
        {
            return BulkCommand.RunAsync(args[1..], Console.Out, Console.Error).GetAwaiter().GetResult();
        }
        if (mode is not ("locate" or "report" or "misses"))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        if (SharedData.Folder is null)
        {
            Console.Error.WriteLine(SharedData.MissingMessage);
            return 2;
        }
        // BenchmarkDotNet runs each benchmark in a child process: hand it the folder found here.
        Environment.SetEnvironmentVariable(SharedData.EnvironmentVariable, SharedData.Folder);
        Console.WriteLine($"Reference data: {SharedData.Folder}");

        if (mode == "report")
        {
            return Report.Run(Console.Out);
        }
        if (mode == "misses")
        {
            return Misses.Run(Console.Out);
        }
        var rest = args.Skip(1).ToArray();
        if (!rest.Any(a => a is "--filter" or "-f" or "--list" or "--info" or "--help" or "-h"))
        {
            rest = [.. rest, "--filter", "*"];
        }
        var summaries = BenchmarkSwitcher.FromTypes([typeof(LocateBenchmarks)]).Run(rest);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
