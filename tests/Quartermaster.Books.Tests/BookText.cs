namespace Quartermaster.Books.Tests;

/// <summary>A small valid book, line by line, that tests alter to provoke one error at a known place.</summary>
internal static class BookText
{
    public const string Valid = """
        book: tiny
        provider: "Tiny Cloud"
        horizon: {start: 2026-01, end: 2027-12}
        sites:
          - id: east-1
            region: us-east
            halls: 4
            capex: $11M/MW
            opex: $80K/MW-month
            chips: {gb300: 60%, trainium3: 40%}
            online:
              2026-01: 100 MW
              2026-07: 200 MW
        rivalry_groups:
          - id: frontier
        tenants:
          - id: lab-a
            rivalry_group: frontier
          - id: lab-b
            rivalry_group: frontier
        contracts:
          - id: a-1
            tenant: lab-a
            start: 2026-01
            end: 2027-12
            price: $300K/MW-month
            take_or_pay: 80%
            chips: [gb300]
            regions: [us-east]
            ramp:
              2026-01: 50 MW
              2026-06: 150 MW
        investments:
          - id: stake-b
            tenant: lab-b
            amount: $1B
            ownership: 5%
            valuation: $20B
        """;

    /// <summary>The valid book with the first occurrence of <paramref name="from"/> replaced.</summary>
    public static string With(string from, string to)
    {
        var at = Valid.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{from}' is not in the test book");
        return Valid[..at] + to + Valid[(at + from.Length)..];
    }

    public static BookReadResult Read(string text) => BookReader.ReadText(text, "book.yaml");
}
