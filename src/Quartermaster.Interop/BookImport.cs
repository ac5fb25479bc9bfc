using System.Globalization;
using Quartermaster.Books;
using Quartermaster.Core;

namespace Quartermaster.Interop;

/// <summary>
/// Builds a book from the sheets of <see cref="BookColumns"/> (a workbook from <c>qm template</c> or <c>qm export</c>, or a
/// folder of their CSV files). Values are checked cell by cell first; then the book is written by <see cref="BookWriter"/>
/// and read back by <see cref="BookReader"/>, so an imported book passes exactly the checks a YAML book does, and each
/// of those errors is mapped back to the cell it came from. Every error is reported at once. Other sheets are ignored.
/// </summary>
public static class BookImport
{
    /// <summary>Imports the book in the xlsx workbook at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not an xlsx workbook.</exception>
    public static ImportResult ReadWorkbook(string path) => Read(XlsxReader.ReadFile(path), path);

    /// <summary>Imports the book in the CSV files (<c>book.csv</c>, <c>sites.csv</c>, ...) of <paramref name="folder"/>.</summary>
    public static ImportResult ReadFolder(string folder) => Read(CsvTables.ReadFolder(folder), folder);

    /// <summary>Imports the book in <paramref name="sheets"/>; <paramref name="source"/> names them in YAML errors that map to no cell.</summary>
    public static ImportResult Read(IReadOnlyList<InputSheet> sheets, string source)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        var errors = new List<ImportError>();
        var cells = new BookCells();
        var book = new Builder(sheets, errors, cells).Build();
        if (book is null || errors.Count > 0)
        {
            return new ImportResult(null, null, Sorted(errors));
        }
        var yaml = BookWriter.Write(book);
        var read = BookReader.ReadText(yaml, source);
        if (!read.IsValid)
        {
            return new ImportResult(null, null, Sorted(read.Errors.Select(e => cells.Locate(yaml, e))));
        }
        return new ImportResult(read.Book, yaml, []);
    }

    /// <summary>Errors in workbook order: sheet by sheet (book part order), then row by row, column by column.</summary>
    private static List<ImportError> Sorted(IEnumerable<ImportError> errors) =>
        [.. errors.Select((e, i) => (Error: e, Index: i))
            .OrderBy(e => SheetOrder(e.Error.Sheet))
            .ThenBy(e => CellOrder(e.Error.Cell).Row).ThenBy(e => CellOrder(e.Error.Cell).Column).ThenBy(e => e.Index)
            .Select(e => e.Error)];

    private static int SheetOrder(string sheet)
    {
        for (var i = 0; i < BookColumns.SheetNames.Count; i++)
        {
            if (BookColumns.SheetNames[i] == sheet)
            {
                return i;
            }
        }
        return sheet.Length == 0 ? -1 : int.MaxValue;
    }

    private static (int Row, int Column) CellOrder(string? cell)
    {
        if (cell is null)
        {
            return (0, 0);
        }
        var letters = cell.TakeWhile(char.IsAsciiLetterUpper).ToArray();
        var column = letters.Aggregate(0, (n, c) => (n * 26) + (c - 'A' + 1));
        return (int.TryParse(cell.AsSpan(letters.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var row) ? row : 0, column);
    }

    private sealed class Builder(IReadOnlyList<InputSheet> sheets, List<ImportError> errors, BookCells cells)
    {
        public Book? Build()
        {
            var draft = new BookDraft();
            if (Sheet(BookColumns.Book) is { } bookSheet)
            {
                ReadSettings(bookSheet, BookSettings.Book, draft, required: true);
            }
            else
            {
                errors.Add(new ImportError("", null, $"no sheet '{BookColumns.Book}' (the book's id, provider and horizon); sheets found: {string.Join(", ", sheets.Select(s => s.Name))}"));
            }
            if (Sheet(BookColumns.Scenario) is { } scenario)
            {
                ReadSettings(scenario, BookSettings.Scenario, draft, required: false);
            }
            var sites = ReadSites();
            var groups = ReadAll(BookColumns.RivalryGroups, BookColumns.GroupColumns, cells.Groups, (s, row) =>
            {
                var id = s.Id(row, "id", true);
                return id is null ? null : new RivalryGroup(id, s.Text(row, "name", false) ?? id);
            });
            var tenants = ReadAll(BookColumns.Tenants, BookColumns.TenantColumns, cells.Tenants, ReadTenant);
            var contracts = ReadContracts();
            var investments = ReadAll(BookColumns.Investments, BookColumns.InvestmentColumns, cells.Investments, (s, row) =>
            {
                var id = s.Id(row, "id", true);
                var tenant = s.Id(row, "tenant", true);
                var amount = s.Number(row, "amount", true);
                var ownership = s.Number(row, "ownership", true);
                var valuation = s.Number(row, "valuation", true);
                var beta = s.Number(row, "beta", false);
                var date = s.Month(row, "date", false);
                var cap = s.Number(row, "valuation cap", false);
                var capOk = cap is not null || s.Text(row, "valuation cap", false) is null;
                return id is null || tenant is null || amount is null || ownership is null || valuation is null || !capOk ? null
                    : new Investment(id, tenant, amount.Value, ownership.Value, valuation.Value, beta ?? 1, date, cap ?? Investment.DefaultValuationCapUsd);
            });
            if (draft.Id is null || draft.Provider is null || draft.HorizonStart is null || draft.HorizonEnd is null)
            {
                return null;
            }
            return new Book(draft.Id, draft.Provider, new Horizon(draft.HorizonStart.Value, draft.HorizonEnd.Value), sites.ToValueList(),
                groups.ToValueList(), tenants.ToValueList(), contracts.ToValueList(), investments.ToValueList(), draft.Scenario);
        }

        /// <summary>
        /// The ids in the <c>id</c> column of sheet <paramref name="name"/>, including rows that failed to read, so rows that
        /// belong to a row with a mistake (its pools, its ramp) are not reported a second time as belonging to nothing.
        /// </summary>
        private List<string> Declared(string name, IReadOnlyList<SheetColumn> columns)
        {
            if (Sheet(name) is not { } sheet)
            {
                return [];
            }
            var reader = new SheetReader(sheet, columns, []);
            return [.. reader.Rows.Select(r => reader.Text(r, "id", false)?.Trim()).OfType<string>()];
        }

        private InputSheet? Sheet(string name) => sheets.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

        private void ReadSettings(InputSheet sheet, IReadOnlyList<BookSetting> settings, BookDraft draft, bool required)
        {
            var reader = new SheetReader(sheet, BookColumns.Settings, errors);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var row in reader.Rows)
            {
                var name = reader.Text(row, "setting", true)?.Trim();
                if (name is null)
                {
                    continue;
                }
                var setting = settings.FirstOrDefault(s => string.Equals(s.Name, name.Replace('_', ' '), StringComparison.OrdinalIgnoreCase));
                if (setting is null)
                {
                    var close = Suggestions.Closest(name, settings.Select(s => s.Name)) is { } c ? $" (did you mean '{c}'?)" : "";
                    reader.Error(row, "setting", $"unknown setting '{name}'{close}; expected one of: {string.Join(", ", settings.Select(s => s.Name))}");
                    continue;
                }
                if (!seen.Add(setting.Name))
                {
                    reader.Error(row, "setting", $"setting '{setting.Name}' appears twice (first in row {cells.Settings[setting.Name].Row.Number})");
                    continue;
                }
                cells.Settings[setting.Name] = (reader, row);
                if (reader.Text(row, "unit", false)?.Trim() is { } unit && !string.Equals(unit, setting.Unit ?? "", StringComparison.OrdinalIgnoreCase))
                {
                    reader.Error(row, "unit", setting.Unit is null ? $"'{setting.Name}' has no unit; leave the cell empty" : $"the value of '{setting.Name}' is in {setting.Unit}, not '{unit}'");
                    continue;
                }
                if (Value(reader, row, setting) is { } value)
                {
                    setting.Set(draft, value);
                }
            }
            if (required)
            {
                foreach (var missing in settings.Where(s => !seen.Contains(s.Name)))
                {
                    errors.Add(new ImportError(sheet.Name, null, $"no row for '{missing.Name}' (column A names the setting, column B holds its value)"));
                }
            }
        }

        private static object? Value(SheetReader reader, InputRow row, BookSetting setting)
        {
            var required = setting.Kind is SettingKind.Id or SettingKind.Text or SettingKind.Month;
            switch (setting.Kind)
            {
                case SettingKind.Id:
                    return reader.Id(row, "value", required);
                case SettingKind.Text:
                    return reader.Text(row, "value", required);
                case SettingKind.Month:
                    return reader.Month(row, "value", required);
                case SettingKind.WholeNumber:
                    return reader.WholeNumber(row, "value", false, 1, BookLimits.MaxPaths) is { } n ? (int)n : null;
                case SettingKind.Rate:
                    return reader.Rate(row, "value", "period", false);
                case SettingKind.Word:
                    return reader.Word(row, "value", false, setting.Words!);
                case SettingKind.Number:
                    return reader.Number(row, "value", false);
                case SettingKind.Seed:
                    var text = reader.Text(row, "value", false)?.Trim();
                    if (text is null)
                    {
                        return null;
                    }
                    if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seed))
                    {
                        return seed;
                    }
                    reader.Error(row, "value", $"expected a seed: a whole number from 0 to {ulong.MaxValue}, got '{text}'");
                    return null;
                default:
                    throw new InvalidOperationException($"setting kind {setting.Kind}");
            }
        }

        /// <summary>
        /// <paramref name="build"/>'s value, or default when the model refuses a value (a negative price, an end before
        /// the start): the cells were numbers, so the model's own check names the cell and what it expects.
        /// </summary>
        private static T? Guarded<T>(SheetReader reader, InputRow row, Func<T> build)
        {
            try
            {
                return build();
            }
            catch (ArgumentOutOfRangeException invalid)
            {
                var column = ModelColumns.GetValueOrDefault(invalid.ParamName ?? "", []).FirstOrDefault(reader.Has);
                var message = $"{invalid.ActualValue} {invalid.Message.Split(" (Parameter", 2)[0]}";
                if (column is null)
                {
                    reader.RowError(row, message);
                }
                else
                {
                    reader.Error(row, column, message);
                }
                return default;
            }
        }

        /// <summary>The columns that hold each model value a constructor checks, by its parameter name.</summary>
        private static readonly Dictionary<string, string[]> ModelColumns = new(StringComparer.Ordinal)
        {
            ["Halls"] = ["halls"],
            ["CapexPerMwUsd"] = ["capex"],
            ["OpexPerMwMonthUsd"] = ["opex"],
            ["ItCapexPerMwUsd"] = ["it capex"],
            ["ItRefreshYears"] = ["refresh years"],
            ["FacilityLifeYears"] = ["facility life years"],
            ["ShareFraction"] = ["share"],
            ["Mw"] = ["online", "committed"],
            ["End"] = ["end"],
            ["PricePerMwMonthUsd"] = ["price"],
            ["TakeOrPayFraction"] = ["take or pay"],
            ["Weight"] = ["weight"],
        };

        private List<T> ReadAll<T>(string name, IReadOnlyList<SheetColumn> columns, List<(SheetReader, InputRow)> origins, Func<SheetReader, InputRow, T?> read)
            where T : class
        {
            var items = new List<T>();
            if (Sheet(name) is not { } sheet)
            {
                return items;
            }
            var reader = new SheetReader(sheet, columns, errors);
            foreach (var row in reader.Rows)
            {
                if (Guarded(reader, row, () => read(reader, row)) is { } item)
                {
                    items.Add(item);
                    origins.Add((reader, row));
                }
            }
            return items;
        }

        private List<Site> ReadSites()
        {
            var drafts = ReadAll(BookColumns.Sites, BookColumns.SiteColumns, cells.Sites, (s, row) =>
            {
                var id = s.Id(row, "id", true);
                var region = s.Id(row, "region", true);
                var halls = s.WholeNumber(row, "halls", false, 1, BookLimits.MaxHalls);
                var capex = s.Number(row, "capex", true);
                var opex = s.Number(row, "opex", true);
                var itCapex = s.Number(row, "it capex", false);
                var refresh = s.Number(row, "refresh years", false);
                var life = s.Number(row, "facility life years", false);
                var hallsOk = halls is not null || s.Text(row, "halls", false) is null;
                var optionalOk = (itCapex is not null || s.Text(row, "it capex", false) is null) && (refresh is not null || s.Text(row, "refresh years", false) is null)
                    && (life is not null || s.Text(row, "facility life years", false) is null);
                return id is null || region is null || !hallsOk || !optionalOk || capex is null || opex is null ? null
                    : new Site(id, region, (int)(halls ?? 1), capex.Value, opex.Value, ValueList<ChipPool>.Empty, ValueList<MwStep>.Empty,
                        itCapex ?? 0, refresh ?? Site.DefaultItRefreshYears, life ?? Site.DefaultFacilityLifeYears);
            });
            var ids = Declared(BookColumns.Sites, BookColumns.SiteColumns);
            var pools = Steps(BookColumns.ChipPools, BookColumns.ChipPoolColumns, "site", ids, cells.ChipPools, (s, row) =>
            {
                var chip = s.Id(row, "chip", true);
                var share = s.Number(row, "share", true);
                return chip is null || share is null ? (false, null!) : (true, new ChipPool(chip, share.Value));
            }, (pool, _) => pool.Chip);
            var online = Steps(BookColumns.Online, BookColumns.OnlineColumns, "site", ids, cells.Online, ReadStep("online"), (step, _) => step.From.ToString());
            var sites = new List<Site>();
            for (var i = 0; i < drafts.Count; i++)
            {
                var site = drafts[i];
                var (reader, row) = cells.Sites[i];
                var sitePools = pools.GetValueOrDefault(site.Id) ?? [];
                var siteOnline = online.GetValueOrDefault(site.Id) ?? [];
                if (sitePools.Count == 0)
                {
                    reader.Error(row, "id", $"site '{site.Id}' has no rows in {BookColumns.ChipPools}: give its chip types and their shares");
                }
                if (siteOnline.Count == 0)
                {
                    reader.Error(row, "id", $"site '{site.Id}' has no rows in {BookColumns.Online}: give its capacity online from some month");
                }
                sites.Add(site with { ChipPools = sitePools.Select(p => p.Item).ToValueList(), Online = siteOnline.Select(p => p.Item).ToValueList() });
            }
            return sites;
        }

        private Tenant? ReadTenant(SheetReader s, InputRow row)
        {
            var d = TenantRisk.Default;
            var id = s.Id(row, "id", true);
            var name = s.Text(row, "name", false);
            var group = s.Id(row, "rivalry group", false);
            var groupOk = group is not null || s.Text(row, "rivalry group", false) is null;
            var share = s.Number(row, "initial share", false);
            var risk = new TenantRisk(
                share,
                s.Number(row, "strength volatility", false) ?? d.StrengthVolatility,
                s.Rate(row, "drift hazard", "drift hazard period", false) ?? d.DriftHazard,
                s.Number(row, "drift fraction", false) ?? d.DriftFraction,
                s.Rate(row, "default hazard boom", "default hazard boom period", false) ?? d.DefaultHazardBoom,
                s.Rate(row, "default hazard cooling", "default hazard cooling period", false) ?? d.DefaultHazardCooling,
                s.Number(row, "recovery", false) ?? d.RecoveryFraction,
                s.Number(row, "demand", false) ?? d.DemandFraction);
            return id is null || !groupOk ? null : new Tenant(id, name ?? id, group, risk);
        }

        private List<Contract> ReadContracts()
        {
            var drafts = ReadAll(BookColumns.Contracts, BookColumns.ContractColumns, cells.Contracts, (s, row) =>
            {
                var id = s.Id(row, "id", true);
                var tenant = s.Id(row, "tenant", true);
                var start = s.Month(row, "start", true);
                var end = s.Month(row, "end", true);
                var price = s.Number(row, "price", true);
                var takeOrPay = s.Number(row, "take or pay", true);
                var chips = s.IdList(row, "chips", true);
                var regions = s.IdList(row, "regions", true);
                var isolation = s.Word(row, "isolation", false, ["shared", "dedicated-hall"]);
                var isolationOk = isolation is not null || s.Text(row, "isolation", false) is null;
                var weight = s.Number(row, "weight", false);
                return id is null || tenant is null || start is null || end is null || price is null || takeOrPay is null || chips is null || regions is null || !isolationOk
                    ? null
                    : new Contract(id, tenant, start.Value, end.Value, price.Value, takeOrPay.Value, chips.ToValueList(), regions.ToValueList(),
                        isolation == "dedicated-hall" ? Isolation.DedicatedHall : Isolation.Shared, weight ?? 1, ValueList<MwStep>.Empty);
            });
            var ramps = Steps(BookColumns.Ramps, BookColumns.RampColumns, "contract", Declared(BookColumns.Contracts, BookColumns.ContractColumns), cells.Ramps, ReadStep("committed"), (step, _) => step.From.ToString());
            var contracts = new List<Contract>();
            for (var i = 0; i < drafts.Count; i++)
            {
                var contract = drafts[i];
                var ramp = ramps.GetValueOrDefault(contract.Id) ?? [];
                if (ramp.Count == 0)
                {
                    var (reader, row) = cells.Contracts[i];
                    reader.Error(row, "id", $"contract '{contract.Id}' has no rows in {BookColumns.Ramps}: give its committed MW from its start");
                }
                contracts.Add(contract with { Ramp = ramp.Select(r => r.Item).ToValueList() });
            }
            return contracts;
        }

        private static Func<SheetReader, InputRow, (bool, MwStep)> ReadStep(string column) => (s, row) =>
        {
            var from = s.Month(row, "from", true);
            var mw = s.Number(row, column, true);
            return from is null || mw is null ? (false, default) : (true, new MwStep(from.Value, mw.Value));
        };

        /// <summary>
        /// Reads a sheet of rows that belong to an owner (a site's pools, a contract's ramp) in sheet order, grouped by owner id;
        /// a row naming no known owner is an error on that cell. Records each row's origin under its owner and key.
        /// </summary>
        private Dictionary<string, List<(T Item, InputRow Row)>> Steps<T>(
            string name, IReadOnlyList<SheetColumn> columns, string ownerColumn, IReadOnlyList<string> owners,
            Dictionary<string, Dictionary<string, (SheetReader, InputRow)>> origins, Func<SheetReader, InputRow, (bool Ok, T Item)> read, Func<T, InputRow, string> key)
        {
            var grouped = new Dictionary<string, List<(T, InputRow)>>(StringComparer.Ordinal);
            if (Sheet(name) is not { } sheet)
            {
                return grouped;
            }
            var reader = new SheetReader(sheet, columns, errors);
            foreach (var row in reader.Rows)
            {
                var owner = reader.Id(row, ownerColumn, true);
                var (ok, item) = Guarded(reader, row, () => read(reader, row));
                if (owner is null || !ok)
                {
                    continue;
                }
                if (!owners.Contains(owner))
                {
                    var close = Suggestions.Closest(owner, owners) is { } c ? $" (did you mean '{c}'?)" : "";
                    reader.Error(row, ownerColumn, $"no {ownerColumn} '{owner}' in {(ownerColumn == "site" ? BookColumns.Sites : BookColumns.Contracts)}{close}");
                    continue;
                }
                if (!grouped.TryGetValue(owner, out var list))
                {
                    grouped[owner] = list = [];
                }
                list.Add((item, row));
                if (!origins.TryGetValue(owner, out var byKey))
                {
                    origins[owner] = byKey = new Dictionary<string, (SheetReader, InputRow)>(StringComparer.Ordinal);
                }
                byKey.TryAdd(key(item, row), (reader, row));
            }
            return grouped;
        }
    }
}
