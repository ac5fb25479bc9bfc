using Quartermaster.Books;

namespace Quartermaster.Interop;

/// <summary>
/// Where each part of an imported book came from (sheet, row), so that an error <see cref="BookReader"/> finds in the
/// YAML written from it can name the cell instead. A line of that YAML is placed by its indentation, which
/// <see cref="BookWriter"/> fixes: a section, the n-th item of the section, the item's key, and a key inside it.
/// </summary>
internal sealed class BookCells
{
    public Dictionary<string, (SheetReader Reader, InputRow Row)> Settings { get; } = new(StringComparer.Ordinal);

    public List<(SheetReader Reader, InputRow Row)> Sites { get; } = [];

    public Dictionary<string, Dictionary<string, (SheetReader, InputRow)>> ChipPools { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Dictionary<string, (SheetReader, InputRow)>> Online { get; } = new(StringComparer.Ordinal);

    public List<(SheetReader Reader, InputRow Row)> Groups { get; } = [];

    public List<(SheetReader Reader, InputRow Row)> Tenants { get; } = [];

    public List<(SheetReader Reader, InputRow Row)> Contracts { get; } = [];

    public Dictionary<string, Dictionary<string, (SheetReader, InputRow)>> Ramps { get; } = new(StringComparer.Ordinal);

    public List<(SheetReader Reader, InputRow Row)> Investments { get; } = [];

    /// <summary>The error <paramref name="error"/> of <paramref name="yaml"/> as an error on the cell its line was written from.</summary>
    public ImportError Locate(string yaml, BookError error)
    {
        var lines = yaml.Split('\n');
        var place = Place(lines, error.Line);
        var text = error.Line >= 1 && error.Line <= lines.Length ? lines[error.Line - 1] : "";
        return Cell(place, text, error.Column) is { } cell
            ? new ImportError(cell.Reader.Name, cell.Reader.CellOf(cell.Row, cell.Column) ?? "A" + cell.Row.Number, error.Message)
            : new ImportError("", null, error.Message);
    }

    private (SheetReader Reader, InputRow Row, string Column)? Cell(YamlPlace place, string line, int column)
    {
        switch (place.Section)
        {
            case "book" or "provider":
                return Setting(place.Section);
            case "horizon":
                return Setting(column > line.IndexOf("end:", StringComparison.Ordinal) ? "horizon end" : "horizon start");
            case "scenario" when place.Key is "boom" or "cooling":
                return Setting(place.Key + (column > line.IndexOf("volatility:", StringComparison.Ordinal) ? " volatility" : " growth"));
            case "scenario" when place.Key is not null:
                return Setting(place.Key.Replace('_', ' '));
            case "sites" when Item(Sites, place) is { } site:
                var siteId = Id(site);
                return place.Key switch
                {
                    "chips" => Owned(ChipPools, siteId, ChipAt(line, column), "share") ?? (site.Reader, site.Row, "id"),
                    "online" => Owned(Online, siteId, place.Sub, StepColumn(line, column, "online")) ?? (site.Reader, site.Row, "id"),
                    _ => (site.Reader, site.Row, Column(place.Key)),
                };
            case "rivalry_groups" when Item(Groups, place) is { } group:
                return (group.Reader, group.Row, Column(place.Key));
            case "tenants" when Item(Tenants, place) is { } tenant:
                return (tenant.Reader, tenant.Row, place.Key == "risk" ? Column(place.Sub ?? "initial_share") : Column(place.Key));
            case "contracts" when Item(Contracts, place) is { } contract:
                return place.Key == "ramp"
                    ? Owned(Ramps, Id(contract), place.Sub, StepColumn(line, column, "committed")) ?? (contract.Reader, contract.Row, "id")
                    : (contract.Reader, contract.Row, Column(place.Key));
            case "investments" when Item(Investments, place) is { } investment:
                return (investment.Reader, investment.Row, Column(place.Key));
            default:
                return null;
        }
    }

    private (SheetReader, InputRow, string)? Setting(string name) =>
        Settings.TryGetValue(name, out var origin) ? (origin.Reader, origin.Row, "value") : null;

    private static (SheetReader Reader, InputRow Row)? Item(List<(SheetReader Reader, InputRow Row)> items, YamlPlace place) =>
        place.Item >= 0 && place.Item < items.Count ? items[place.Item] : null;

    private static string Id((SheetReader Reader, InputRow Row) item) => item.Reader.Id(item.Row, "id", false) ?? "";

    /// <summary>The row of an owned step (a pool, an online step, a ramp step) by its key, else the owner's first.</summary>
    private static (SheetReader, InputRow, string)? Owned(Dictionary<string, Dictionary<string, (SheetReader, InputRow)>> rows, string owner, string? key, string column)
    {
        if (!rows.TryGetValue(owner, out var byKey) || byKey.Count == 0)
        {
            return null;
        }
        var (reader, row) = key is not null && byKey.TryGetValue(key, out var exact) ? exact : byKey.Values.First();
        return (reader, row, column);
    }

    /// <summary>The chip of the entry at <paramref name="column"/> in a line <c>chips: {a: 70%, b: 30%}</c>, or null before the first.</summary>
    private static string? ChipAt(string line, int column)
    {
        string? chip = null;
        var open = line.IndexOf('{', StringComparison.Ordinal);
        if (open < 0)
        {
            return null;
        }
        foreach (var entry in line[(open + 1)..].TrimEnd('}').Split(", "))
        {
            var at = line.IndexOf(entry, StringComparison.Ordinal);
            if (at + 1 <= column)
            {
                chip = entry.Split(':')[0];
            }
        }
        return chip;
    }

    /// <summary>In a step line <c>      2026-01: 500 MW</c>, an error at the month is on the <c>from</c> column, else on the value's.</summary>
    private static string StepColumn(string line, int column, string valueColumn) =>
        column <= line.IndexOf(':', StringComparison.Ordinal) ? "from" : valueColumn;

    /// <summary>The sheet column of a YAML key: <c>take_or_pay</c> is <c>take or pay</c>.</summary>
    private static string Column(string? key) => key?.Replace('_', ' ') ?? "id";

    private static YamlPlace Place(string[] lines, int target)
    {
        var place = new YamlPlace("", -1, null, null);
        string? itemKey = null;
        for (var i = 0; i < Math.Min(target, lines.Length); i++)
        {
            var line = lines[i].TrimEnd('\r');
            var content = line.TrimStart(' ');
            if (content.Length == 0)
            {
                continue;
            }
            var indent = line.Length - content.Length;
            var item = place.Item;
            if (content.StartsWith("- ", StringComparison.Ordinal))
            {
                item++;
                content = content[2..];
                indent += 2;
            }
            var key = content.Split(':')[0];
            if (indent == 0)
            {
                place = new YamlPlace(key, -1, null, null);
            }
            else if (indent <= 2)
            {
                place = place with { Key = key, Sub = null };
            }
            else if (indent == 4)
            {
                itemKey = key;
                place = place with { Item = item, Key = key, Sub = null };
            }
            else
            {
                place = place with { Item = item, Key = itemKey, Sub = key };
            }
        }
        return place;
    }

    private sealed record YamlPlace(string Section, int Item, string? Key, string? Sub);
}
