using Quartermaster.Core;

namespace Quartermaster.Interop;

/// <summary>The example the template is filled with: small, valid, and showing every sheet in use.</summary>
internal static class TemplateBook
{
    public static Book Example { get; } = new(
        "my-book", "My Cloud", new Horizon(new Month(2026, 1), new Month(2028, 12)),
        ValueList.Of(new Site("east-1", "us-east", 4, 12e6, 90e3,
            ValueList.Of(new ChipPool("gb300", 0.7), new ChipPool("mi450", 0.3)),
            ValueList.Of(new MwStep(new Month(2026, 1), 200), new MwStep(new Month(2027, 1), 500)))),
        ValueList.Of(new RivalryGroup("frontier", "Frontier labs")),
        ValueList.Of(
            new Tenant("lab-a", "Lab A", "frontier", TenantRisk.Default),
            new Tenant("lab-b", "Lab B", "frontier", TenantRisk.Default)),
        ValueList.Of(
            new Contract("lab-a-deal", "lab-a", new Month(2026, 1), new Month(2028, 12), 1.5e6, 0.8, ValueList.Of("gb300"), ValueList.Of("us-east"),
                Isolation.Shared, 1, ValueList.Of(new MwStep(new Month(2026, 1), 100), new MwStep(new Month(2027, 1), 250))),
            new Contract("lab-b-deal", "lab-b", new Month(2026, 6), new Month(2028, 12), 1.4e6, 0.7, ValueList.Of("gb300", "mi450"), ValueList.Of("us-east"),
                Isolation.Shared, 1, ValueList.Of(new MwStep(new Month(2026, 6), 150)))),
        ValueList.Of(new Investment("lab-b-stake", "lab-b", 2e9, 0.02, 100e9, 1, new Month(2026, 1))),
        ScenarioSettings.Default);
}
