namespace Quartermaster.Documents;

/// <summary>The result of a stress run the server ran: the summary <c>qm stress --json</c> prints, and the dashboard's chart data.</summary>
/// <param name="Summary">The stress document of the run.</param>
/// <param name="Charts">The histogram and fans the dashboard draws (no tornado).</param>
public sealed record StressRunResult(StressDocument Summary, StressChartData Charts);
