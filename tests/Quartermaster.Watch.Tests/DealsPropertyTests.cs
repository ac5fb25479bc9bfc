using CsCheck;

namespace Quartermaster.Watch.Tests;

/// <summary>Invariants over small random markets: round trips through the file, and the figures every analysis must agree on.</summary>
public class DealsPropertyTests
{
    private static readonly Gen<string?> Text =
        Gen.Char["ab ,\"\nxy"].Array[0, 12].Select(chars => new string(chars).Trim() is { Length: > 0 } t ? t : null);

    private static readonly Gen<AnnouncedDate?> Date =
        Gen.Select(Gen.Int[0, 3], Gen.Int[2024, 2027], Gen.Int[1, 12], Gen.Int[1, 28]).Select((precision, year, month, day) =>
        {
            var text = precision switch
            {
                0 => null,
                1 => $"{year}",
                2 => $"{year}-{month:D2}",
                _ => $"{year}-{month:D2}-{day:D2}",
            };
            return text is not null && AnnouncedDate.TryParse(text, out var date) ? date : (AnnouncedDate?)null;
        });

    private static readonly Gen<Deal> OneDeal =
        from provider in Gen.OneOfConst("P1", "P2", "P3", "P4")
        from lab in Gen.OneOfConst("LabA", "LabB", "LabC", "LabD")
        from kind in Gen.OneOfConst(DealKind.ComputeSupply, DealKind.ChipSupply, DealKind.Equity, DealKind.CloudCommitment, DealKind.DataCentre)
        from date in Date
        from power in Gen.Int[-1, 20000]
        from amount in Gen.Long[-1, 500_000_000_000]
        from chips in Gen.Long[0, 1_000_000]
        from notes in Text
        from confidence in Gen.OneOfConst(DealConfidence.Announced, DealConfidence.Reported, DealConfidence.Rumoured)
        select new Deal("id", date, provider, lab, kind, power < 0 || kind == DealKind.Equity ? null : power / 1000.0, chips == 0 ? null : chips,
            notes, amount < 0 ? null : amount, null, null, notes, "https://example.com/a,b", notes, confidence, 0);

    private static readonly Gen<List<Deal>> Market =
        OneDeal.List[1, 25].Select(deals => deals.Select((d, i) => d with { Id = $"d{i}", Line = i + 2 }).ToList());

    [Fact]
    public void Written_deals_read_back_equal_whatever_commas_quotes_and_line_breaks_their_text_holds()
    {
        Market.Sample(deals =>
        {
            var text = DealsWriter.Write(deals);
            var again = DealsReader.ReadText(text, "round-trip.csv");
            Assert.Empty(again.Errors);
            Assert.Equal(deals.Select(d => d with { Line = 0 }), again.Deals.Select(d => d with { Line = 0 }));
        }, iter: 300);
    }

    [Fact]
    public void Timeline_totals_are_the_sums_of_dated_deals_and_never_decrease()
    {
        Market.Sample(deals =>
        {
            var timeline = DealTimeline.Of(deals);
            var dated = deals.Where(d => d.Announced is not null).ToList();
            Assert.Equal(dated.Sum(d => d.CommittedGw), timeline.Total.TotalGw, 9);
            Assert.Equal(dated.Sum(d => d.CommittedUsd), timeline.Total.TotalUsd, 3);
            Assert.Equal(timeline.Total.TotalGw, timeline.Series.Sum(s => s.TotalGw), 9);
            Assert.All(timeline.Series.Append(timeline.Total), s => Assert.All(s.Points.Zip(s.Points.Skip(1)), p =>
            {
                Assert.True(p.First.Month < p.Second.Month);
                Assert.True(p.Second.CumulativeGw >= p.First.CumulativeGw && p.Second.CumulativeUsd >= p.First.CumulativeUsd);
            }));
            Assert.Equal(deals.Count, timeline.Undated.Count + timeline.Total.Points.Sum(p => p.DealIds.Count));
        }, iter: 300);
    }

    [Fact]
    public void Exposure_shares_sum_to_one_and_hhi_lies_between_one_over_n_and_one()
    {
        Market.Sample(deals =>
        {
            var exposure = MarketExposure.Of(deals);
            foreach (var (shares, gw, usd) in exposure.Providers.Select(p => (p.Labs, p.Gw, p.Usd)).Concat(exposure.Labs.Select(l => (l.Providers, l.Gw, l.Usd))))
            {
                foreach (var (concentration, share) in new[] { (gw, (Func<ExposureShare, double?>)(s => s.GwShare)), (usd, s => s.UsdShare) })
                {
                    if (concentration.Hhi is not { } hhi)
                    {
                        Assert.All(shares, s => Assert.Null(share(s)));
                        continue;
                    }
                    Assert.Equal(1.0, shares.Sum(s => share(s)!.Value), 9);
                    Assert.InRange(hhi, (1.0 / shares.Count) - 1e-12, 1 + 1e-12);
                    Assert.Equal(shares.Max(s => share(s)!.Value), concentration.TopShare!.Value); // the same number, not only close
                }
            }
        }, iter: 300);
    }

    [Fact]
    public void A_provider_is_marked_exactly_when_it_supplies_two_labs_of_the_group()
    {
        var group = new LabRivalryGroup("ab", "A and B", ["LabA", "LabB", "LabC"]);
        Market.Sample(deals =>
        {
            var map = MarketMap.Of(deals, [group]);
            var expected = deals.Where(d => d.IsSupply && group.Contains(d.Lab)).GroupBy(d => d.Provider)
                .Where(g => g.Select(d => d.Lab).Distinct().Count() >= 2).Select(g => g.Key).Order(StringComparer.Ordinal);
            Assert.Equal(expected, map.RivalSuppliers.Select(r => r.Provider));
            Assert.All(map.PaidTwice, e => Assert.Contains(deals, d => d.Provider == e.Provider && d.Lab == e.Lab && d.Kind == DealKind.Equity));
        }, iter: 300);
    }

    [Fact]
    public void Any_text_gives_deals_or_positioned_errors_and_never_throws()
    {
        // Cuts of the hand-made file with one character inserted, plus arbitrary characters rich in CSV syntax.
        var mutated = Gen.Select(Gen.Int[0, SampleDeals.Csv.Length], Gen.Int[0, SampleDeals.Csv.Length], Gen.Char[",\"\r\n-.0a "])
            .Select((cut, at, c) => SampleDeals.Csv[..cut].Insert(Math.Min(at, cut), c.ToString()));
        var noise = Gen.Char[",\"\r\n\uFEFFab1-"].Array[0, 200].Select(chars => SampleDeals.Header + "\n" + new string(chars));
        Gen.OneOf(mutated, noise).Sample(text =>
        {
            var result = DealsReader.ReadText(text, "fuzz.csv");
            Assert.All(result.Deals, d => Assert.StartsWith("http", d.SourceUrl, StringComparison.Ordinal));
            Assert.All(result.Errors, e => Assert.True(e.Line >= 1 && e.Column >= 1 && e.Message.Length > 0));
        }, iter: 2000);
    }
}
