namespace Quartermaster.Storage;

/// <summary>
/// Who runs a stress run, and until when without renewing: the instance that holds it keeps renewing it while the
/// run goes; once it lapses, another instance may take the run over (<see cref="IBookStore.ClaimStressRunAsync"/>).
/// </summary>
/// <param name="Holder">The holding instance's name, unique among the instances sharing the database.</param>
/// <param name="Until">When the lease lapses unless renewed.</param>
public sealed record StressRunLease(string Holder, DateTimeOffset Until);
