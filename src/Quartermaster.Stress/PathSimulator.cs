using System.Runtime.Intrinsics;

namespace Quartermaster.Stress;

/// <summary>
/// Simulates one path of the stress model (docs/stress-model.md) at a time, reusing its scratch
/// arrays: one per worker thread. This is the hot loop, so it uses flat arrays, no LINQ, no
/// allocation per path and a vectorised exp; the stress benchmark (<c>qm bench stress</c>) guards its speed.
/// Events use exponential clocks, exact in distribution: a regime switch or drift event with constant
/// monthly probability p comes after a geometric number of months, ceil(E / -log(1 - p)) with E ~ Exp(1),
/// and a tenant defaults in the first month whose cumulative regime-dependent hazard reaches its E.
/// </summary>
internal sealed class PathSimulator
{
    private readonly StressModel _model;
    private readonly ulong _seed;
    private readonly CounterRandom[] _driftStreams;
    private readonly int _stride; // months 0..T padded to whole vectors
    private readonly double[] _sector; // S_t at [t]
    private readonly double[] _strength; // L_t of rival i (index into GroupMembers) at [i * stride + t]
    private readonly double[] _shareRatio; // w_t / w_0 of tenant k at [k * stride + t]; 1 for a tenant in no group
    private readonly double[] _retention;
    private readonly double[] _alive; // 1 until the tenant defaults, then 0
    private readonly double[] _steadyFactor; // DemandFraction * retention * alive: changes only at events
    private readonly double[] _contractFactor; // demand MW per committed MW of contract c this month
    private readonly double[] _contractSteady; // DemandFraction * retention * alive of contract c's tenant
    private readonly double[] _contractPrice; // price of contract c while its tenant is alive, then 0
    private readonly double[] _contractRevenue; // revenue of contract c on this path so far
    private readonly int[] _defaultMonth;
    private readonly int[] _nextDrift;
    private readonly int[] _regime; // regime of month t, t = 1..T
    private readonly int[] _boomMonths; // months 1..t spent booming

    /// <summary>Revenue of each tenant on the last simulated path (USD, undiscounted, recoveries included).</summary>
    public double[] TenantRevenue { get; }

    /// <summary>
    /// Revenue (USD), used MW and idle MW in each month of the last simulated path, at
    /// [series * (T + 1) + t] with the series numbered as in <see cref="FanSketch"/>.
    /// </summary>
    public double[] Monthly { get; }

    /// <summary>Monthly revenue, used MW and idle MW of every simulated path.</summary>
    public FanSketch Fan { get; }

    public PathSimulator(StressModel model, ulong seed)
    {
        _model = model;
        _seed = seed;
        var k = model.TenantCount;
        _driftStreams = new CounterRandom[k];
        var lanes = Vector256<double>.Count;
        _stride = (model.Months + 1 + lanes - 1) / lanes * lanes;
        _sector = new double[_stride];
        _strength = new double[model.GroupMembers.Length * _stride];
        _shareRatio = new double[k * _stride];
        Array.Fill(_shareRatio, 1.0);
        _retention = new double[k];
        _alive = new double[k];
        _steadyFactor = new double[k];
        _contractFactor = new double[model.ContractStride];
        _contractSteady = new double[model.ContractStride];
        _contractPrice = new double[model.ContractStride];
        _contractRevenue = new double[model.ContractStride];
        _defaultMonth = new int[k];
        _nextDrift = new int[k];
        _regime = new int[model.Months + 1];
        _boomMonths = new int[model.Months + 1];
        TenantRevenue = new double[k];
        Monthly = new double[FanSketch.Series * (model.Months + 1)];
        Fan = new FanSketch(model.Months, model.FanScale);
    }

    /// <summary>Simulates path <paramref name="path"/> and returns its totals; also fills <see cref="TenantRevenue"/>, <see cref="Monthly"/> and <see cref="Fan"/>.</summary>
    public PathTotals Simulate(long path)
    {
        var m = _model;
        var T = m.Months;
        var C = m.ContractCount;
        var lanes = Vector256<double>.Count;
        DrawRegimes(path);
        DrawSector(path);
        DrawShares(path);
        var nextEvent = StartTenants(path);
        var stride = _stride;

        var revenuePv = 0.0;
        var revenueTotal = 0.0;
        var usedTotal = 0.0;
        var idleTotal = 0.0;
        for (var t = 1; t <= T; t++)
        {
            var s = _sector[t];
            var revenue = 0.0;

            if (t == nextEvent)
            {
                revenue += TenantEvents(t);
                nextEvent = NextEvent();
            }

            for (var c = 0; c < C; c++)
            {
                _contractFactor[c] = s * _contractSteady[c] * _shareRatio[(m.ContractTenant[c] * stride) + t];
            }

            // Four contracts at a time. Demand of a contract is its share (by commitment) of its
            // tenant's demand; a tenant that has defaulted has demand 0 and pays nothing, not even
            // the take-or-pay floor (its contracts' price is 0 from then on).
            var usedSum = Vector256<double>.Zero;
            var paidSum = Vector256<double>.Zero;
            var row = (t - 1) * m.ContractStride;
            for (var c = 0; c < m.ContractStride; c += lanes)
            {
                var u = Vector256.Min(Vector256.Create(m.CommittedMw.AsSpan(row + c)) * Vector256.Create(_contractFactor.AsSpan(c)), Vector256.Create(m.AllocatedMw.AsSpan(row + c)));
                var paid = Vector256.Create(_contractPrice.AsSpan(c)) * Vector256.Max(u, Vector256.Create(m.FloorMw.AsSpan(row + c)));
                (Vector256.Create(_contractRevenue.AsSpan(c)) + paid).CopyTo(_contractRevenue.AsSpan(c));
                usedSum += u;
                paidSum += paid;
            }
            var used = VectorExp.Sum(usedSum);
            revenue += VectorExp.Sum(paidSum);

            var idle = Math.Max(0, m.OnlineMw[t] - used);
            revenuePv += m.Discount[t] * revenue;
            revenueTotal += revenue;
            usedTotal += used;
            idleTotal += idle;
            Monthly[(FanSketch.Revenue * (T + 1)) + t] = revenue;
            Monthly[(FanSketch.UsedMw * (T + 1)) + t] = used;
            Monthly[(FanSketch.IdleMw * (T + 1)) + t] = idle;
        }
        Fan.AddPath(Monthly);

        for (var c = 0; c < C; c++)
        {
            TenantRevenue[m.ContractTenant[c]] += _contractRevenue[c];
        }

        var equity = 0.0;
        for (var i = 0; i < m.EquityTenant.Length; i++)
        {
            var k = m.EquityTenant[i];
            if (_alive[k] > 0)
            {
                equity += m.EquityScaleUsd[i] * Math.Pow(_sector[T] * _shareRatio[(k * stride) + T], m.EquityBeta[i]);
            }
        }
        var payoff = revenuePv - m.CostPresentValueUsd + (m.Discount[T] * equity) - m.InvestedUsd;
        return new PathTotals(payoff, revenueTotal, usedTotal, idleTotal, Outcome());
    }

    // The regime of every month, drawn up front from the regime stream (it depends on nothing else):
    // month 1 is the start regime; each switch comes a geometric number of months after the last.
    private void DrawRegimes(long path)
    {
        var m = _model;
        var stream = new CounterRandom(_seed, path, StressModel.RegimeStream);
        var regime = m.StartRegime;
        var nextSwitch = SaturatingAdd(1, WaitMonths(ref stream, m.SwitchHazard[regime]));
        var boom = 0;
        for (var t = 1; t <= m.Months; t++)
        {
            if (t == nextSwitch)
            {
                regime ^= 1;
                nextSwitch = SaturatingAdd(t, WaitMonths(ref stream, m.SwitchHazard[regime]));
            }
            _regime[t] = regime;
            boom += regime == StressModel.Boom ? 1 : 0;
            _boomMonths[t] = boom;
        }
    }

    // Resets every tenant for a new path, fixes its default month and first drift month; returns the first event month.
    private int StartTenants(long path)
    {
        var m = _model;
        for (var k = 0; k < m.TenantCount; k++)
        {
            _retention[k] = 1;
            _alive[k] = 1;
            _steadyFactor[k] = m.DemandFraction[k];
            TenantRevenue[k] = 0;
            _defaultMonth[k] = int.MaxValue;
            if (m.DefaultHazard[2 * k] > 0 || m.DefaultHazard[(2 * k) + 1] > 0)
            {
                _defaultMonth[k] = DefaultMonth(k, new CounterRandom(_seed, path, m.DefaultStream(k)).NextExponential());
            }
            _nextDrift[k] = int.MaxValue;
            if (m.DriftHazard[k] > 0)
            {
                _driftStreams[k] = new CounterRandom(_seed, path, m.DriftStream(k));
                _nextDrift[k] = WaitMonths(ref _driftStreams[k], m.DriftHazard[k]);
            }
        }
        Array.Clear(_contractRevenue);
        SpreadToContracts();
        return NextEvent();
    }

    // Copies each tenant's steady demand factor and alive flag to its contracts (after events only).
    private void SpreadToContracts()
    {
        var m = _model;
        for (var c = 0; c < m.ContractCount; c++)
        {
            var k = m.ContractTenant[c];
            _contractSteady[c] = _steadyFactor[k];
            _contractPrice[c] = m.Price[c] * _alive[k];
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

    private double CumulativeDefaultHazard(int k, int t)
    {
        var boom = _boomMonths[t];
        var cooling = t - boom;
        // Written so an infinite hazard times zero months is 0, not NaN.
        return (boom > 0 ? boom * _model.DefaultHazard[2 * k] : 0) + (cooling > 0 ? cooling * _model.DefaultHazard[(2 * k) + 1] : 0);
    }

    // Drift and default events of month t; returns the recoveries paid in it.
    private double TenantEvents(int t)
    {
        var m = _model;
        var recoveries = 0.0;
        for (var k = 0; k < m.TenantCount; k++)
        {
            if (_alive[k] == 0)
            {
                continue;
            }
            if (t == _nextDrift[k])
            {
                _retention[k] *= m.DriftRetention[k];
                _nextDrift[k] = SaturatingAdd(t, WaitMonths(ref _driftStreams[k], m.DriftHazard[k]));
            }
            if (t == _defaultMonth[k])
            {
                // Default at the start of month t: no revenue from t on; the recovery of the
                // take-or-pay still due in months t..T is paid in month t.
                _alive[k] = 0;
                _nextDrift[k] = int.MaxValue;
                var recovery = m.Recovery[(k * (m.Months + 2)) + t];
                recoveries += recovery;
                TenantRevenue[k] += recovery;
            }
            _steadyFactor[k] = m.DemandFraction[k] * _retention[k] * _alive[k];
        }
        SpreadToContracts();
        return recoveries;
    }

    private int NextEvent()
    {
        var next = int.MaxValue;
        for (var k = 0; k < _model.TenantCount; k++)
        {
            if (_alive[k] > 0)
            {
                next = Math.Min(next, Math.Min(_nextDrift[k], _defaultMonth[k]));
            }
        }
        return next;
    }

    // log S_t for every month from the sector stream, then S_t = exp(log S_t) in whole vectors.
    private void DrawSector(long path)
    {
        var m = _model;
        var stream = new CounterRandom(_seed, path, StressModel.SectorStream);
        var x = _sector;
        var logS = 0.0;
        x[0] = 0;
        for (var t = 1; t <= m.Months; t++)
        {
            var regime = _regime[t];
            logS += m.LogDrift[regime] + (m.Sigma[regime] * stream.NextNormal());
            x[t] = logS;
        }
        for (var t = 0; t < x.Length; t += Vector256<double>.Count)
        {
            VectorExp.Exp(Vector256.Create(x.AsSpan(t))).CopyTo(x.AsSpan(t));
        }
    }

    // Every rival's strength walk from its own stream (a tight loop per rival), then the softmax
    // shares of each group as w_t / w_0, four months at a time: one VectorExp.Exp per rival per four
    // months instead of a Math.Exp per rival-month. Strengths are taken relative to the group's
    // strongest so exp never overflows.
    private void DrawShares(long path)
    {
        var m = _model;
        var members = m.GroupMembers;
        var stride = _stride;
        for (var i = 0; i < members.Length; i++)
        {
            var k = members[i];
            var stream = new CounterRandom(_seed, path, m.StrengthStream(k));
            var walk = _strength.AsSpan(i * stride, stride);
            var strength = m.LogInitialShare[k];
            var volatility = m.StrengthVolatility[k];
            walk[0] = strength;
            for (var t = 1; t <= m.Months; t++)
            {
                strength += volatility * stream.NextNormal();
                walk[t] = strength;
            }
        }
        for (var g = 0; g + 1 < m.GroupStart.Length; g++)
        {
            var from = m.GroupStart[g];
            var to = m.GroupStart[g + 1];
            for (var t = 0; t < stride; t += Vector256<double>.Count)
            {
                var max = Vector256.Create(_strength.AsSpan((from * stride) + t));
                for (var i = from + 1; i < to; i++)
                {
                    max = Vector256.Max(max, Vector256.Create(_strength.AsSpan((i * stride) + t)));
                }
                var sum = Vector256<double>.Zero;
                for (var i = from; i < to; i++)
                {
                    var e = VectorExp.Exp(Vector256.Create(_strength.AsSpan((i * stride) + t)) - max);
                    e.CopyTo(_shareRatio.AsSpan((members[i] * stride) + t));
                    sum += e;
                }
                for (var i = from; i < to; i++)
                {
                    var ratio = _shareRatio.AsSpan((members[i] * stride) + t);
                    (Vector256.Create(ratio) / sum * m.InverseInitialShare[members[i]]).CopyTo(ratio);
                }
            }
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
    private static int WaitMonths(ref CounterRandom stream, double hazard)
    {
        if (hazard <= 0)
        {
            return int.MaxValue;
        }
        var months = Math.Ceiling(stream.NextExponential() / hazard);
        return months >= int.MaxValue ? int.MaxValue : Math.Max(1, (int)months);
    }

    private static int SaturatingAdd(int t, int months) => months == int.MaxValue ? int.MaxValue : t + months;
}
