namespace Quartermaster.Server;

/// <summary>Reports on the engine's own thread: <see cref="Progress{T}"/> would post to the thread pool and arrive late.</summary>
internal sealed class SynchronousProgress(Action<double> report) : IProgress<double>
{
    public void Report(double value) => report(value);
}
