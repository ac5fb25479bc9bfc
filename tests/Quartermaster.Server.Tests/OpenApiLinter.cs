using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Quartermaster.Server.Tests;

/// <summary>
/// Redocly CLI, a standard OpenAPI linter, run with its recommended ruleset from <c>openapi-lint/</c> (the version is
/// pinned by its package-lock.json; <c>npm ci</c> installs it there on first use from the npm registry).
/// </summary>
public static class OpenApiLinter
{
    private static readonly SemaphoreSlim Install = new(1, 1);

    /// <summary>What the linter found in the document at <paramref name="file"/>.</summary>
    public sealed record Result(int Errors, int Warnings, string Report);

    public static async Task<Result> LintAsync(string file)
    {
        var folder = Path.Combine(Screenshots.Root, "tests", "Quartermaster.Server.Tests", "openapi-lint");
        var cli = Path.Combine(folder, "node_modules", "@redocly", "cli", "bin", "cli.js");
        await Install.WaitAsync();
        try
        {
            if (!File.Exists(cli))
            {
                var (code, output) = await RunAsync("npm", folder, "ci", "--no-audit", "--no-fund");
                Assert.True(code == 0, "npm ci in openapi-lint failed (the linter comes from the npm registry; node and npm from Debian):\n" + output);
            }
        }
        finally
        {
            Install.Release();
        }
        var (_, json) = await RunAsync("node", folder, cli, "lint", file, "--config", Path.Combine(folder, "redocly.yaml"), "--format", "json");
        var start = json.IndexOf('{', StringComparison.Ordinal);
        Assert.True(start >= 0, "the linter printed no JSON:\n" + json);
        var report = JsonNode.Parse(json[start..])!;
        var totals = report["totals"]!;
        var problems = string.Join('\n', report["problems"]!.AsArray().Select(p =>
            $"{p!["severity"]} {p["ruleId"]}: {p["message"]} at {string.Join(", ", p["location"]!.AsArray().Select(l => l!["pointer"]?.ToString()))}"));
        return new Result(totals["errors"]!.GetValue<int>(), totals["warnings"]!.GetValue<int>(), problems);
    }

    private static async Task<(int Code, string Output)> RunAsync(string program, string folder, params string[] args)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        // Offline and quiet: no usage telemetry, no update check.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(Wait.DefaultDeadline);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"waited {Wait.DefaultDeadline.TotalSeconds:F0} s for {program} {string.Join(' ', args)}");
        }
        // The JSON report is on stdout; the summary on stderr is for people.
        return (process.ExitCode, args.Contains("json") ? await stdout : await stdout + await stderr);
    }
}
