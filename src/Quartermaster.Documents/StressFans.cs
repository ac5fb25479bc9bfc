namespace Quartermaster.Documents;

/// <summary>The monthly fans of a stress run.</summary>
/// <param name="Revenue">Revenue per month, US dollars.</param>
/// <param name="UsedMw">MW used per month.</param>
/// <param name="IdleMw">MW idle per month.</param>
public sealed record StressFans(FanChart Revenue, FanChart UsedMw, FanChart IdleMw);
