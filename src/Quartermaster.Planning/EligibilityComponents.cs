namespace Quartermaster.Planning;

/// <summary>
/// Connected components of a month's eligibility graph: two contracts are connected when they may
/// use a common class with capacity online. Pro-rata gives each component one fill ratio.
/// </summary>
internal static class EligibilityComponents
{
    /// <summary>
    /// The component label of each contract (the smallest contract index in its component), given each
    /// contract's eligible classes and each class's capacity.
    /// </summary>
    public static int[] Label(int[][] eligible, double[] classCapacity)
    {
        var n = eligible.Length;
        var parent = new int[n];
        for (var i = 0; i < n; i++)
        {
            parent[i] = i;
        }
        var firstUser = new int[classCapacity.Length];
        Array.Fill(firstUser, -1);
        for (var i = 0; i < n; i++)
        {
            foreach (var k in eligible[i])
            {
                if (classCapacity[k] <= 0)
                {
                    continue;
                }
                if (firstUser[k] < 0)
                {
                    firstUser[k] = i;
                }
                else
                {
                    Union(parent, firstUser[k], i);
                }
            }
        }
        var label = new int[n];
        for (var i = 0; i < n; i++)
        {
            label[i] = Find(parent, i);
        }
        return label;
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void Union(int[] parent, int a, int b)
    {
        var ra = Find(parent, a);
        var rb = Find(parent, b);
        // The smaller index becomes the root, so labels are the smallest index of each component.
        if (ra < rb)
        {
            parent[rb] = ra;
        }
        else if (rb < ra)
        {
            parent[ra] = rb;
        }
    }
}
