using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Quartermaster.Documents;

/// <summary>
/// Reads the XML documentation the compiler writes next to each assembly (<c>Quartermaster.Documents.xml</c> and its
/// neighbours), so a schema's descriptions are the doc comments of the records, never a second copy of them.
/// </summary>
internal static partial class XmlDocs
{
    private static readonly ConcurrentDictionary<Assembly, IReadOnlyDictionary<string, XElement>> Files = new();

    /// <summary>The summary of <paramref name="type"/>, as one line of plain text; null when it has none.</summary>
    public static string? OfType(Type type) => Member(type, "T:" + Name(type)) is { } member ? Text(member.Element("summary")) : null;

    /// <summary>
    /// The doc of a property: its own summary, or for a positional record the <c>param</c> tag of the type that declares it.
    /// </summary>
    public static string? OfProperty(Type declaringType, string propertyName)
    {
        if (Member(declaringType, $"P:{Name(declaringType)}.{propertyName}") is { } property && Text(property.Element("summary")) is { } summary)
        {
            return summary;
        }
        return Member(declaringType, "T:" + Name(declaringType))?.Elements("param")
            .FirstOrDefault(p => (string?)p.Attribute("name") == propertyName) is { } param ? Text(param) : null;
    }

    private static XElement? Member(Type type, string key)
    {
        var members = Files.GetOrAdd(type.Assembly, Load);
        return members.GetValueOrDefault(key);
    }

    private static IReadOnlyDictionary<string, XElement> Load(Assembly assembly)
    {
        var path = Path.ChangeExtension(assembly.Location, ".xml");
        if (!File.Exists(path))
        {
            // Every library project generates its documentation file; without it a schema would lose its descriptions.
            throw new FileNotFoundException($"the XML documentation of {assembly.GetName().Name} is missing; schemas take their descriptions from it", path);
        }
        return XDocument.Load(path).Descendants("member")
            .Where(m => m.Attribute("name") is not null)
            .GroupBy(m => (string)m.Attribute("name")!)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    /// <summary>Documentation name of a type: namespace and nesting with dots, generic arity kept (<c>ValueList`1</c>).</summary>
    private static string Name(Type type) => (type.IsGenericType ? type.GetGenericTypeDefinition() : type).FullName!.Replace('+', '.');

    /// <summary>The text of a doc element: <c>see</c> and <c>paramref</c> become the names they point to, whitespace is collapsed.</summary>
    private static string? Text(XElement? element)
    {
        if (element is null)
        {
            return null;
        }
        var text = new StringBuilder();
        foreach (var node in element.Nodes())
        {
            text.Append(node switch
            {
                XText t => t.Value,
                XElement { Name.LocalName: "see" or "seealso" } see => see.Attribute("langword")?.Value ?? ShortName((string?)see.Attribute("cref") ?? see.Value),
                XElement { Name.LocalName: "paramref" or "typeparamref" } reference => (string?)reference.Attribute("name") ?? "",
                XElement other => Text(other),
                _ => "",
            });
        }
        var result = Whitespace().Replace(text.ToString(), " ").Trim();
        return result.Length == 0 ? null : result;
    }

    /// <summary><c>P:Quartermaster.Stress.StressResult.RivalryGroups</c> reads as <c>RivalryGroups</c>.</summary>
    private static string ShortName(string cref)
    {
        var name = cref.Contains(':', StringComparison.Ordinal) ? cref[(cref.IndexOf(':', StringComparison.Ordinal) + 1)..] : cref;
        name = name.Split('(')[0];
        return name[(name.LastIndexOf('.') + 1)..].Split('`')[0];
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
