using Quartermaster.Core;

namespace Quartermaster.Storage;

/// <summary>A book version with its exact YAML text, which reads back to <see cref="Book"/>.</summary>
/// <param name="Version">The version's metadata.</param>
/// <param name="Yaml">The YAML text as stored (written by <c>BookWriter</c>); exporting returns it unchanged.</param>
/// <param name="Book">The book read from <paramref name="Yaml"/>.</param>
public sealed record StoredBook(BookVersion Version, string Yaml, Book Book);
