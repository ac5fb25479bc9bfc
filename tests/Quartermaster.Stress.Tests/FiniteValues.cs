using System.Collections;
using System.Reflection;

namespace Quartermaster.Stress.Tests;

/// <summary>Finds every double in a result's object graph (records, lists, nullable values) that is NaN or infinite.</summary>
internal static class FiniteValues
{
    /// <summary>Paths such as <c>Payoff.Total.MeanUsd</c> to every non-finite double under <paramref name="value"/>.</summary>
    public static IReadOnlyList<string> NonFinite(object? value)
    {
        var found = new List<string>();
        Walk(value, "", found, 0);
        return found;
    }

    private static void Walk(object? value, string path, List<string> found, int depth)
    {
        switch (value)
        {
            case null or string or bool or int or long or ulong or Enum or Core.Month:
                return;
            case double d:
                if (!double.IsFinite(d))
                {
                    found.Add($"{path} = {d}");
                }
                return;
            case IEnumerable items:
                var i = 0;
                foreach (var item in items)
                {
                    Walk(item, $"{path}[{i++}]", found, depth + 1);
                }
                return;
        }
        if (depth > 20)
        {
            return;
        }
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0 && property.Name != "EqualityContract")
            {
                Walk(property.GetValue(value), path.Length == 0 ? property.Name : $"{path}.{property.Name}", found, depth + 1);
            }
        }
    }
}
