using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Quartermaster.Books;
using Quartermaster.Stress;

namespace Quartermaster.Bench;

/// <summary>
/// The numpy peer of <c>qm bench stress --peer numpy</c> (bench/peers/stress_numpy.py): the stress model as a
/// risk analyst would write it with numpy. It is given the book as YAML (written by <see cref="BookWriter"/>) and
/// the planned capacity per contract and month (the engine's <see cref="StressInput"/>, as CSV), runs in its own
/// Python process, and reports the same payoff statistics and its own CPU seconds (process and workers).
/// </summary>
internal static class NumpyPeer
{
    private static readonly PayoffLine[] Lines = [PayoffLine.Operating, PayoffLine.Stakes, PayoffLine.Total];

    /// <summary>What the peer reported: its run times and, per payoff line, its statistics.</summary>
    public sealed record Report(double WallSeconds, double CpuSeconds, string NumpyVersion, int Block, IReadOnlyDictionary<PayoffLine, LineFigures> Lines);

    /// <summary>Mean (USD) and its standard error, P5/P50/P95 with their order-statistic bounds, and P(loss) of one line.</summary>
    public sealed record LineFigures(double Mean, double StandardError, Quantile P5, Quantile P50, Quantile P95, double ProbabilityOfLoss);

    /// <summary>A percentile and the order statistics that bound it at 4 standard errors of a two-sample difference.</summary>
    public sealed record Quantile(double Value, double Low, double High);

    /// <summary>
    /// Runs the peer on <paramref name="input"/> with <paramref name="workers"/> processes (one per engine thread,
    /// so both use the same cores) and BLAS held to one thread per process; null with a message when it cannot run.
    /// </summary>
    /// <remarks>With <paramref name="keepIn"/> the book and capacity files are written there and kept, to rerun the peer alone.</remarks>
    public static Report? Run(StressInput input, int paths, ulong seed, int workers, int block, string python, string? keepIn, out string? problem)
    {
        problem = null;
        var script = FindScript();
        if (script is null)
        {
            problem = "bench/peers/stress_numpy.py not found above " + AppContext.BaseDirectory;
            return null;
        }
        var directory = keepIn is null ? Directory.CreateTempSubdirectory("qm-bench-peer-") : Directory.CreateDirectory(keepIn);
        try
        {
            var bookPath = Path.Combine(directory.FullName, "book.yaml");
            var capacityPath = Path.Combine(directory.FullName, "capacity.csv");
            BookWriter.WriteFile(input.Book, bookPath);
            File.WriteAllText(capacityPath, CapacityCsv(input), new UTF8Encoding(false));
            var start = new ProcessStartInfo(python)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
            {
                script, bookPath, capacityPath, "--paths", paths.ToString(CultureInfo.InvariantCulture), "--seed", seed.ToString(CultureInfo.InvariantCulture),
                "--workers", workers.ToString(CultureInfo.InvariantCulture), "--block", block.ToString(CultureInfo.InvariantCulture),
            })
            {
                start.ArgumentList.Add(argument);
            }
            // numpy's BLAS (used by the peer's matrix-vector products) would start its own threads; the peer gets
            // the engine's threads as worker processes instead, so both use the same cores.
            foreach (var variable in new[] { "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS" })
            {
                start.Environment[variable] = "1";
            }
            using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + python);
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                problem = $"{python} {script} exited with {process.ExitCode}: {stderr.Result.Trim()}";
                return null;
            }
            return Parse(stdout);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            problem = $"could not run {python}: {e.Message}";
            return null;
        }
        finally
        {
            if (keepIn is null)
            {
                directory.Delete(recursive: true);
            }
        }
    }

    /// <summary>
    /// Problems where the engine and the peer disagree by more than Monte Carlo error: means by more than 4 standard
    /// errors of the difference, an engine percentile outside the peer's order-statistic bounds, P(loss) by more than 4
    /// standard errors of a difference of proportions (plus one path in either run); empty when they agree.
    /// </summary>
    public static IReadOnlyList<string> Disagreements(StressResult engine, Report peer)
    {
        var problems = new List<string>();
        var n = engine.Paths;
        foreach (var line in Lines)
        {
            var e = engine.Payoff[line];
            var p = peer.Lines[line];
            var name = line.ToString().ToLowerInvariant();
            var meanBound = 4 * Math.Sqrt((e.StandardErrorUsd * e.StandardErrorUsd) + (p.StandardError * p.StandardError));
            if (Math.Abs(e.MeanUsd - p.Mean) > meanBound)
            {
                problems.Add(Invariant($"{name} mean: engine {e.MeanUsd / 1e9:F3} $B, numpy {p.Mean / 1e9:F3} $B, more than 4 standard errors ({meanBound / 1e9:F3} $B) apart"));
            }
            foreach (var (label, engineValue, quantile) in new[] { ("P5", e.P5Usd, p.P5), ("P50", e.P50Usd, p.P50), ("P95", e.P95Usd, p.P95) })
            {
                if (engineValue < quantile.Low || engineValue > quantile.High)
                {
                    problems.Add(Invariant($"{name} {label}: engine {engineValue / 1e9:F3} $B outside numpy's order-statistic bounds {quantile.Low / 1e9:F3} .. {quantile.High / 1e9:F3} $B"));
                }
            }
            var pooled = (e.ProbabilityOfLoss + p.ProbabilityOfLoss) / 2;
            var lossBound = (4 * Math.Sqrt(2 * pooled * (1 - pooled) / n)) + (2.0 / n);
            if (Math.Abs(e.ProbabilityOfLoss - p.ProbabilityOfLoss) > lossBound)
            {
                problems.Add(Invariant($"{name} P(loss): engine {e.ProbabilityOfLoss:P3}, numpy {p.ProbabilityOfLoss:P3}, more than {lossBound:P3} apart"));
            }
        }
        return problems;
    }

    // One row per contract in book order: its id, then the allocated MW of each horizon month (shortest round-trip text).
    private static string CapacityCsv(StressInput input)
    {
        var csv = new StringBuilder("contract");
        foreach (var month in input.Book.Horizon.Months())
        {
            csv.Append(',').Append(month);
        }
        csv.Append('\n');
        for (var c = 0; c < input.Book.Contracts.Count; c++)
        {
            csv.Append(input.Book.Contracts[c].Id);
            foreach (var mw in input.AllocatedMwByContract[c])
            {
                csv.Append(',').Append(mw.ToString("R", CultureInfo.InvariantCulture));
            }
            csv.Append('\n');
        }
        return csv.ToString();
    }

    private static Report Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var lines = new Dictionary<PayoffLine, LineFigures>();
        foreach (var line in Lines)
        {
            var figures = root.GetProperty("lines").GetProperty(line.ToString().ToLowerInvariant());
            lines[line] = new LineFigures(
                figures.GetProperty("mean").GetDouble(),
                figures.GetProperty("standard_error").GetDouble(),
                QuantileOf(figures, "p5"),
                QuantileOf(figures, "p50"),
                QuantileOf(figures, "p95"),
                figures.GetProperty("p_loss").GetDouble());
        }
        return new Report(root.GetProperty("wall_seconds").GetDouble(), root.GetProperty("cpu_seconds").GetDouble(),
            root.GetProperty("numpy").GetString() ?? "?", root.GetProperty("block").GetInt32(), lines);

        static Quantile QuantileOf(JsonElement figures, string name) =>
            new(figures.GetProperty(name).GetDouble(), figures.GetProperty(name + "_low").GetDouble(), figures.GetProperty(name + "_high").GetDouble());
    }

    // The script sits in bench/peers of the checkout the benchmark was built from: walk up from the binary, then
    // from the working directory (a build with -o elsewhere, run from the checkout).
    private static string? FindScript()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "bench", "peers", "stress_numpy.py");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        return null;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
