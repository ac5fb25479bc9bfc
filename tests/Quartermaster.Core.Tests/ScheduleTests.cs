using Quartermaster.Core;

namespace Quartermaster.Core.Tests;

public class ScheduleTests
{
    private static readonly ValueList<MwStep> Ramp = ValueList.Of(new MwStep(new Month(2026, 3), 100), new MwStep(new Month(2026, 9), 250));

    [Fact]
    public void A_schedule_is_zero_before_its_first_step_and_holds_each_step_until_the_next()
    {
        Assert.Equal(0, Schedule.ValueAt(Ramp, new Month(2026, 2)));
        Assert.Equal(100, Schedule.ValueAt(Ramp, new Month(2026, 3)));
        Assert.Equal(100, Schedule.ValueAt(Ramp, new Month(2026, 8)));
        Assert.Equal(250, Schedule.ValueAt(Ramp, new Month(2030, 1)));
        Assert.Equal(250, Schedule.Peak(Ramp));
    }

    [Fact]
    public void A_contract_commits_nothing_outside_its_term()
    {
        var contract = new Contract("c", "t", new Month(2026, 3), new Month(2026, 12), 1, 0.5, ValueList.Of("gb300"), ValueList.Of("us-east"),
            Isolation.Shared, 1, Ramp);
        Assert.Equal(250, contract.CommittedMw(new Month(2026, 12)));
        Assert.Equal(0, contract.CommittedMw(new Month(2027, 1)));
    }

    [Fact]
    public void Value_lists_compare_by_content()
    {
        Assert.Equal(ValueList.Of(1, 2, 3), new[] { 1, 2, 3 }.ToValueList());
        Assert.NotEqual(ValueList.Of(1, 2, 3), ValueList.Of(1, 3, 2));
        Assert.Equal(ValueList.Of("a").GetHashCode(), ValueList.Of("a").GetHashCode());
    }
}
