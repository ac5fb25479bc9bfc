using System.Text.Json;
using System.Text.Json.Nodes;

namespace Quartermaster.Cli.Tests;

/// <summary>
/// Maps a document written before or after the field renames of docs/schemas/CHANGES.md to one form, so golden files
/// recorded by either version compare number for number.
/// </summary>
internal static class Canonical
{
    /// <summary>Old name to new name, wherever the key appears (stress, audit).</summary>
    private static readonly Dictionary<string, string> Renames = new(StringComparer.Ordinal)
    {
        ["tenant"] = "tenant_id",
        ["top_tenant"] = "top_tenant_id",
        ["rivalry_groups"] = "rivalry_group_ids",
        ["leaders"] = "leader_ids",
        ["contracts"] = "contract_ids",
    };

    /// <summary>Keys renamed to the new names, <c>schema_version</c> dropped.</summary>
    public static JsonNode Renamed(JsonNode node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Where(p => p.Key != "schema_version")
            .Select(p => KeyValuePair.Create(Renames.GetValueOrDefault(p.Key, p.Key), p.Value is null ? null : Renamed(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(n => n is null ? null : Renamed(n))]),
        _ => node.DeepClone(),
    };

    /// <summary>
    /// The numbers of a plan: fills, idle and shortfalls row by row, and allocations summed per contract, site and month
    /// (the old document summed chip pools; the new one lists them).
    /// </summary>
    public static JsonNode Plan(JsonNode plan)
    {
        var fills = plan["fills"] ?? plan["fill"]!;
        var allocations = new Dictionary<(string Contract, string Site, string Month), double>();
        var order = new List<(string, string, string)>();
        foreach (var row in plan["allocations"]!.AsArray())
        {
            var key = (Id(row!, "contract"), Id(row!, "site"), Text(row!, "month"));
            if (!allocations.TryGetValue(key, out var sum))
            {
                order.Add(key);
            }
            // Summed in document order, as the old document summed chip pools in plan order: the same doubles.
            allocations[key] = sum + row!["mw"]!.GetValue<double>();
        }
        return new JsonObject
        {
            ["policy"] = Text(plan, "policy"),
            ["months"] = plan["months"]!.DeepClone(),
            ["allocations"] = new JsonArray([.. order.Select(k => new JsonObject
            {
                ["contract_id"] = k.Item1, ["site_id"] = k.Item2, ["month"] = k.Item3, ["mw"] = allocations[k],
            })]),
            ["fills"] = new JsonArray([.. fills.AsArray().Select(f => new JsonObject
            {
                ["contract_id"] = Id(f!, "contract"), ["tenant_id"] = Id(f!, "tenant"), ["month"] = Text(f!, "month"),
                ["committed_mw"] = Copy(f!, "committed_mw"), ["allocated_mw"] = Copy(f!, "allocated_mw"), ["fill_ratio"] = Copy(f!, "fill_ratio"),
            })]),
            ["idle"] = new JsonArray([.. plan["idle"]!.AsArray().Select(i => new JsonObject
            {
                ["site_id"] = Id(i!, "site"), ["month"] = Text(i!, "month"),
                ["online_mw"] = Copy(i!, "online_mw"), ["allocated_mw"] = Copy(i!, "allocated_mw"), ["idle_mw"] = Copy(i!, "idle_mw"),
            })]),
            ["shortfalls"] = new JsonArray([.. plan["shortfalls"]!.AsArray().Select(s => new JsonObject
            {
                ["contract_id"] = Id(s!, "contract"), ["tenant_id"] = Id(s!, "tenant"), ["month"] = Text(s!, "month"),
                ["short_mw"] = Copy(s!, "short_mw"), ["saturated_sites"] = s!["saturated_sites"]!.DeepClone(),
                // Old: "site/chip" strings; new: {site_id, chip} objects.
                ["saturated_pools"] = new JsonArray([.. s["saturated_pools"]!.AsArray().Select(p => (JsonNode)JsonValue.Create(
                    p is JsonObject pool ? $"{Text(pool, "site_id")}/{Text(pool, "chip")}" : p!.GetValue<string>()))]),
            })]),
        };
    }

    /// <summary>A show document with its capacity in the new shape (nested, a list by tenant) and the new names.</summary>
    public static JsonNode Show(JsonNode show)
    {
        var capacity = show["capacity"] ?? new JsonObject
        {
            ["months"] = show["months"]!.DeepClone(),
            ["online_mw"] = show["online_mw"]!.DeepClone(),
            ["committed_mw"] = show["committed_mw"]!.DeepClone(),
            ["committed_mw_by_tenant"] = new JsonArray([.. show["committed_mw_by_tenant"]!.AsObject()
                .Select(t => new JsonObject { ["tenant_id"] = t.Key, ["mw"] = t.Value!.DeepClone() })]),
            ["first_shortage_month"] = show["first_shortage_month"]?.DeepClone(),
        };
        return new JsonObject
        {
            ["book_id"] = Text(show, show["book_id"] is null ? "book" : "book_id"),
            ["provider"] = Text(show, "provider"),
            ["horizon"] = new JsonObject { ["start"] = Text(show["horizon"]!, "start"), ["end"] = Text(show["horizon"]!, "end") },
            ["sites"] = show["sites"]!.DeepClone(),
            ["tenants"] = new JsonArray([.. show["tenants"]!.AsArray().Select(t => new JsonObject
            {
                ["id"] = Text(t!, "id"), ["name"] = Text(t!, "name"),
                ["rivalry_group_id"] = (t!["rivalry_group_id"] ?? t["rivalry_group"])?.DeepClone(),
            })]),
            ["capacity"] = capacity.DeepClone(),
        };
    }

    /// <summary>Where two documents first differ (numbers compared as doubles, exactly), or null when they are the same.</summary>
    public static string? FirstDifference(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected, actual)
        {
            case (null, null):
                return null;
            case (JsonObject e, JsonObject a):
                foreach (var key in e.Select(p => p.Key).Union(a.Select(p => p.Key)))
                {
                    if (!e.ContainsKey(key) || !a.ContainsKey(key))
                    {
                        return $"{path}.{key} (present in only one of them)";
                    }
                    if (FirstDifference(e[key], a[key], $"{path}.{key}") is { } inner)
                    {
                        return inner;
                    }
                }
                return null;
            case (JsonArray e, JsonArray a):
                if (e.Count != a.Count)
                {
                    return $"{path} ({e.Count} items expected, {a.Count} found)";
                }
                for (var i = 0; i < e.Count; i++)
                {
                    if (FirstDifference(e[i], a[i], $"{path}[{i}]") is { } inner)
                    {
                        return inner;
                    }
                }
                return null;
            case (JsonValue e, JsonValue a) when e.GetValueKind() == JsonValueKind.Number && a.GetValueKind() == JsonValueKind.Number:
                return e.GetValue<double>() == a.GetValue<double>() ? null : $"{path} ({e.GetValue<double>():R} expected, {a.GetValue<double>():R} found)";
            default:
                return JsonNode.DeepEquals(expected, actual) ? null : $"{path} ({expected?.ToJsonString()} expected, {actual?.ToJsonString()} found)";
        }
    }

    private static string Id(JsonNode row, string entity) => (row[entity + "_id"] ?? row[entity])!.GetValue<string>();

    private static string Text(JsonNode row, string name) => row[name]!.GetValue<string>();

    private static JsonNode Copy(JsonNode row, string name) => row[name]!.DeepClone();
}
