using CsCheck;

namespace Quartermaster.Planning.Tests;

/// <summary>
/// CsCheck generators of random books: 1-5 sites (or up to 30) in 2 regions with 1-2 chip pools, 1-6 contracts of
/// 1-4 tenants with random eligibility, weights, prices and ramps, 1-3 months, and sometimes a stake.
/// MW are whole numbers so shrunk counterexamples stay readable.
/// </summary>
internal static class BookGen
{
    private static readonly string[] Regions = ["east", "west"];
    private static readonly string[] Chips = ["gb300", "tpu"];

    private static readonly Gen<ValueList<ChipPool>> Pools = Gen.Int[0, 4].Select(k => k switch
    {
        0 => ValueList.Of(new ChipPool("gb300", 1.0)),
        1 => ValueList.Of(new ChipPool("tpu", 1.0)),
        2 => ValueList.Of(new ChipPool("gb300", 0.5), new ChipPool("tpu", 0.5)),
        3 => ValueList.Of(new ChipPool("gb300", 0.25), new ChipPool("tpu", 0.75)),
        _ => ValueList.Of(new ChipPool("gb300", 0.7), new ChipPool("tpu", 0.3)),
    });

    private static readonly Gen<string[]> RegionSet = Gen.Int[1, 3].Select(mask => Regions.Where((_, i) => (mask & (1 << i)) != 0).ToArray());
    private static readonly Gen<string[]> ChipSet = Gen.Int[1, 3].Select(mask => Chips.Where((_, i) => (mask & (1 << i)) != 0).ToArray());

    private static Gen<ValueList<MwStep>> Ramp(int months, int lowMw, int highMw) =>
        from first in Gen.Int[lowMw, highMw]
        from second in Gen.Int[lowMw, highMw]
        from at in Gen.Int[1, 2]
        select months > at
            ? ValueList.Of(new MwStep(TestBooks.January, first), new MwStep(TestBooks.January.Plus(at), second))
            : ValueList.Of(new MwStep(TestBooks.January, first));

    private static Gen<Site> SiteGen(int index, int months, int maxHalls) =>
        from region in Gen.Int[0, 1]
        from pools in Pools
        from online in Ramp(months, 0, 120)
        from opex in Gen.Int[5, 30]
        from halls in Gen.Int[Math.Min(2, maxHalls), maxHalls]
        select new Site($"site-{index}", Regions[region], halls, 1e6, opex, pools, online);

    private static Gen<Contract> ContractGen(int index, int tenants, int months, bool isolation) =>
        from tenant in Gen.Int[0, tenants - 1]
        from dedicated in Gen.Int[0, isolation ? 2 : 0]
        from regions in RegionSet
        from chips in ChipSet
        from weight in Gen.Int[1, 3]
        from price in Gen.Int[1, 3]
        from ramp in Ramp(months, 0, 150)
        select new Contract($"c-{index}", $"lab-{tenant}", TestBooks.January, TestBooks.January.Plus(months - 1),
            price * 100.0, 0.5, chips.ToValueList(), regions.ToValueList(), dedicated == 1 ? Isolation.DedicatedHall : Isolation.Shared, weight, ramp);

    private static Gen<T[]> Each<T>(int count, Func<int, Gen<T>> item) =>
        count == 0 ? Gen.Const(Array.Empty<T>()) : Each(count - 1, item).SelectMany(rest => item(count - 1).Select(x => (T[])[.. rest, x]));

    /// <summary>The generator of small books.</summary>
    public static readonly Gen<Book> Books = Sized(maxSites: 5, maxContracts: 6);

    /// <summary>Small books where a third of the contracts ask for dedicated halls, at sites of 1 to 3 halls.</summary>
    public static readonly Gen<Book> IsolatedBooks = Sized(maxSites: 4, maxContracts: 5, isolation: true);

    /// <summary>Books of up to 30 sites and 20 contracts, for the reference comparison on more crowded months.</summary>
    public static readonly Gen<Book> LargerBooks = Sized(maxSites: 30, maxContracts: 20);

    /// <summary>MW drawn log-uniformly from 0.001 MW to 100 GW, to four significant digits.</summary>
    private static readonly Gen<double> Magnitude = Gen.Double[-3, 5].Select(e => double.Parse(Math.Pow(10, e).ToString("G4", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>
    /// Books whose figures span eight orders of magnitude and more: every site and contract gets a MW figure drawn
    /// log-uniformly from 0.001 MW to 100 GW, and each book has a 50-100 GW site, a 60-100 GW contract and a
    /// 0.001-0.1 MW contract (the mixes that once broke tolerances scaled to the book's largest figure).
    /// </summary>
    public static readonly Gen<Book> MagnitudeBooks =
        from months in Gen.Int[1, 2]
        from siteCount in Gen.Int[1, 5]
        from tenantCount in Gen.Int[1, 4]
        from contractCount in Gen.Int[2, 6]
        from sites in Each(siteCount, i => MagnitudeSite(i, months, i == 0 ? Gen.Double[50_000, 100_000] : Magnitude))
        from contracts in Each(contractCount, i => MagnitudeContract(i, tenantCount, months, i switch
        {
            0 => Gen.Double[0.001, 0.1],
            1 => Gen.Double[60_000, 100_000],
            _ => Magnitude,
        }))
        from staked in Gen.Int[-1, tenantCount - 1]
        select Assemble("magnitudes", months, sites, tenantCount, contracts, staked);

    private static Gen<Site> MagnitudeSite(int index, int months, Gen<double> mw) =>
        from region in Gen.Int[0, 1]
        from pools in Pools
        from online in mw
        from later in Gen.Double[0.5, 1.5]
        from opex in Gen.Int[5, 30]
        select new Site($"site-{index}", Regions[region], 2, 1e6, opex, pools, MagnitudeRamp(months, online, later));

    /// <summary>A ramp of <paramref name="mw"/>, times <paramref name="later"/> in the second month if there is one, within 100 GW.</summary>
    private static ValueList<MwStep> MagnitudeRamp(int months, double mw, double later) => months == 1
        ? ValueList.Of(new MwStep(TestBooks.January, mw))
        : ValueList.Of(new MwStep(TestBooks.January, mw), new MwStep(TestBooks.January.Plus(1), Math.Min(100_000, mw * later)));

    private static Gen<Contract> MagnitudeContract(int index, int tenants, int months, Gen<double> mw) =>
        from tenant in Gen.Int[0, tenants - 1]
        from regions in RegionSet
        from chips in ChipSet
        from weight in Gen.Int[1, 3]
        from price in Gen.Int[1, 3]
        from committed in mw
        from later in Gen.Double[0.5, 1.5]
        select new Contract($"c-{index}", $"lab-{tenant}", TestBooks.January, TestBooks.January.Plus(months - 1),
            price * 100.0, 0.5, chips.ToValueList(), regions.ToValueList(), Isolation.Shared, weight, MagnitudeRamp(months, committed, later));

    private static Gen<Book> Sized(int maxSites, int maxContracts, bool isolation = false) =>
        from months in Gen.Int[1, 3]
        from siteCount in Gen.Int[1, maxSites]
        from tenantCount in Gen.Int[1, 4]
        from contractCount in Gen.Int[1, maxContracts]
        from sites in Each(siteCount, i => SiteGen(i, months, isolation ? 3 : 2))
        from contracts in Each(contractCount, i => ContractGen(i, tenantCount, months, isolation))
        from staked in Gen.Int[-1, tenantCount - 1]
        select Assemble("generated", months, sites, tenantCount, contracts, staked);

    /// <summary>A book of <paramref name="months"/> months from January with tenants lab-0.. (the first two rivals) and, unless <paramref name="staked"/> is -1, a stake in that tenant.</summary>
    private static Book Assemble(string id, int months, IEnumerable<Site> sites, int tenantCount, IEnumerable<Contract> contracts, int staked) =>
        new(id, "provider", new Horizon(TestBooks.January, TestBooks.January.Plus(months - 1)),
            sites.ToValueList(),
            ValueList.Of(new RivalryGroup("labs", "Frontier labs")),
            Enumerable.Range(0, tenantCount).Select(t => TestBooks.Tenant($"lab-{t}", t < 2 ? "labs" : null)).ToValueList(),
            contracts.ToValueList(),
            (staked < 0 ? [] : new[] { TestBooks.Stake($"lab-{staked}") }).ToValueList(),
            ScenarioSettings.Default);
}
