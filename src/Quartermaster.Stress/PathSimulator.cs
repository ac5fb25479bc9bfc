using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Quartermaster.Stress;

/// <summary>
/// Simulates one path of the stress model (docs/stress-model.md) at a time, reusing its scratch
/// arrays: one per worker thread. This is the hot loop, so it looks unlike the rest of the code:
/// flat arrays, no LINQ, nothing allocated per path, and eight months at a time in Vector512 lanes (or two
/// Vector256 halves where the hardware has no AVX-512, computing the same bits).
/// The stress benchmark (<c>qm bench stress</c>) guards its speed.
/// A path is drawn in passes, each from its own random stream: the regimes, the sector index, the
/// rivals' strengths and shares, then each tenant's drift and default events; only then are demand,
/// use and revenue computed, contract by contract over all months. Every pass is a pure function of
/// (seed, path), so the order of passes changes nothing but speed.
/// Events use exponential clocks, exact in distribution: a regime switch or drift event with constant
/// monthly probability p comes after a geometric number of months, ceil(E / -log(1 - p)) with E ~ Exp(1),
/// and a tenant defaults in the first month whose cumulative regime-dependent hazard reaches its E.
/// </summary>
internal sealed class PathSimulator
{
    // How far below exp(-H) a clock's uniform must be to decide "after the horizon" without its log (see DrawTenantEvents).
    private const double SurvivalMargin = 1e-9;

    // Months per Vector512 of doubles: the unit of the contract loop, whichever width computes it.
    private const int WideLanes = 8;

    private readonly StressModel _model;
    private readonly ulong _seed;
    private readonly bool _payoffsOnly; // skips what only a full summary reads (see the constructor)
    private ulong _pathKey; // CounterRandom.PathKey of the path being simulated: every stream of the path starts from it
    private readonly int _stride; // months 0..T padded to whole vectors
    private readonly double[] _sector; // S_t at [t]
    private readonly double[] _logSector; // log S_t at [t], not clamped: equity growth is taken from it
    private readonly double[] _strength; // L_t of rival i (index into GroupMembers) at [i * stride + t]
    private readonly double[] _shareRatio; // w_t / w_0 of tenant k at [k * stride + t]; 1 for a tenant in no group
    private readonly double[] _factor; // demand fraction * retention of tenant k at [k * stride + t], months 1 to its default; written only for a tenant whose factor drifted
    private readonly double[] _steadyFactor; // tenant k's demand fraction, eight times from [k * 8], when it had no drift on the path (see FactorTerms)
    private readonly bool[] _drifted; // whether tenant k's factor drifted on the path: then its factor is in its row of _factor
    private readonly int[] _defaultMonth; // int.MaxValue when the tenant survives the horizon
    private readonly int[] _regime; // regime of month t, t = 1..T
    private readonly int[] _boomMonths; // months 1..t spent booming
    private readonly double[] _monthIndex; // t as a double at [t], for masking months from a default on
    private readonly int _normalStride; // the month stride rounded up to whole blocks of VectorNormals
    private readonly ulong[] _eventStreams; // StressModel.EventStreams
    private readonly double[] _eventUniforms; // the first uniform of each of _eventStreams on the path being simulated
    private readonly double[] _normals; // the normal of month t of the sector at [t - 1], of rival i at [(i + 1) * normalStride + t - 1]

    /// <summary>Revenue of each tenant on the last simulated path (USD, undiscounted, recoveries included).</summary>
    public double[] TenantRevenue { get; }

    /// <summary>
    /// Revenue (USD), used MW and idle MW in each month of the last simulated path, at
    /// [series * MonthStride + t] with the series numbered as in <see cref="FanSketch"/>; zero outside months 1..T.
    /// </summary>
    public double[] Monthly { get; }

    /// <summary>Monthly revenue, used MW and idle MW of every simulated path; null for a simulator of payoffs only.</summary>
    public FanSketch? Fan { get; }

    /// <summary>Operating cash of each calendar year (revenue less opex and capex, undiscounted) on the last simulated path.</summary>
    public double[] YearCash { get; }

    /// <summary>Cumulative operating cash at the end of each calendar year on the last simulated path.</summary>
    public double[] CumulativeCash { get; }

    /// <summary>Yearly and cumulative operating cash of every simulated path; null for a simulator of payoffs only.</summary>
    public CashSketch? Cash { get; }

    /// <summary>Value at the horizon (undiscounted) of each stake of <see cref="StressModel.EquityTenant"/> on the last path.</summary>
    public double[] StakeValue { get; }

    /// <summary>1 where the stake's valuation cap bound on the last path, else 0.</summary>
    public double[] CapBound { get; }

    /// <summary>S_T on the last path.</summary>
    public double SectorAtHorizon => _sector[_model.Months];

    /// <summary>A simulator of <paramref name="model"/> under <paramref name="seed"/>.</summary>
    /// <param name="model">The model.</param>
    /// <param name="seed">The seed of every path's streams.</param>
    /// <param name="payoffsOnly">
    /// Leaves out what only a full summary reads: the fan-chart counts, used and idle MW (0 in <see cref="PathTotals"/>),
    /// the outcome (0 there), each tenant's revenue (<see cref="TenantRevenue"/> holds recoveries only), and the yearly
    /// cash, payback and IRR (null there). Every path's payoffs and total revenue are the same bits either way.
    /// </param>
    public PathSimulator(StressModel model, ulong seed, bool payoffsOnly = false)
    {
        _model = model;
        _seed = seed;
        _payoffsOnly = payoffsOnly;
        var k = model.TenantCount;
        _stride = model.MonthStride;
        _sector = new double[_stride];
        _logSector = new double[model.Months + 1];
        _strength = new double[model.GroupMembers.Length * _stride];
        _shareRatio = new double[k * _stride];
        Array.Fill(_shareRatio, 1.0);
        _factor = new double[k * _stride];
        _steadyFactor = new double[k * WideLanes];
        _drifted = new bool[k];
        _defaultMonth = new int[k];
        // A vector of slack past month T: DrawRegimes writes whole vectors of months.
        _regime = new int[model.Months + 1 + Vector512<int>.Count];
        _boomMonths = new int[model.Months + 1 + Vector512<int>.Count];
        _monthIndex = new double[_stride];
        // At least a row of months long, so the walk can read the normal of month t at t - 1 for every t < stride.
        _normalStride = (_stride + VectorNormals.Block - 1) / VectorNormals.Block * VectorNormals.Block;
        _normals = new double[(1 + model.GroupMembers.Length) * _normalStride];
        _eventStreams = model.EventStreams;
        _eventUniforms = new double[_eventStreams.Length];
        for (var t = 0; t < _stride; t++)
        {
            _monthIndex[t] = t;
        }
        TenantRevenue = new double[k];
        Monthly = new double[FanSketch.Series * _stride];
        YearCash = new double[model.YearEnd.Length];
        CumulativeCash = new double[model.YearEnd.Length];
        if (!payoffsOnly)
        {
            Fan = new FanSketch(model.Months, model.FanScale);
            Cash = new CashSketch(model.CashScale);
        }
        StakeValue = new double[model.EquityTenant.Length];
        CapBound = new double[model.EquityTenant.Length];
    }

    /// <summary>Simulates path <paramref name="path"/> and returns its totals; also fills <see cref="TenantRevenue"/>, <see cref="Monthly"/> and <see cref="Fan"/>.</summary>
    public PathTotals Simulate(long path)
    {
        var m = _model;
        var T = m.Months;
        var stride = _stride;
        _pathKey = CounterRandom.PathKey(_seed, path);
        DrawRegimes();
        DrawSector();
        DrawShares();
        var revenue = Monthly.AsSpan(FanSketch.Revenue * stride, stride);
        revenue.Clear();
        if (!_payoffsOnly)
        {
            Monthly.AsSpan(FanSketch.UsedMw * stride, stride).Clear(); // a simulator of payoffs only leaves used MW alone
        }
        DrawTenantEvents(revenue);

        var (revenuePv, revenueTotal, usedTotal, idleTotal) = Vector512.IsHardwareAccelerated ? ContractsWide() : ContractsNarrow();
        int? payback = null;
        var irr = double.NaN;
        if (!_payoffsOnly)
        {
            Fan!.AddPath(Monthly, stride);
            (payback, irr) = OperatingCash(revenue);
        }

        var equity = 0.0;
        for (var i = 0; i < m.EquityTenant.Length; i++)
        {
            StakeValue[i] = 0;
            CapBound[i] = 0;
            var k = m.EquityTenant[i];
            if (_defaultMonth[k] > T)
            {
                StakeValue[i] = StakeAtHorizon(i, k);
                equity += StakeValue[i];
            }
        }
        var operating = revenuePv - m.NetCostPresentValueUsd;
        var stakes = (m.Discount[T] * equity) - m.InvestedPresentValueUsd;
        return new PathTotals(operating, stakes, revenueTotal, usedTotal, idleTotal, _payoffsOnly ? 0 : Outcome(),
            payback, double.IsNaN(irr) ? null : irr);
    }

    // Contract by contract, eight months at a time (one Vector512, or two Vector256 halves summed
    // apart, so both give the same bits). Demand of a contract is its share (by commitment) of its
    // tenant's demand; from its tenant's default month on it pays nothing, not even the take-or-pay
    // floor, and uses nothing: the loop stops after the vector holding the default month, and only that vector masks
    // its use and payments, since adding 0 after it would change no sum.
    // The floor is computed (top * committed, the same product as ever) rather than loaded: one row fewer to stream.
    // Unchecked vector loads and stores: rows are `stride` long, a multiple of the vector width.
    // Returns the revenue discounted, and the totals of revenue, used MW-months and idle MW-months (0 for a simulator of
    // payoffs only, which skips them). A method of its own (one per width), so the JIT keeps the rows in registers:
    // inside Simulate it kept them on the stack. MinNative and MaxNative are the plain vminpd and vmaxpd: the IEEE
    // Min and Max take three instructions each to order -0 before +0 and pass NaN on, and no value here is either.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private (double RevenuePv, double Revenue, double Used, double Idle) ContractsWide()
    {
        var m = _model;
        var payoffsOnly = _payoffsOnly; // then used and idle MW are left at 0
        var stride = _stride;
        var revenue = Monthly.AsSpan(FanSketch.Revenue * stride, stride);
        var used = Monthly.AsSpan(FanSketch.UsedMw * stride, stride);
        var idle = Monthly.AsSpan(FanSketch.IdleMw * stride, stride);
        ref var months = ref MemoryMarshal.GetArrayDataReference(_monthIndex);
        ref var sector = ref MemoryMarshal.GetArrayDataReference(_sector);
        ref var shares = ref MemoryMarshal.GetArrayDataReference(_shareRatio);
        ref var committed = ref MemoryMarshal.GetArrayDataReference(m.CommittedMw);
        ref var allocated = ref MemoryMarshal.GetArrayDataReference(m.AllocatedMw);
        ref var revenueRef = ref MemoryMarshal.GetReference(revenue);
        ref var usedRef = ref MemoryMarshal.GetReference(used);
        ref var online = ref MemoryMarshal.GetArrayDataReference(m.OnlineMw);
        ref var discount = ref MemoryMarshal.GetArrayDataReference(m.Discount);
        ref var idleRef = ref MemoryMarshal.GetReference(idle);
        for (var c = 0; c < m.ContractCount; c++)
        {
            var k = m.ContractTenant[c];
            var price = Vector512.Create(m.Price[c]);
            var top = Vector512.Create(m.TakeOrPay[c]);
            var defaulted = Vector512.Create(_defaultMonth[k] == int.MaxValue ? double.MaxValue : _defaultMonth[k]);
            var (to, maskFrom) = ActiveUntilDefault(c, k);
            var paidSum = Vector512<double>.Zero;
            var contractRow = (nuint)(c * stride);
            var (factors, factorAt, factorMask) = FactorTerms(k);
            // Row starts taken once per contract, so the loop's indices are t alone (and t & mask) and fit in registers.
            ref var factorRow = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(factors), factorAt);
            ref var shareRow = ref Unsafe.Add(ref shares, (nuint)(k * stride));
            ref var committedRow = ref Unsafe.Add(ref committed, contractRow);
            ref var allocatedRow = ref Unsafe.Add(ref allocated, contractRow);
            // Only the vectors with a commitment: elsewhere used and paid are 0, and adding 0 changes no sum.
            for (var t = (nuint)m.ActiveFrom[c]; t < to; t += WideLanes)
            {
                var demandPerMw = Vector512.LoadUnsafe(ref sector, t) * Vector512.LoadUnsafe(ref factorRow, t & factorMask) * Vector512.LoadUnsafe(ref shareRow, t);
                var committedMw = Vector512.LoadUnsafe(ref committedRow, t);
                var u = Vector512.MinNative(committedMw * demandPerMw, Vector512.LoadUnsafe(ref allocatedRow, t));
                var paid = price * Vector512.MaxNative(u, top * committedMw);
                if (t >= maskFrom)
                {
                    var live = Vector512.LessThan(Vector512.LoadUnsafe(ref months, t), defaulted);
                    paid = Vector512.ConditionalSelect(live, paid, Vector512<double>.Zero);
                    u = Vector512.ConditionalSelect(live, u, Vector512<double>.Zero); // a steady tenant's demand is not 0 from its default on
                }
                if (!payoffsOnly)
                {
                    (Vector512.LoadUnsafe(ref usedRef, t) + u).StoreUnsafe(ref usedRef, t);
                }
                (Vector512.LoadUnsafe(ref revenueRef, t) + paid).StoreUnsafe(ref revenueRef, t);
                paidSum += paid;
            }
            if (!payoffsOnly)
            {
                TenantRevenue[k] += VectorExp.Sum(paidSum);
            }
        }
        var pv = Vector512<double>.Zero;
        var revenueSum = Vector512<double>.Zero;
        if (payoffsOnly)
        {
            for (nuint t = 0; t < (nuint)stride; t += WideLanes)
            {
                var r = Vector512.LoadUnsafe(ref revenueRef, t);
                pv += Vector512.LoadUnsafe(ref discount, t) * r;
                revenueSum += r;
            }
            return (VectorExp.Sum(pv), VectorExp.Sum(revenueSum), 0, 0);
        }
        var usedSum = Vector512<double>.Zero;
        var idleSum = Vector512<double>.Zero;
        for (nuint t = 0; t < (nuint)stride; t += WideLanes)
        {
            var r = Vector512.LoadUnsafe(ref revenueRef, t);
            var u = Vector512.LoadUnsafe(ref usedRef, t);
            var i = Vector512.MaxNative(Vector512<double>.Zero, Vector512.LoadUnsafe(ref online, t) - u);
            i.StoreUnsafe(ref idleRef, t);
            pv += Vector512.LoadUnsafe(ref discount, t) * r;
            revenueSum += r;
            usedSum += u;
            idleSum += i;
        }
        return (VectorExp.Sum(pv), VectorExp.Sum(revenueSum), VectorExp.Sum(usedSum), VectorExp.Sum(idleSum));
    }

    // ContractsWide in two Vector256 halves, summed apart so that both give the same bits.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private (double RevenuePv, double Revenue, double Used, double Idle) ContractsNarrow()
    {
        var m = _model;
        var payoffsOnly = _payoffsOnly;
        var stride = _stride;
        var revenue = Monthly.AsSpan(FanSketch.Revenue * stride, stride);
        var used = Monthly.AsSpan(FanSketch.UsedMw * stride, stride);
        var idle = Monthly.AsSpan(FanSketch.IdleMw * stride, stride);
        var lanes = Vector256<double>.Count;
        ref var months = ref MemoryMarshal.GetArrayDataReference(_monthIndex);
        ref var sector = ref MemoryMarshal.GetArrayDataReference(_sector);
        ref var shares = ref MemoryMarshal.GetArrayDataReference(_shareRatio);
        ref var committed = ref MemoryMarshal.GetArrayDataReference(m.CommittedMw);
        ref var allocated = ref MemoryMarshal.GetArrayDataReference(m.AllocatedMw);
        ref var revenueRef = ref MemoryMarshal.GetReference(revenue);
        ref var usedRef = ref MemoryMarshal.GetReference(used);
        ref var online = ref MemoryMarshal.GetArrayDataReference(m.OnlineMw);
        ref var discount = ref MemoryMarshal.GetArrayDataReference(m.Discount);
        ref var idleRef = ref MemoryMarshal.GetReference(idle);
        for (var c = 0; c < m.ContractCount; c++)
        {
            var k = m.ContractTenant[c];
            var price = Vector256.Create(m.Price[c]);
            var top = Vector256.Create(m.TakeOrPay[c]);
            var defaulted = Vector256.Create(_defaultMonth[k] == int.MaxValue ? double.MaxValue : _defaultMonth[k]);
            var (to, maskFrom) = ActiveUntilDefault(c, k);
            var paidLow = Vector256<double>.Zero;
            var paidHigh = Vector256<double>.Zero;
            var contractRow = (nuint)(c * stride);
            var (factors, factorAt, factorMask) = FactorTerms(k);
            ref var factorRow = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(factors), factorAt);
            ref var shareRow = ref Unsafe.Add(ref shares, (nuint)(k * stride));
            ref var committedRow = ref Unsafe.Add(ref committed, contractRow);
            ref var allocatedRow = ref Unsafe.Add(ref allocated, contractRow);
            for (var t = (nuint)m.ActiveFrom[c]; t < to; t += (nuint)lanes)
            {
                var demandPerMw = Vector256.LoadUnsafe(ref sector, t) * Vector256.LoadUnsafe(ref factorRow, t & factorMask) * Vector256.LoadUnsafe(ref shareRow, t);
                var committedMw = Vector256.LoadUnsafe(ref committedRow, t);
                var u = Vector256.MinNative(committedMw * demandPerMw, Vector256.LoadUnsafe(ref allocatedRow, t));
                var paid = price * Vector256.MaxNative(u, top * committedMw);
                if (t >= maskFrom)
                {
                    var live = Vector256.LessThan(Vector256.LoadUnsafe(ref months, t), defaulted);
                    paid = Vector256.ConditionalSelect(live, paid, Vector256<double>.Zero);
                    u = Vector256.ConditionalSelect(live, u, Vector256<double>.Zero);
                }
                if (!payoffsOnly)
                {
                    (Vector256.LoadUnsafe(ref usedRef, t) + u).StoreUnsafe(ref usedRef, t);
                }
                (Vector256.LoadUnsafe(ref revenueRef, t) + paid).StoreUnsafe(ref revenueRef, t);
                if ((t & (WideLanes - 1)) == 0)
                {
                    paidLow += paid;
                }
                else
                {
                    paidHigh += paid;
                }
            }
            if (!payoffsOnly)
            {
                TenantRevenue[k] += VectorExp.Sum(paidLow) + VectorExp.Sum(paidHigh);
            }
        }
        Span<Vector256<double>> sums = stackalloc Vector256<double>[8]; // pv, revenue, used, idle; low then high halves
        sums.Clear();
        for (nuint t = 0; t < (nuint)stride; t += (nuint)lanes)
        {
            var half = (t & (WideLanes - 1)) == 0 ? 0 : 4;
            var r = Vector256.LoadUnsafe(ref revenueRef, t);
            var u = Vector256.LoadUnsafe(ref usedRef, t);
            var i = Vector256.MaxNative(Vector256<double>.Zero, Vector256.LoadUnsafe(ref online, t) - u);
            i.StoreUnsafe(ref idleRef, t);
            sums[half] += Vector256.LoadUnsafe(ref discount, t) * r;
            sums[half + 1] += r;
            sums[half + 2] += u;
            sums[half + 3] += i;
        }
        var (revenuePv, revenueTotal) = (VectorExp.Sum(sums[0]) + VectorExp.Sum(sums[4]), VectorExp.Sum(sums[1]) + VectorExp.Sum(sums[5]));
        return payoffsOnly ? (revenuePv, revenueTotal, 0, 0) : (revenuePv, revenueTotal, VectorExp.Sum(sums[2]) + VectorExp.Sum(sums[6]), VectorExp.Sum(sums[3]) + VectorExp.Sum(sums[7]));
    }

    // The end of contract c's loop and where its payments start to be masked: the vector (of eight months) holding its
    // tenant's default month is the last with anything used or paid, and the only one where some months pay and others not.
    private (nuint To, nuint MaskFrom) ActiveUntilDefault(int c, int k)
    {
        var to = (nuint)_model.ActiveTo[c];
        var defaultMonth = _defaultMonth[k];
        if (defaultMonth == int.MaxValue)
        {
            return (to, nuint.MaxValue);
        }
        var maskFrom = (nuint)VectorStart(defaultMonth);
        return (Math.Min(to, maskFrom + WideLanes), maskFrom);
    }

    // The first month of the vector of eight months that holds `month`.
    private static int VectorStart(int month) => month / WideLanes * WideLanes;

    // Tenant k's demand per MW in the contract loop is S_t * factor_t * w_t / w_0, with factor_t at
    // factors[at + (t & mask)]: for a tenant without drift on the path, eight copies of its demand fraction, read at the
    // same place for every t (mask 0); for a tenant whose factor drifted, its row of factors (mask all ones). Where a row
    // is not written (month 0, and from the default month on) the commitment is 0 or the default mask applies.
    private (double[] Factors, nuint At, nuint Mask) FactorTerms(int k) =>
        _drifted[k] ? (_factor, (nuint)(k * _stride), nuint.MaxValue) : (_steadyFactor, (nuint)(k * WideLanes), 0);

    // Undiscounted operating cash by calendar year and cumulated, the payback month (from which the cumulative
    // cash stays at or above 0) and the yearly IRR; fills YearCash and CumulativeCash and counts them in Cash.
    private (int? Payback, double Irr) OperatingCash(Span<double> revenue)
    {
        var m = _model;
        var T = m.Months;
        var cost = m.CostUsd;
        var yearEnd = m.YearEnd;
        var cumulative = 0.0;
        var lastNegative = 0;
        var t = 1;
        // Year by year with the year's sum in a register: no store-to-load chain through YearCash.
        for (var y = 0; y < yearEnd.Length; y++)
        {
            var year = 0.0;
            for (; t <= yearEnd[y]; t++)
            {
                var cash = revenue[t] - cost[t];
                year += cash;
                cumulative += cash;
                lastNegative = cumulative < 0 ? t : lastNegative;
            }
            YearCash[y] = year;
            CumulativeCash[y] = cumulative;
        }
        Cash!.AddPath(YearCash, CumulativeCash);
        int? payback = lastNegative == T ? null : lastNegative + 1;
        return (payback, OperatingIrr.Solve(YearCash, m.YearEnd));
    }

    // ownership * min(valuation_d * (X_T / X_d)^beta, cap) with X = S * w / w_0, from the stake's month t_d.
    private double StakeAtHorizon(int i, int k)
    {
        var m = _model;
        var T = m.Months;
        var from = m.EquityMonth[i];
        var ratioT = _shareRatio[(k * _stride) + T];
        double growth;
        if (from == 0)
        {
            // X_0 = 1: exactly the v1 expression.
            growth = Math.Pow(_sector[T] * ratioT, m.EquityBeta[i]);
        }
        else
        {
            // In logs, from the unclamped log S, so a sector that has all but vanished gives 0 or a cap, never 0/0.
            var logGrowth = _logSector[T] - _logSector[from] + Math.Log(ratioT / _shareRatio[(k * _stride) + from]);
            growth = m.EquityBeta[i] == 0 ? 1 : Math.Exp(m.EquityBeta[i] * logGrowth);
            growth = double.IsNaN(growth) ? 0 : growth; // the lab's share was 0 at both ends: nothing to grow
        }
        if (m.EquityValuationUsd[i] * growth > m.EquityCapUsd[i])
        {
            CapBound[i] = 1;
            return m.EquityOwnership[i] * m.EquityCapUsd[i];
        }
        return from == 0 ? m.EquityScaleUsd[i] * growth : m.EquityOwnership[i] * (m.EquityValuationUsd[i] * growth);
    }

    // The regime of every month, drawn up front from the regime stream (it depends on nothing else):
    // month 1 is the start regime; each switch comes a geometric number of months after the last.
    private void DrawRegimes()
    {
        var m = _model;
        var stream = CounterRandom.OfPath(_pathKey, StressModel.RegimeStream);
        var regime = m.StartRegime;
        var nextSwitch = SaturatingAdd(1, WaitMonths(ref stream, m.SwitchHazard[regime]));
        var boom = 0;
        var lanes = Vector512<int>.Count;
        var counting = Vector512.Create(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
        // Run by run between switches (a path has a few): a run's regime is constant and its boom months count up.
        // Whole vectors of months: the last may reach past the run's end, into months the next run writes over
        // (or, after month T, into the arrays' slack).
        for (var t = 1; t <= m.Months; )
        {
            var end = Math.Min(nextSwitch, m.Months + 1);
            var booming = regime == StressModel.Boom ? 1 : 0;
            var regimes = Vector512.Create(regime);
            var counts = Vector512.Create(boom) + (counting * booming);
            var step = Vector512.Create(lanes * booming);
            ref var regimeAt = ref _regime[t];
            ref var boomAt = ref _boomMonths[t];
            for (nuint i = 0; i < (nuint)(end - t); i += (nuint)lanes)
            {
                regimes.StoreUnsafe(ref regimeAt, i);
                counts.StoreUnsafe(ref boomAt, i);
                counts += step;
            }
            boom += (end - t) * booming;
            t = end;
            if (t == nextSwitch)
            {
                regime ^= 1;
                nextSwitch = SaturatingAdd(t, WaitMonths(ref stream, m.SwitchHazard[regime]));
            }
        }
    }

    // The first month t whose cumulative hazard reaches clock, or int.MaxValue when none in the horizon.
    private int DefaultMonth(int k, double clock)
    {
        var T = _model.Months;
        if (CumulativeDefaultHazard(k, T) < clock)
        {
            return int.MaxValue;
        }
        if (Vector512.IsHardwareAccelerated)
        {
            return FirstMonthReaching(k, clock);
        }
        int low = 1, high = T; // the cumulative hazard increases with t: binary search
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (CumulativeDefaultHazard(k, mid) >= clock)
            {
                high = mid;
            }
            else
            {
                low = mid + 1;
            }
        }
        return low;
    }

    // DefaultMonth's search as a scan, eight months at a time from month 1, once the horizon's hazard is known to reach
    // the clock: a month's hazard is computed as StressModel.CumulativeDefaultHazard computes it (each term 0 when its
    // months are 0, so an infinite hazard never meets 0), so the first month found is the binary search's. A scan
    // rather than a search because the search's seven branches go either way at random, and each miss costs more than
    // a vector of months; a scan takes one miss, at its end. Months past T in the last vector (from the slack of
    // _boomMonths) come after month T, which reaches the clock, so they are never the first.
    private int FirstMonthReaching(int k, double clock)
    {
        var m = _model;
        var boomHazard = Vector512.Create(m.DefaultHazard[2 * k]);
        var coolingHazard = Vector512.Create(m.DefaultHazard[(2 * k) + 1]);
        var target = Vector512.Create(clock);
        var months = Vector512.Create(1.0, 2, 3, 4, 5, 6, 7, 8);
        var step = Vector512.Create((double)WideLanes);
        ref var boomMonths = ref MemoryMarshal.GetArrayDataReference(_boomMonths);
        for (var t = 1; ; t += WideLanes)
        {
            var boom = Vector512.ConvertToDouble(Vector512.WidenLower(Vector256.LoadUnsafe(ref boomMonths, (nuint)t).ToVector512Unsafe()));
            var cooling = months - boom;
            var hazard = Vector512.ConditionalSelect(Vector512.GreaterThan(boom, Vector512<double>.Zero), boom * boomHazard, Vector512<double>.Zero)
                + Vector512.ConditionalSelect(Vector512.GreaterThan(cooling, Vector512<double>.Zero), cooling * coolingHazard, Vector512<double>.Zero);
            var reached = Vector512.GreaterThanOrEqual(hazard, target).ExtractMostSignificantBits();
            if (reached != 0)
            {
                return t + BitOperations.TrailingZeroCount(reached);
            }
            months += step;
        }
    }

    private double CumulativeDefaultHazard(int k, int t) => _model.CumulativeDefaultHazard(k, _boomMonths[t], t - _boomMonths[t]);

    // Each tenant's drift events (from its drift stream) and default month (from its default clock):
    // sets its factor (demand fraction * retention, piecewise constant between events, up to the default month; see
    // FactorTerms), and adds the recovery to the default month's revenue.
    private void DrawTenantEvents(Span<double> revenue)
    {
        var m = _model;
        var T = m.Months;
        var K = m.TenantCount;
        var firstUniform = _eventUniforms;
        CounterRandom.FirstUniforms(_pathKey, _eventStreams, firstUniform);
        for (var k = 0; k < K; k++)
        {
            TenantRevenue[k] = 0;
            var defaultMonth = int.MaxValue;
            if (m.DefaultHazard[2 * k] > 0 || m.DefaultHazard[(2 * k) + 1] > 0)
            {
                // The clock is -log(u). A u below exp(-H(T)) by a relative 1e-9, far more than the rounding of exp, log and
                // H, is a clock past the horizon: the tenant survives, and the log (a fifth of this pass) is not taken.
                // Closer to the bound, the clock decides exactly as it always has.
                var u = firstUniform[k];
                if (u >= m.HorizonSurvival[(k * (T + 1)) + _boomMonths[T]] * (1 - SurvivalMargin))
                {
                    defaultMonth = DefaultMonth(k, -Math.Log(u));
                }
            }
            _defaultMonth[k] = defaultMonth;
            var end = Math.Min(defaultMonth, T + 1); // first month without demand
            var row = _factor.AsSpan(k * _stride, _stride);
            var factor = m.DemandFraction[k];
            var from = 1;
            if (m.DriftHazard[k] > 0)
            {
                // As for the default clock: a clock whose uniform says it comes after the last month with demand costs no log.
                var first = DriftWait(k, firstUniform[K + k], end);
                if (first < end)
                {
                    var stream = CounterRandom.OfPath(_pathKey, m.DriftStream(k));
                    stream.NextUniform(); // the first clock's, drawn above with the other tenants'
                    for (var drift = first; drift < end; drift = SaturatingAdd(drift, DriftWait(k, stream.NextUniform(), end - drift)))
                    {
                        row[from..drift].Fill(factor);
                        factor *= m.DriftRetention[k];
                        from = drift;
                    }
                }
            }
            _drifted[k] = from > 1;
            if (from == 1)
            {
                // No drift (the common case): the contract loop reads the factor from eight copies, without a row.
                _steadyFactor.AsSpan(k * WideLanes, WideLanes).Fill(factor);
            }
            else
            {
                row[from..end].Fill(factor);
            }
            if (defaultMonth <= T)
            {
                // Default at the start of the month: the recovery of the take-or-pay still due in
                // months t..T is paid in month t.
                var recovery = m.Recovery[(k * (T + 2)) + defaultMonth];
                revenue[defaultMonth] += recovery;
                TenantRevenue[k] += recovery;
            }
        }
    }

    // Months until tenant k's next drift, from its clock's uniform u: WaitMonths(-log u, h), except that a u well
    // below exp(-h (months - 1)) (by SurvivalMargin, far more than the rounding of exp and log) is a wait of at least
    // `months`, too late to matter, and gives int.MaxValue without taking the log. Closer to the bound, the log decides.
    private int DriftWait(int k, double u, int months)
    {
        var m = _model;
        return u < m.DriftFree[(k * (m.Months + 1)) + months - 1] * (1 - SurvivalMargin) ? int.MaxValue : WaitMonths(-Math.Log(u), m.DriftHazard[k]);
    }

    // log S_t for every month from the sector stream, then S_t = exp(log S_t) in whole vectors.
    private void DrawSector()
    {
        var m = _model;
        var normals = _normals.AsSpan(0, _normalStride);
        VectorNormals.FillOfPath(_pathKey, StressModel.SectorStream, normals);
        var x = _sector;
        var logS = 0.0;
        x[0] = 0;
        if (double.IsPositiveInfinity(m.SectorCeiling))
        {
            for (var t = 1; t <= m.Months; t++)
            {
                var regime = _regime[t];
                logS += m.LogDrift[regime] + (m.Sigma[regime] * normals[t - 1]);
                x[t] = logS;
            }
        }
        else
        {
            // Logistic saturation: a positive drift is scaled by (1 - S_{t-1}/S_max); a negative one (cooling)
            // is not, so a cooling is never slowed, nor reversed above the ceiling.
            var inverseCeiling = 1 / m.SectorCeiling;
            for (var t = 1; t <= m.Months; t++)
            {
                var regime = _regime[t];
                var growth = m.Growth[regime];
                var drift = growth > 0 ? growth * (1 - (Math.Exp(logS) * inverseCeiling)) : growth;
                logS += drift - (m.Sigma[regime] * m.Sigma[regime] / 2) + (m.Sigma[regime] * normals[t - 1]);
                x[t] = logS;
            }
        }
        x.AsSpan(0, m.Months + 1).CopyTo(_logSector);
        x.AsSpan(m.Months + 1).Clear(); // padding: exp(0), not exp of last path's values
        ref var sector = ref MemoryMarshal.GetArrayDataReference(x);
        if (Vector512.IsHardwareAccelerated)
        {
            for (nuint t = 0; t < (nuint)x.Length; t += (nuint)Vector512<double>.Count)
            {
                VectorExp.Exp(Vector512.LoadUnsafe(ref sector, t)).StoreUnsafe(ref sector, t);
            }
            return;
        }
        for (nuint t = 0; t < (nuint)x.Length; t += (nuint)Vector256<double>.Count)
        {
            VectorExp.Exp(Vector256.LoadUnsafe(ref sector, t)).StoreUnsafe(ref sector, t);
        }
    }

    // Every rival's strength walk from its own stream, then the softmax shares of each group as w_t / w_0,
    // a whole vector of months at a time: one VectorExp.Exp per rival per vector instead of a Math.Exp per
    // rival-month. Strengths are taken relative to the group's strongest so exp never overflows. The softmax
    // is computed lane by lane, so Vector512 and Vector256 give the same bits.
    private void DrawShares()
    {
        var m = _model;
        var members = m.GroupMembers;
        var stride = _stride;
        for (var i = 0; i < members.Length; i++)
        {
            var k = members[i];
            var normals = _normals.AsSpan((i + 1) * _normalStride, _normalStride);
            VectorNormals.FillOfPath(_pathKey, m.StrengthStream(k), normals);
            Walk(normals, _strength.AsSpan(i * stride, stride), m.LogInitialShare[k], m.StrengthVolatility[k]);
        }
        // Unchecked vector loads and stores: every row is `stride` long, a multiple of the vector
        // width, and every index below is a row start plus t < stride, so all are in bounds.
        ref var strengths = ref MemoryMarshal.GetArrayDataReference(_strength);
        ref var ratios = ref MemoryMarshal.GetArrayDataReference(_shareRatio);
        var wide = Vector512.IsHardwareAccelerated;
        for (var g = 0; g + 1 < m.GroupStart.Length; g++)
        {
            var from = m.GroupStart[g];
            var to = m.GroupStart[g + 1];
            if (to - from == 2)
            {
                PairShares(from);
                continue;
            }
            if (wide)
            {
                for (var t = 0; t < stride; t += Vector512<double>.Count)
                {
                    var max = Vector512.LoadUnsafe(ref strengths, (nuint)((from * stride) + t));
                    for (var i = from + 1; i < to; i++)
                    {
                        max = Vector512.MaxNative(max, Vector512.LoadUnsafe(ref strengths, (nuint)((i * stride) + t)));
                    }
                    var sum = Vector512<double>.Zero;
                    for (var i = from; i < to; i++)
                    {
                        var e = VectorExp.Exp(Vector512.LoadUnsafe(ref strengths, (nuint)((i * stride) + t)) - max);
                        e.StoreUnsafe(ref ratios, (nuint)((members[i] * stride) + t));
                        sum += e;
                    }
                    var inverseSum = Vector512<double>.One / sum;
                    for (var i = from; i < to; i++)
                    {
                        var at = (nuint)((members[i] * stride) + t);
                        (Vector512.LoadUnsafe(ref ratios, at) * (inverseSum * m.InverseInitialShare[members[i]])).StoreUnsafe(ref ratios, at);
                    }
                }
                continue;
            }
            for (var t = 0; t < stride; t += Vector256<double>.Count)
            {
                var max = Vector256.LoadUnsafe(ref strengths, (nuint)((from * stride) + t));
                for (var i = from + 1; i < to; i++)
                {
                    max = Vector256.MaxNative(max, Vector256.LoadUnsafe(ref strengths, (nuint)((i * stride) + t)));
                }
                var sum = Vector256<double>.Zero;
                for (var i = from; i < to; i++)
                {
                    var e = VectorExp.Exp(Vector256.LoadUnsafe(ref strengths, (nuint)((i * stride) + t)) - max);
                    e.StoreUnsafe(ref ratios, (nuint)((members[i] * stride) + t));
                    sum += e;
                }
                var inverseSum = Vector256<double>.One / sum;
                for (var i = from; i < to; i++)
                {
                    var at = (nuint)((members[i] * stride) + t);
                    (Vector256.LoadUnsafe(ref ratios, at) * (inverseSum * m.InverseInitialShare[members[i]])).StoreUnsafe(ref ratios, at);
                }
            }
        }
    }

    // DrawShares for a group of two rivals, i and i + 1, with one exp instead of two, and the same bits: the stronger's
    // exp(L - max) is exp(0) = 1 exactly, and the weaker's L - max is -|L_i - L_{i+1}| exactly. Lane by lane, so the
    // Vector512 and Vector256 loops give the bits of DrawShares' lanes.
    private void PairShares(int i)
    {
        var m = _model;
        var stride = (nuint)_stride;
        var members = m.GroupMembers;
        ref var strengths = ref MemoryMarshal.GetArrayDataReference(_strength);
        ref var ratios = ref MemoryMarshal.GetArrayDataReference(_shareRatio);
        ref var a = ref Unsafe.Add(ref strengths, (nuint)i * stride);
        ref var b = ref Unsafe.Add(ref strengths, (nuint)(i + 1) * stride);
        ref var first = ref Unsafe.Add(ref ratios, (nuint)members[i] * stride);
        ref var second = ref Unsafe.Add(ref ratios, (nuint)members[i + 1] * stride);
        var (firstScale, secondScale) = (m.InverseInitialShare[members[i]], m.InverseInitialShare[members[i + 1]]);
        if (Vector512.IsHardwareAccelerated)
        {
            for (nuint t = 0; t < stride; t += (nuint)Vector512<double>.Count)
            {
                var (ea, eb) = PairExp(Vector512.LoadUnsafe(ref a, t), Vector512.LoadUnsafe(ref b, t));
                var inverseSum = Vector512<double>.One / (ea + eb);
                (ea * (inverseSum * firstScale)).StoreUnsafe(ref first, t);
                (eb * (inverseSum * secondScale)).StoreUnsafe(ref second, t);
            }
            return;
        }
        for (nuint t = 0; t < stride; t += (nuint)Vector256<double>.Count)
        {
            var (ea, eb) = PairExp(Vector256.LoadUnsafe(ref a, t), Vector256.LoadUnsafe(ref b, t));
            var inverseSum = Vector256<double>.One / (ea + eb);
            (ea * (inverseSum * firstScale)).StoreUnsafe(ref first, t);
            (eb * (inverseSum * secondScale)).StoreUnsafe(ref second, t);
        }
    }

    // exp(a - max) and exp(b - max) of two rivals' strengths, with one exp (see PairShares).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector512<double> A, Vector512<double> B) PairExp(Vector512<double> a, Vector512<double> b)
    {
        var weaker = VectorExp.Exp(-Vector512.Abs(a - b));
        return (Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(a, b), Vector512<double>.One, weaker),
            Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(b, a), Vector512<double>.One, weaker));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<double> A, Vector256<double> B) PairExp(Vector256<double> a, Vector256<double> b)
    {
        var weaker = VectorExp.Exp(-Vector256.Abs(a - b));
        return (Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(a, b), Vector256<double>.One, weaker),
            Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(b, a), Vector256<double>.One, weaker));
    }

    // The walk L_t = L_{t-1} + volatility * z_t from L_0 = start, with z_t = normals[t - 1], into walk[0..stride),
    // four months at a time: the four steps are summed by a prefix scan in the vector ((d0, d0 + d1, ...) in two
    // shifted adds), then added to the last month's L. The padding months after T continue the walk (finite, unused).
    // The last month's L, broadcast, is carried as carry + (the scan's last lane, broadcast): the same sum, lane by
    // lane, as broadcasting the stored L, but the shuffle works on the scan, off the chain from one vector to the
    // next, which is then a single add. With AVX-512, eight months at a time: the same two scans in the two halves,
    // the high half added to the carry after the low half, so the same sums in the same order, and the same bits.
    private static void Walk(Span<double> normals, Span<double> walk, double start, double volatility)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            WalkWide(normals, walk, start, volatility);
            return;
        }
        ref var z = ref MemoryMarshal.GetReference(normals);
        ref var output = ref MemoryMarshal.GetReference(walk);
        var v = Vector256.Create(volatility);
        var carry = Vector256.Create(start);
        var shiftOne = Vector256.Create(4L, 0, 1, 2); // an index of 4 or more reads as 0
        var shiftTwo = Vector256.Create(4L, 4, 0, 1);
        var last = Vector256.Create(3L);
        // Month 0 has no step; months 1..3 take normals 0..2. Rows are whole vectors and normals at least a row long.
        var d = v * Vector256.Create(0, normals[0], normals[1], normals[2]);
        for (nuint t = 0; ; )
        {
            d += Vector256.Shuffle(d, shiftOne);
            d += Vector256.Shuffle(d, shiftTwo);
            (carry + d).StoreUnsafe(ref output, t);
            carry += Vector256.Shuffle(d, last);
            t += (nuint)Vector256<double>.Count;
            if (t >= (nuint)walk.Length)
            {
                break;
            }
            d = v * Vector256.LoadUnsafe(ref z, t - 1);
        }
    }

    // Walk eight months at a time: lanes 0..3 are carry + the low scan, lanes 4..7 (carry + the low scan's last lane)
    // + the high scan, as two Vector256 steps compute them.
    private static void WalkWide(Span<double> normals, Span<double> walk, double start, double volatility)
    {
        ref var z = ref MemoryMarshal.GetReference(normals);
        ref var output = ref MemoryMarshal.GetReference(walk);
        var v = Vector512.Create(volatility);
        var carry = Vector512.Create(start);
        var shiftOne = Vector512.Create(8L, 0, 1, 2, 8, 4, 5, 6); // an index of 8 or more reads as 0
        var shiftTwo = Vector512.Create(8L, 8, 0, 1, 8, 8, 4, 5);
        var lowLast = Vector512.Create(3L);
        var highLast = Vector512.Create(7L);
        var highHalf = Vector512.Create(0L, 0, 0, 0, -1, -1, -1, -1).AsDouble();
        var d = v * Vector512.Create(0, normals[0], normals[1], normals[2], normals[3], normals[4], normals[5], normals[6]);
        for (nuint t = 0; ; )
        {
            d += Vector512.Shuffle(d, shiftOne);
            d += Vector512.Shuffle(d, shiftTwo);
            var middle = carry + Vector512.Shuffle(d, lowLast);
            (Vector512.ConditionalSelect(highHalf, middle, carry) + d).StoreUnsafe(ref output, t);
            carry = middle + Vector512.Shuffle(d, highLast);
            t += (nuint)Vector512<double>.Count;
            if (t >= (nuint)walk.Length)
            {
                break;
            }
            d = v * Vector512.LoadUnsafe(ref z, t - 1);
        }
    }

    // Which rival leads each group in the last month (by strength, so by share), in mixed radix, then whether the sector is cooling.
    private int Outcome()
    {
        var m = _model;
        var T = m.Months;
        var code = 0;
        for (var g = 0; g + 1 < m.GroupStart.Length; g++)
        {
            var from = m.GroupStart[g];
            var to = m.GroupStart[g + 1];
            var leader = 0;
            var best = double.NegativeInfinity;
            for (var i = from; i < to; i++)
            {
                var strength = _strength[(i * _stride) + T];
                if (strength > best)
                {
                    best = strength;
                    leader = i - from;
                }
            }
            code = (code * (to - from)) + leader;
        }
        return (code * 2) + (_regime[T] == StressModel.Cooling ? 1 : 0);
    }

    // Months until an event with hazard rate h (= -log(1 - p)): geometric with parameter p, at least 1.
    private static int WaitMonths(ref CounterRandom stream, double hazard) =>
        hazard <= 0 ? int.MaxValue : WaitMonths(stream.NextExponential(), hazard);

    // The same from an exponential clock already drawn.
    private static int WaitMonths(double clock, double hazard)
    {
        var months = Math.Ceiling(clock / hazard);
        return months >= int.MaxValue ? int.MaxValue : Math.Max(1, (int)months);
    }

    private static int SaturatingAdd(int t, int months) => months == int.MaxValue ? int.MaxValue : t + months;
}
