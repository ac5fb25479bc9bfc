using Microsoft.Playwright;

namespace Quartermaster.Testing;

/// <summary>axe-core (from the report's npm packages, web/package.json) run inside a page, as the browser tests' accessibility check.</summary>
public static class Accessibility
{
    private static string AxeScript => Path.Combine(Screenshots.Root, "src", "Quartermaster.Reports", "web", "node_modules", "axe-core", "axe.min.js");

    /// <summary>Every violation axe-core finds on <paramref name="page"/>, as "rule: target (impact)".</summary>
    public static async Task<string[]> ViolationsAsync(IPage page)
    {
        Assert.True(File.Exists(AxeScript), $"{AxeScript} is missing: build src/Quartermaster.Reports, which runs npm ci");
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = AxeScript });
        return await page.EvaluateAsync<string[]>("""
            async () => (await axe.run(document)).violations
              .flatMap(v => v.nodes.map(n => `${v.id}: ${n.target.join(' ')} (${v.impact})`))
            """);
    }
}
