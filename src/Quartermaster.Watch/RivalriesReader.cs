using Quartermaster.Books;
using Quartermaster.Watch.Yaml;
using YamlDotNet.RepresentationModel;

namespace Quartermaster.Watch;

/// <summary>
/// Reads a rivalries file (YAML; docs/deals.md): <c>groups:</c>, a list of <c>{id, name, labs: [..]}</c>.
/// Strict: unknown keys, missing keys, empty or repeated labs and duplicate ids are errors with positions.
/// </summary>
public static class RivalriesReader
{
    /// <summary>The groups in the file at <paramref name="path"/>, or the errors that stop it being read.</summary>
    public static (IReadOnlyList<LabRivalryGroup> Groups, IReadOnlyList<BookError> Errors) ReadFile(string path)
    {
        var errors = new List<BookError>();
        return TextFile.Read(path, 1 << 20, "a rivalries file", errors) is { } text ? ReadText(text, path) : ([], errors);
    }

    /// <summary>The groups in <paramref name="text"/>; <paramref name="file"/> names it in errors.</summary>
    public static (IReadOnlyList<LabRivalryGroup> Groups, IReadOnlyList<BookError> Errors) ReadText(string text, string file)
    {
        var errors = new List<BookError>();
        var yaml = new YamlInput(file, errors);
        var groups = new List<LabRivalryGroup>();
        if (yaml.Load(text) is { } root && yaml.Mapping(root, "the rivalries file", "groups") is { } top
            && yaml.Get(top, "groups", "the rivalries file", required: true) is { } node && yaml.List(node, "'groups'") is { } list)
        {
            foreach (var item in list.Children)
            {
                if (ReadGroup(yaml, item) is not { } group)
                {
                    continue;
                }
                if (groups.Any(g => g.Id == group.Id))
                {
                    yaml.Error(item, $"duplicate group id '{group.Id}'");
                    continue;
                }
                groups.Add(group);
            }
        }
        return errors.Count == 0 ? (groups, []) : ([], [.. errors.OrderBy(e => e.Line).ThenBy(e => e.Column)]);
    }

    private static LabRivalryGroup? ReadGroup(YamlInput yaml, YamlNode item)
    {
        const string context = "a rivalry group";
        if (yaml.Mapping(item, context, "id", "name", "labs") is not { } group)
        {
            return null;
        }
        var id = yaml.Get(group, "id", context, true) is { } idNode ? yaml.Text(idNode, "'id'") : null;
        if (id is not null && !Ids.IsValid(id))
        {
            yaml.Error(group.Children[new YamlScalarNode("id")], $"'{id}' is not an id; expected {Ids.Form}");
            id = null;
        }
        var name = yaml.Get(group, "name", context, false) is { } nameNode ? yaml.Text(nameNode, "'name'") : id;
        var labs = new List<string>();
        if (yaml.Get(group, "labs", context, true) is { } labsNode && yaml.List(labsNode, "'labs'") is { } list)
        {
            foreach (var labNode in list.Children)
            {
                if (yaml.Text(labNode, "a lab") is not { } lab)
                {
                    return null;
                }
                if (labs.Contains(lab, StringComparer.OrdinalIgnoreCase))
                {
                    yaml.Error(labNode, $"'{lab}' is listed twice");
                    return null;
                }
                labs.Add(lab);
            }
            if (labs.Count < 2)
            {
                yaml.Error(labsNode, "a rivalry group needs at least two labs");
                return null;
            }
        }
        return id is null || name is null || labs.Count == 0 ? null : new LabRivalryGroup(id, name, labs);
    }
}
