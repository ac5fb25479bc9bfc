using System.Runtime.CompilerServices;

// The micro-benchmark times one month's progressive filling directly; tests stay on the public API.
[assembly: InternalsVisibleTo("Quartermaster.Bench")]
