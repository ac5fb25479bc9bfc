using Quartermaster.Books;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Quartermaster.Watch.Yaml;

/// <summary>
/// The small YAML files of Watch (rivalry groups, alert rules), read through YamlDotNet's node model so every
/// value keeps its line and column. Reading is strict in the style of books: unknown keys (with a suggestion),
/// missing keys and wrong shapes are <see cref="BookError"/>s at the node's position; nothing is coerced.
/// </summary>
internal sealed class YamlInput(string file, List<BookError> errors)
{
    /// <summary>The root of the single document in <paramref name="text"/>, or null when it is empty or broken (errors say why).</summary>
    public YamlNode? Load(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            errors.Add(new BookError(file, Math.Max(1, (int)e.Start.Line), Math.Max(1, (int)e.Start.Column), "invalid YAML: " + Describe(e)));
            return null;
        }
        if (stream.Documents.Count == 0)
        {
            errors.Add(new BookError(file, 1, 1, "the file is empty"));
            return null;
        }
        if (stream.Documents.Count > 1)
        {
            Error(stream.Documents[1].RootNode, "the file holds one YAML document; remove the second '---' document");
            return null;
        }
        return stream.Documents[0].RootNode;
    }

    /// <summary>
    /// The mapping <paramref name="node"/>, or null with an error when it is not one. Keys outside <paramref name="allowed"/>
    /// are errors, but the mapping is still returned so its other keys are checked too.
    /// </summary>
    public YamlMappingNode? Mapping(YamlNode node, string context, params string[] allowed)
    {
        if (node is not YamlMappingNode mapping)
        {
            Error(node, $"{context}: expected a mapping with keys {string.Join(", ", allowed)}");
            return null;
        }
        foreach (var key in mapping.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!allowed.Contains(name))
            {
                var suggestion = Suggestions.Closest(name, allowed);
                Error(key, $"unknown key '{name}' in {context}" + (suggestion is null ? "" : $" (did you mean '{suggestion}'?)") + $"; expected one of {string.Join(", ", allowed)}");
            }
        }
        return mapping;
    }

    /// <summary>The value under <paramref name="key"/>, or null (with an error when <paramref name="required"/>).</summary>
    public YamlNode? Get(YamlMappingNode mapping, string key, string context, bool required)
    {
        if (mapping.Children.TryGetValue(new YamlScalarNode(key), out var value))
        {
            return value;
        }
        if (required)
        {
            Error(mapping, $"missing key '{key}' in {context}");
        }
        return null;
    }

    /// <summary>A non-empty list, or null with an error.</summary>
    public YamlSequenceNode? List(YamlNode node, string context)
    {
        if (node is YamlSequenceNode { Children.Count: > 0 } list)
        {
            return list;
        }
        Error(node, $"{context}: expected a non-empty list");
        return null;
    }

    /// <summary>A non-empty plain text value, or null with an error.</summary>
    public string? Text(YamlNode node, string context)
    {
        if (node is YamlScalarNode { Value.Length: > 0 } scalar)
        {
            return scalar.Value.Trim();
        }
        Error(node, $"{context}: expected a text value");
        return null;
    }

    public void Error(YamlNode at, string message) =>
        errors.Add(new BookError(file, Math.Max(1, (int)at.Start.Line), Math.Max(1, (int)at.Start.Column), message));

    private static string Describe(YamlException e)
    {
        // YamlDotNet prefixes messages with its own "(Line: .., Col: ..)"; the position is ours to print.
        var message = e.InnerException?.Message ?? e.Message;
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return (cut >= 0 ? message[(cut + 3)..] : message).TrimEnd('.').Replace('\n', ' ').Replace('\r', ' ');
    }
}
