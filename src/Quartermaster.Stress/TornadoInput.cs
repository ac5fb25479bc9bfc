using Quartermaster.Core;

namespace Quartermaster.Stress;

/// <summary>A key input of the stress model that a tornado varies, with its step.</summary>
/// <param name="Name">The input, named after its book key, such as <c>boom.growth</c>.</param>
/// <param name="Label">The input as a person reads it, such as "Sector growth while booming".</param>
/// <param name="Step">The step as a person reads it, such as <c>±5 pp/yr</c>.</param>
/// <param name="Apply">Returns the book with the input moved one step in direction -1 (down) or +1 (up).</param>
public sealed record TornadoInput(string Name, string Label, string Step, Func<Book, int, Book> Apply);
