using Quartermaster.Core;
using Quartermaster.Stress;

namespace Quartermaster.Analysis;

/// <summary>A stress run of a book together with the plan whose capacity it stressed.</summary>
/// <param name="Book">The book stressed.</param>
/// <param name="Plan">The plan that gave each contract its capacity.</param>
/// <param name="Result">The stress results.</param>
public sealed record PlannedStressRun(Book Book, Plan Plan, StressResult Result);
