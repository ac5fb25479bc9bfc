using Quartermaster.Core;

namespace Quartermaster.Books.Tests;

public class ExampleBookTests
{
    private static readonly Book Example = BookReader.ReadFile(ExamplePaths.Example).Book!;

    [Fact]
    public void The_example_validates() => Assert.Empty(BookReader.ReadFile(ExamplePaths.Example).Errors);

    [Fact]
    public void The_example_carries_the_public_headline_figures()
    {
        var a = Example.Contracts.Single(c => c.Id == "lab-a-2gw");
        var b = Example.Contracts.Single(c => c.Id == "lab-b-5gw");
        Assert.Equal(2000, Schedule.Peak(a.Ramp));
        Assert.Equal(5000, Schedule.Peak(b.Ramp));
        var stake = Assert.Single(Example.Investments);
        Assert.Equal(25e9, stake.AmountUsd);
        Assert.Equal(b.Tenant, stake.Tenant);
        Assert.Equal(Example.Tenant(a.Tenant).RivalryGroup, Example.Tenant(b.Tenant).RivalryGroup);
        Assert.NotNull(Example.Tenant(a.Tenant).RivalryGroup);
    }

    [Fact]
    public void The_example_has_a_stretch_where_commitments_outrun_capacity_and_then_recover()
    {
        var outlook = CapacityOutlook.Of(Example);
        Assert.Equal(new Month(2027, 1), outlook.FirstShortage);
        var short_ = outlook.Months.Where((m, i) => outlook.CommittedMw[i] > outlook.OnlineMw[i]).ToList();
        Assert.True(short_.Count >= 12, $"only {short_.Count} months of shortage");
        Assert.True(outlook.CommittedMw[^1] < outlook.OnlineMw[^1]);
    }

    [Fact]
    public void Every_figure_in_the_example_that_is_not_a_headline_is_marked_as_an_assumption()
    {
        var text = File.ReadAllText(ExamplePaths.Example);
        Assert.True(text.Split("assumption:").Length - 1 >= 10, "the example should label its assumptions");
    }
}
