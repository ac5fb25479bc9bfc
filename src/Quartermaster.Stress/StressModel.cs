using Quartermaster.Core;

namespace Quartermaster.Stress;

/// <summary>
/// A book and its allocation compiled into flat arrays for <see cref="PathSimulator"/>: every
/// quantity that does not depend on the path (hazards as exponential-clock rates, demand bases,
/// take-or-pay floors, remaining take-or-pay for recoveries, discount factors, costs) is computed once here.
/// Months are numbered t = 1..T; arrays indexed by month have an unused slot 0 unless noted.
/// </summary>
internal sealed class StressModel
{
    public const ulong SectorStream = 1;
    public const ulong RegimeStream = 2;
    public const int Boom = 0;
    public const int Cooling = 1;

    public int Months { get; }
    public int TenantCount { get; }
    public int ContractCount { get; }

    /// <summary>Months + 1 (slot 0 and months 1..T) rounded up to whole Vector512s; slot 0 and the padding hold zeros.</summary>
    public int MonthStride { get; }
    public IReadOnlyList<string> TenantIds { get; }
    public IReadOnlyList<Month> Calendar { get; }

    // Regime r: drift of log S per month (mu - sigma^2 / 2), sigma per month, switch hazard -log(1 - p).
    public double[] LogDrift { get; } = new double[2];

    // Regime r: mu per month alone, for the saturating sector (the drift is then mu (1 - S/S_max) - sigma^2 / 2).
    public double[] Growth { get; } = new double[2];

    /// <summary>S_max, the sector ceiling; +infinity when the book sets none (the v1 model, computed exactly as before).</summary>
    public double SectorCeiling { get; }

    /// <summary>E[S_T] of the model, exact, for checking the simulated mean; null with a sector ceiling (no closed form).</summary>
    public double? ExactMeanSectorAtHorizon { get; }
    public double[] Sigma { get; } = new double[2];
    public double[] SwitchHazard { get; } = new double[2];
    public int StartRegime { get; }

    // (1 + r)^-t for t = 1..T; 0 in slot 0 and the padding (nothing is paid there).
    public double[] Discount { get; }

    // Per tenant k.
    public ulong[] StreamBase { get; }
    public double[] StrengthVolatility { get; }
    public double[] LogInitialShare { get; }
    public double[] InverseInitialShare { get; }
    public double[] DemandFraction { get; }
    public double[] DriftHazard { get; }
    public double[] DriftRetention { get; }
    public double[] DefaultHazard { get; } // [k * 2 + regime]

    // exp(-H) at the horizon, H the cumulative default hazard after b boom months of T, at [k * (T + 1) + b]: a uniform
    // well below it is a default clock -log(u) well above H, so the simulator knows the tenant survives without a log.
    public double[] HorizonSurvival { get; }

    // exp(-h n) for drift hazard h at [k * (T + 1) + n], n = 0..T: a drift clock's uniform well below it is a wait of
    // more than n months, so the simulator knows the next drift comes too late to matter without a log.
    public double[] DriftFree { get; }
    public double[] Recovery { get; } // [k * (T + 2) + t]: R times take-or-pay due in months t..T, paid on default in t

    // Rivalry groups with two or more members: members listed from GroupStart[g] to GroupStart[g + 1].
    public int[] GroupStart { get; }
    public int[] GroupMembers { get; }
    public IReadOnlyList<string> GroupIds { get; }

    // Per contract c, and per (contract, month) at [c * MonthStride + t].
    public int[] ContractTenant { get; }
    public double[] Price { get; }
    public double[] CommittedMw { get; }
    public double[] AllocatedMw { get; }
    public double[] TakeOrPay { get; } // per contract: the floor of month t is TakeOrPay[c] * CommittedMw at t

    // Per contract c, the months [ActiveFrom[c], ActiveTo[c]) in whole Vector512s that hold every month it has a commitment:
    // outside them it uses and pays nothing (0 committed, 0 floor), so the simulator skips them. Empty when never committed.
    public int[] ActiveFrom { get; }
    public int[] ActiveTo { get; }

    // Per month t = 1..T (length MonthStride for OnlineMw, T + 1 for the others).
    public double[] OnlineMw { get; }
    public double[] CapexUsd { get; } // facility and IT
    public double[] OpexUsd { get; }
    public double[] CostUsd { get; } // capex + opex, undiscounted: what a month's revenue must cover
    public double CostPresentValueUsd { get; }
    public double FacilityCapexPresentValueUsd { get; }
    public double ItCapexPresentValueUsd { get; }
    public double OpexPresentValueUsd { get; }
    // Book value of facility and IT at the end of month T (straight-line depreciation), and its present value.
    public double FacilityResidualUsd { get; }
    public double ItResidualUsd { get; }
    public double ResidualPresentValueUsd { get; }
    // Costs less the residual value, discounted: what the operating line subtracts from discounted revenue.
    public double NetCostPresentValueUsd { get; }
    public double OnlineMwMonths { get; }

    // Calendar years of the horizon: month t belongs to year YearOf[t] (0-based); year y ends in month YearEnd[y].
    public int[] YearOf { get; }
    public int[] YearEnd { get; }
    public int[] CalendarYears { get; }

    // Per calendar year y, the scale of the cash sketches: the larger of committed revenue and costs, summed over its months (at least 1).
    public double[] CashScale { get; }

    // Investments bought within the horizon (or before it); one bought after the horizon's end is left out.
    public IReadOnlyList<Investment> Investments { get; }
    public IReadOnlyList<int> EquityInvestment { get; } // index into Investments
    public int[] EquityTenant { get; }
    public double[] EquityScaleUsd { get; } // ownership * valuation
    public double[] EquityValuationUsd { get; }
    public double[] EquityOwnership { get; }
    public double[] EquityCapUsd { get; }
    public double[] EquityBeta { get; }
    public int[] EquityMonth { get; } // t_d: 1..T, or 0 when bought at or before the start (index moves from S_0 = 1)
    public double InvestedPresentValueUsd { get; } // sum of amounts, each discounted from its month (undiscounted at 0)

    // Per (series, month) scale of the fan-chart sketches: the value at S = 1 with no events.
    public double[] FanScale { get; }

    public StressModel(StressInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var problems = input.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException("stress input is not valid: " + string.Join("; ", problems), nameof(input));
        }
        var book = input.Book;
        var scenario = book.Scenario;
        var T = Months = book.Horizon.MonthCount;
        var K = TenantCount = book.Tenants.Count;
        var C = ContractCount = book.Contracts.Count;
        // Whole Vector512s, so the simulator can take eight months at a time where the hardware allows.
        var wide = System.Runtime.Intrinsics.Vector512<double>.Count;
        var stride = MonthStride = (T + 1 + wide - 1) / wide * wide;
        TenantIds = [.. book.Tenants.Select(t => t.Id)];
        Calendar = [.. book.Horizon.Months()];
        var tenantIndex = book.Tenants.Select((t, i) => (t.Id, i)).ToDictionary(p => p.Id, p => p.i);

        foreach (var (r, dynamics, toOther) in new[] { (Boom, scenario.Boom, scenario.BoomToCooling), (Cooling, scenario.Cooling, scenario.CoolingToBoom) })
        {
            Sigma[r] = dynamics.Volatility.MonthlyVolatility();
            Growth[r] = dynamics.Growth.MonthlyDrift();
            LogDrift[r] = Growth[r] - (Sigma[r] * Sigma[r] / 2);
            SwitchHazard[r] = Hazard(toOther.MonthlyProbability());
        }
        StartRegime = scenario.StartRegime == Regime.Boom ? Boom : Cooling;
        SectorCeiling = scenario.SectorCeiling ?? double.PositiveInfinity;
        ExactMeanSectorAtHorizon = scenario.SectorCeiling is null ? ExactMeanSector(T) : null;

        var monthlyDiscount = 1 / (1 + scenario.DiscountRate.CompoundedMonthly());
        Discount = new double[stride];
        var discount = 1.0;
        for (var t = 1; t <= T; t++)
        {
            discount *= monthlyDiscount;
            Discount[t] = discount;
        }

        ContractTenant = [.. book.Contracts.Select(c => tenantIndex[c.Tenant])];
        Price = [.. book.Contracts.Select(c => c.PricePerMwMonthUsd)];
        CommittedMw = new double[C * stride];
        AllocatedMw = new double[C * stride];
        TakeOrPay = [.. book.Contracts.Select(c => c.TakeOrPayFraction)];
        for (var t = 1; t <= T; t++)
        {
            for (var c = 0; c < C; c++)
            {
                var contract = book.Contracts[c];
                var committed = contract.CommittedMw(Calendar[t - 1]);
                CommittedMw[(c * stride) + t] = committed;
                AllocatedMw[(c * stride) + t] = input.AllocatedMwByContract[c][t - 1];
            }
        }

        ActiveFrom = new int[C];
        ActiveTo = new int[C];
        for (var c = 0; c < C; c++)
        {
            int first = -1, last = -1;
            for (var t = 1; t <= T; t++)
            {
                if (CommittedMw[(c * stride) + t] != 0)
                {
                    first = first < 0 ? t : first;
                    last = t;
                }
            }
            ActiveFrom[c] = first < 0 ? 0 : first / wide * wide;
            ActiveTo[c] = first < 0 ? 0 : (last / wide * wide) + wide;
        }

        StreamBase = new ulong[K];
        StrengthVolatility = new double[K];
        LogInitialShare = new double[K];
        InverseInitialShare = new double[K];
        DemandFraction = new double[K];
        DriftHazard = new double[K];
        DriftRetention = new double[K];
        DefaultHazard = new double[K * 2];
        Recovery = new double[K * (T + 2)];
        HorizonSurvival = new double[K * (T + 1)];
        DriftFree = new double[K * (T + 1)];
        var groups = new List<string>();
        var groupStart = new List<int>();
        var groupMembers = new List<int>();
        foreach (var group in book.Tenants.Where(t => t.RivalryGroup is not null).GroupBy(t => t.RivalryGroup!))
        {
            var members = group.ToList();
            // A share w_k0 stated for some members is kept; the others split what is left equally
            // (or 1/n each when nothing is left), and the whole is normalised to sum to 1.
            var stated = members.Where(m => m.Risk.InitialShareFraction is not null).Sum(m => m.Risk.InitialShareFraction!.Value);
            var unstated = members.Count(m => m.Risk.InitialShareFraction is null);
            var fill = unstated == 0 ? 0 : stated < 1 ? (1 - stated) / unstated : 1.0 / members.Count;
            var shares = members.Select(m => m.Risk.InitialShareFraction ?? fill).ToArray();
            var total = shares.Sum();
            // A member with no initial share (0%) has strength -infinity: it never leads and its share stays 0,
            // so it takes no part in the group's walk and its demand follows the sector alone (w/w_0 = 1).
            var rivals = members.Where((_, i) => shares[i] > 0).ToList();
            for (var i = 0; i < members.Count; i++)
            {
                var k = tenantIndex[members[i].Id];
                LogInitialShare[k] = shares[i] > 0 ? Math.Log(shares[i] / total) : 0;
                StrengthVolatility[k] = rivals.Count > 1 && shares[i] > 0 ? members[i].Risk.StrengthVolatility : 0;
            }
            if (rivals.Count > 1)
            {
                groups.Add(group.Key);
                groupStart.Add(groupMembers.Count);
                groupMembers.AddRange(rivals.Select(m => tenantIndex[m.Id]));
            }
        }
        groupStart.Add(groupMembers.Count);
        // Horizon outcomes are coded as one int (leaders in mixed radix, times 2 for the regime).
        var outcomes = 2L;
        for (var g = 0; g + 1 < groupStart.Count; g++)
        {
            outcomes *= groupStart[g + 1] - groupStart[g];
            if (outcomes > int.MaxValue)
            {
                throw new ArgumentException("too many rivalry groups and members for the win-either-way table (more than 2^31 horizon outcomes)", nameof(input));
            }
        }
        GroupIds = groups;
        GroupStart = [.. groupStart];
        GroupMembers = [.. groupMembers];

        for (var k = 0; k < K; k++)
        {
            var tenant = book.Tenants[k];
            var risk = tenant.Risk;
            StreamBase[k] = StableHash(tenant.Id);
            if (tenant.RivalryGroup is null || !GroupMembers.Contains(k))
            {
                LogInitialShare[k] = 0; // w/w_0 = 1 throughout
            }
            InverseInitialShare[k] = Math.Exp(-LogInitialShare[k]);
            DemandFraction[k] = risk.DemandFraction;
            DriftHazard[k] = risk.DriftFraction > 0 ? Hazard(risk.DriftHazard.MonthlyProbability()) : 0;
            DriftRetention[k] = 1 - risk.DriftFraction;
            DefaultHazard[(k * 2) + Boom] = Hazard(risk.DefaultHazardBoom.MonthlyProbability());
            DefaultHazard[(k * 2) + Cooling] = Hazard(risk.DefaultHazardCooling.MonthlyProbability());
            for (var b = 0; b <= T; b++)
            {
                HorizonSurvival[(k * (T + 1)) + b] = Math.Exp(-CumulativeDefaultHazard(k, b, T - b));
            }
            for (var n = 0; n <= T; n++)
            {
                DriftFree[(k * (T + 1)) + n] = Math.Exp(-DriftHazard[k] * n);
            }
            for (var t = T; t >= 1; t--)
            {
                var due = 0.0;
                for (var c = 0; c < C; c++)
                {
                    if (ContractTenant[c] == k)
                    {
                        due += Price[c] * (TakeOrPay[c] * CommittedMw[(c * stride) + t]);
                    }
                }
                Recovery[(k * (T + 2)) + t] = Recovery[(k * (T + 2)) + t + 1] + (risk.RecoveryFraction * due);
            }
        }

        EventStreams = [.. Enumerable.Range(0, K).Select(DefaultStream), .. Enumerable.Range(0, K).Select(DriftStream)];

        OnlineMw = new double[stride];
        CapexUsd = new double[T + 1];
        OpexUsd = new double[T + 1];
        CostUsd = new double[T + 1];
        var facility = new double[T + 1];
        var it = new double[T + 1];
        foreach (var site in book.Sites)
        {
            var before = 0.0; // capacity online in the first month counts as coming online then
            var refresh = site.ItRefreshMonths;
            for (var t = 1; t <= T; t++)
            {
                var online = site.OnlineMw(Calendar[t - 1]);
                var added = Math.Max(0, online - before);
                OnlineMw[t] += online;
                facility[t] += site.CapexPerMwUsd * added;
                // IT equipment for the added MW is bought now and again every `refresh` months within the horizon.
                if (scenario.ItPurchase == ItPurchase.WithCapacity && site.ItCapexPerMwUsd > 0 && added > 0)
                {
                    var last = t;
                    for (var u = t; u <= T; u += refresh)
                    {
                        it[u] += site.ItCapexPerMwUsd * added;
                        last = u;
                    }
                    // Straight-line over the refresh cycle: bought in month `last`, in use for T - last + 1 of its `refresh` months.
                    ItResidualUsd += site.ItCapexPerMwUsd * added * (1 - ((T - last + 1) / (double)refresh));
                }
                if (added > 0)
                {
                    // Straight-line over the facility's life: in use for T - t + 1 months at the horizon's end, none of it refunded.
                    FacilityResidualUsd += site.CapexPerMwUsd * added * Math.Max(0, 1 - ((T - t + 1) / (double)site.FacilityLifeMonths));
                }
                OpexUsd[t] += site.OpexPerMwMonthUsd * online;
                before = online;
            }
        }
        if (scenario.ItPurchase == ItPurchase.WithContracts)
        {
            // The share of online capacity contracts use (what the plan allocates, never above the commitment),
            // the same at every site: the plan's MW by site is not part of the input.
            var fitted = new double[T + 1];
            for (var t = 1; t <= T; t++)
            {
                var contracted = 0.0;
                for (var c = 0; c < C; c++)
                {
                    contracted += Math.Min(AllocatedMw[(c * stride) + t], CommittedMw[(c * stride) + t]);
                }
                fitted[t] = OnlineMw[t] > 0 ? Math.Min(1, contracted / OnlineMw[t]) : 0;
            }
            foreach (var site in book.Sites.Where(s => s.ItCapexPerMwUsd > 0))
            {
                ItResidualUsd += BuyItWithContracts(site, fitted, Calendar, it);
            }
        }
        for (var t = 1; t <= T; t++)
        {
            CapexUsd[t] = facility[t] + it[t];
            CostUsd[t] = CapexUsd[t] + OpexUsd[t];
            CostPresentValueUsd += Discount[t] * (CapexUsd[t] + OpexUsd[t]);
            FacilityCapexPresentValueUsd += Discount[t] * facility[t];
            ItCapexPresentValueUsd += Discount[t] * it[t];
            OpexPresentValueUsd += Discount[t] * OpexUsd[t];
            OnlineMwMonths += OnlineMw[t];
        }
        ResidualPresentValueUsd = Discount[T] * (FacilityResidualUsd + ItResidualUsd);
        NetCostPresentValueUsd = CostPresentValueUsd - ResidualPresentValueUsd;

        YearOf = new int[T + 1];
        var yearEnds = new List<int>();
        var years = new List<int>();
        for (var t = 1; t <= T; t++)
        {
            if (t == 1 || Calendar[t - 1].Year != Calendar[t - 2].Year)
            {
                years.Add(Calendar[t - 1].Year);
                yearEnds.Add(t);
            }
            YearOf[t] = years.Count - 1;
            yearEnds[^1] = t;
        }
        YearEnd = [.. yearEnds];
        CalendarYears = [.. years];
        CashScale = new double[years.Count];

        // An investment is bought in month t_d of the horizon (0: at or before its start, paid undiscounted as in
        // v1); one bought after the horizon's end is not part of this run.
        var bought = book.Investments.Select((inv, i) => (inv, i, t: inv.Date is { } date ? Math.Max(0, date.MonthsSince(book.Horizon.Start) + 1) : 0))
            .Where(x => x.t <= T).ToList();
        Investments = book.Investments;
        EquityInvestment = [.. bought.Select(x => x.i)];
        EquityTenant = [.. bought.Select(x => tenantIndex[x.inv.Tenant])];
        EquityScaleUsd = [.. bought.Select(x => x.inv.OwnershipFraction * x.inv.ValuationUsd)];
        EquityValuationUsd = [.. bought.Select(x => x.inv.ValuationUsd)];
        EquityOwnership = [.. bought.Select(x => x.inv.OwnershipFraction)];
        EquityCapUsd = [.. bought.Select(x => x.inv.ValuationCapUsd)];
        EquityBeta = [.. bought.Select(x => x.inv.Beta)];
        EquityMonth = [.. bought.Select(x => x.t)];
        foreach (var (inv, _, t) in bought)
        {
            InvestedPresentValueUsd += t == 0 ? inv.AmountUsd : inv.AmountUsd * Discount[t];
        }

        FanScale = new double[FanSketch.Series * (T + 1)];
        for (var t = 1; t <= T; t++)
        {
            var revenue = 0.0;
            var committed = 0.0;
            for (var c = 0; c < C; c++)
            {
                var mw = CommittedMw[(c * stride) + t];
                revenue += Price[c] * mw;
                committed += mw;
            }
            FanScale[(FanSketch.Revenue * (T + 1)) + t] = revenue > 0 ? revenue : 1;
            FanScale[(FanSketch.UsedMw * (T + 1)) + t] = committed > 0 ? committed : 1;
            FanScale[(FanSketch.IdleMw * (T + 1)) + t] = OnlineMw[t] > 0 ? OnlineMw[t] : committed > 0 ? committed : 1;
            // A year's cash is read to within a bin of the larger of its committed revenue and its costs.
            CashScale[YearOf[t]] += Math.Max(revenue, CostUsd[t]);
        }
        for (var y = 0; y < CashScale.Length; y++)
        {
            CashScale[y] = CashScale[y] > 0 ? CashScale[y] : 1;
        }
    }

    /// <summary>
    /// E[S_T] without a ceiling: v_t(r) = E[S_t; regime r in month t] follows v_t(r) = sum over r' of
    /// v_{t-1}(r') P(r' to r) e^{mu_r}, since E[exp(mu - sigma^2/2 + sigma e)] = e^{mu}; month 1 is the start regime.
    /// </summary>
    private double ExactMeanSector(int months)
    {
        var switchProbability = new[] { -double.ExpM1(-SwitchHazard[Boom]), -double.ExpM1(-SwitchHazard[Cooling]) };
        var v = new double[2];
        v[StartRegime] = Math.Exp(Growth[StartRegime]);
        for (var t = 2; t <= months; t++)
        {
            var boom = ((v[Boom] * (1 - switchProbability[Boom])) + (v[Cooling] * switchProbability[Cooling])) * Math.Exp(Growth[Boom]);
            var cooling = ((v[Cooling] * (1 - switchProbability[Cooling])) + (v[Boom] * switchProbability[Boom])) * Math.Exp(Growth[Cooling]);
            (v[Boom], v[Cooling]) = (boom, cooling);
        }
        return v[Boom] + v[Cooling];
    }

    /// <summary>
    /// Buys <paramref name="site"/>'s IT equipment for the MW contracts use: in month t the site needs
    /// online_t × fitted[t] MW fitted; equipment bought R months ago (R = the refresh) is retired, and whatever the
    /// need exceeds what is left is bought, into <paramref name="it"/>. Equipment no contract needs is kept until its
    /// refresh, then not replaced. Returns the book value at the end of the last month of what is still installed.
    /// </summary>
    private static double BuyItWithContracts(Site site, double[] fitted, IReadOnlyList<Month> calendar, double[] it)
    {
        var T = calendar.Count;
        var refresh = site.ItRefreshMonths;
        var bought = new double[T + 1]; // MW bought in month t
        var installed = 0.0;
        for (var t = 1; t <= T; t++)
        {
            if (t > refresh)
            {
                installed -= bought[t - refresh];
            }
            var need = site.OnlineMw(calendar[t - 1]) * fitted[t];
            // A tolerance keeps rounding in `installed` from buying a sliver of a MW.
            if (need > installed + 1e-9)
            {
                bought[t] = need - installed;
                installed = need;
                it[t] += site.ItCapexPerMwUsd * bought[t];
            }
        }
        var residual = 0.0;
        for (var t = Math.Max(1, T - refresh + 1); t <= T; t++)
        {
            residual += site.ItCapexPerMwUsd * bought[t] * (1 - ((T - t + 1) / (double)refresh));
        }
        return residual;
    }

    /// <summary>Stream numbers of tenant <paramref name="k"/>: strength, default and drift draws.</summary>
    public ulong StrengthStream(int k) => StreamBase[k];

    /// <summary>The default-clock stream of tenant <paramref name="k"/>.</summary>
    public ulong DefaultStream(int k) => StreamBase[k] + 1;

    /// <summary>The drift-event stream of tenant <paramref name="k"/>.</summary>
    public ulong DriftStream(int k) => StreamBase[k] + 2;

    /// <summary>Every tenant's default stream, then every tenant's drift stream: the streams of the first event clocks.</summary>
    public ulong[] EventStreams { get; }

    /// <summary>The hazard rate -log(1 - p) of a monthly probability p: infinite for p = 1, 0 for p &lt;= 0.</summary>
    private static double Hazard(double probability) =>
        probability <= 0 ? 0 : probability >= 1 ? double.PositiveInfinity : -Math.Log(1 - probability);

    /// <summary>
    /// A 64-bit hash of a tenant id that is the same on every run and machine (FNV-1a then SplitMix),
    /// so a tenant's draws match across books (common random numbers). The two low bits are left free for the three purposes.
    /// </summary>
    private static ulong StableHash(string id)
    {
        var hash = 0xCBF29CE484222325UL;
        foreach (var ch in id)
        {
            hash = (hash ^ ch) * 0x100000001B3UL;
        }
        return (CounterRandom.Mix(hash) & ~3UL) | 4; // >= 4, so base + 0..2 never hits the sector (1) or regime (2) streams
    }

    /// <summary>Tenant k's cumulative default hazard after <paramref name="boom"/> boom and <paramref name="cooling"/> cooling months.</summary>
    public double CumulativeDefaultHazard(int k, int boom, int cooling) =>
        // Written so an infinite hazard times zero months is 0, not NaN.
        (boom > 0 ? boom * DefaultHazard[2 * k] : 0) + (cooling > 0 ? cooling * DefaultHazard[(2 * k) + 1] : 0);
}
