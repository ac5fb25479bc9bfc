using System.Reflection;

namespace Quartermaster.Reports;

/// <summary>The web assets embedded in this assembly: Apache ECharts, the chart module and the report template.</summary>
public static class ReportAssets
{
    /// <summary>Apache ECharts (echarts.min.js, from npm).</summary>
    public static string ECharts => Read("echarts.min.js");

    /// <summary>The chart module shared by the report and the dashboard (charts.js).</summary>
    public static string Charts => Read("charts.js");

    internal static string ReportTemplate => Read("report.html");

    private static string Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded asset {name} is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
