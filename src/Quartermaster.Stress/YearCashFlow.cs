namespace Quartermaster.Stress;

/// <summary>The operating book's cash in one calendar year of the horizon: revenue less opex and capex, undiscounted.</summary>
/// <param name="Year">The calendar year.</param>
/// <param name="Months">Months of the horizon in that year (12 except perhaps the first and last).</param>
/// <param name="Cash">Operating cash in the year.</param>
/// <param name="Cumulative">Operating cash from the horizon's start to the end of the year.</param>
public sealed record YearCashFlow(int Year, int Months, CashBand Cash, CashBand Cumulative);
