using System.Reflection;
using System.Text;
using Quartermaster.Reports;

namespace Quartermaster.Server;

/// <summary>
/// Serves the dashboard at <c>/</c>: one page and four scripts (Apache ECharts and the chart module
/// from the report assembly, the dashboard's own script and its What-if panel). They hold no data: every number is fetched
/// from the API with the signed-in key, so the API's isolation is the dashboard's isolation.
/// </summary>
internal static class DashboardPages
{
    public static WebApplication MapDashboard(this WebApplication app)
    {
        var page = Asset(Resource("dashboard/index.html"), "text/html; charset=utf-8");
        var scripts = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["echarts.min.js"] = Encoding.UTF8.GetBytes(ReportAssets.ECharts),
            ["charts.js"] = Encoding.UTF8.GetBytes(ReportAssets.Charts),
            ["dashboard.js"] = Encoding.UTF8.GetBytes(Resource("dashboard/dashboard.js")),
            ["whatif.js"] = Encoding.UTF8.GetBytes(Resource("dashboard/whatif.js")),
        };
        app.MapGet("/", () => page).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/assets/{name}", (string name) => scripts.TryGetValue(name, out var bytes)
                ? TypedResults.Bytes(bytes, "text/javascript; charset=utf-8")
                : Results.NotFound())
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.FileContentHttpResult Asset(string text, string contentType) => TypedResults.Bytes(Encoding.UTF8.GetBytes(text), contentType);

    private static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded dashboard asset {name} is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
