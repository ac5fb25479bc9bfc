namespace Quartermaster.Stress;

/// <summary>
/// Simulates one path of the stress model (docs/stress-model.md) at a time, reusing its scratch
/// arrays: one per worker thread. This is the hot loop, so it uses flat arrays and no LINQ and
/// allocates nothing per path; the stress benchmark (<c>qm bench stress</c>) guards its speed.
/// Events use exponential clocks (exact in distribution): a regime switch or drift event with constant
/// monthly probability p happens after a geometric number of months, ceil(E / -log(1 - p)) with E ~ Exp(1),
/// and a default happens in the first month whose accumulated regime-dependent hazard exceeds E.
/// </summary>
internal sealed class PathSimulator
{
    private readonly StressModel _model;
    private readonly ulong _seed;
    private readonly CounterRandom[] _strengthStreams;
    private readonly CounterRandom[] _driftStreams;
    private readonly double[] _strength;
    private readonly double[] _shareRatio;
    private readonly double[] _retention;
    private readonly double[] _defaultClock;
    private readonly int[] _nextDrift;
    private readonly bool[] _alive;
    private readonly double[] _demandFactor;

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
        _strengthStreams = new CounterRandom[k];
        _driftStreams = new CounterRandom[k];
        _strength = new double[k];
        _shareRatio = new double[k];
        _retention = new double[k];
        _defaultClock = new double[k];
        _nextDrift = new int[k];
        _alive = new bool[k];
        _demandFactor = new double[k];
        TenantRevenue = new double[k];
        Monthly = new double[FanSketch.Series * (model.Months + 1)];
        Fan = new FanSketch(model.Months, model.FanScale);
    }

    /// <summary>Simulates path <paramref name="path"/> and returns its totals; also fills <see cref="TenantRevenue"/> and <see cref="Fan"/>.</summary>
    public PathTotals Simulate(long path)
    {
        var m = _model;
        var T = m.Months;
        var K = m.TenantCount;
        var C = m.ContractCount;
        var sector = new CounterRandom(_seed, path, StressModel.SectorStream);
        var regimeStream = new CounterRandom(_seed, path, StressModel.RegimeStream);

        for (var k = 0; k < K; k++)
        {
            _strength[k] = m.LogInitialShare[k];
            _shareRatio[k] = 1;
            _retention[k] = 1;
            _alive[k] = true;
            TenantRevenue[k] = 0;
            _strengthStreams[k] = new CounterRandom(_seed, path, m.StrengthStream(k));
            var defaults = m.DefaultHazard[2 * k] > 0 || m.DefaultHazard[(2 * k) + 1] > 0;
            _defaultClock[k] = defaults ? new CounterRandom(_seed, path, m.DefaultStream(k)).NextExponential() : double.PositiveInfinity;
            _nextDrift[k] = int.MaxValue;
            if (m.DriftHazard[k] > 0)
            {
                _driftStreams[k] = new CounterRandom(_seed, path, m.DriftStream(k));
                _nextDrift[k] = WaitMonths(ref _driftStreams[k], m.DriftHazard[k]);
            }
        }

        var regime = m.StartRegime;
        var nextSwitch = SaturatingAdd(1, WaitMonths(ref regimeStream, m.SwitchHazard[regime]));
        var logS = 0.0;
        var s = 1.0;
        var revenuePv = 0.0;
        var revenueTotal = 0.0;
        var usedTotal = 0.0;
        var idleTotal = 0.0;

        for (var t = 1; t <= T; t++)
        {
            if (t == nextSwitch)
            {
                regime ^= 1;
                nextSwitch = SaturatingAdd(t, WaitMonths(ref regimeStream, m.SwitchHazard[regime]));
            }
            logS += m.LogDrift[regime] + (m.Sigma[regime] * sector.NextNormal());
            s = Math.Exp(logS);
            var revenue = 0.0;

            UpdateShares();

            for (var k = 0; k < K; k++)
            {
                if (!_alive[k])
                {
                    continue;
                }
                if (t == _nextDrift[k])
                {
                    _retention[k] *= m.DriftRetention[k];
                    _nextDrift[k] = SaturatingAdd(t, WaitMonths(ref _driftStreams[k], m.DriftHazard[k]));
                }
                _defaultClock[k] -= m.DefaultHazard[(2 * k) + regime];
                if (_defaultClock[k] <= 0)
                {
                    // Default at the start of month t: no revenue from t on; the recovery of the
                    // take-or-pay still due in months t..T is paid in month t.
                    _alive[k] = false;
                    var recovery = m.Recovery[(k * (T + 2)) + t];
                    revenue += recovery;
                    TenantRevenue[k] += recovery;
                    continue;
                }
                _demandFactor[k] = m.DemandFraction[k] * s * _shareRatio[k] * _retention[k];
            }

            var used = 0.0;
            var row = (t - 1) * C;
            for (var c = 0; c < C; c++)
            {
                var k = m.ContractTenant[c];
                if (!_alive[k])
                {
                    continue;
                }
                // Demand of the contract is its share (by commitment) of the tenant's demand.
                var u = Math.Min(m.CommittedMw[row + c] * _demandFactor[k], m.AllocatedMw[row + c]);
                var paid = m.Price[c] * Math.Max(u, m.FloorMw[row + c]);
                used += u;
                revenue += paid;
                TenantRevenue[k] += paid;
            }

            var idle = Math.Max(0, m.OnlineMw[t] - used);
            revenuePv += m.Discount[t] * revenue;
            revenueTotal += revenue;
            usedTotal += used;
            idleTotal += idle;
            Monthly[(FanSketch.Revenue * (T + 1)) + t] = revenue;
            Monthly[(FanSketch.UsedMw * (T + 1)) + t] = used;
            Monthly[(FanSketch.IdleMw * (T + 1)) + t] = idle;
            Fan.Add(FanSketch.Revenue, t, revenue);
            Fan.Add(FanSketch.UsedMw, t, used);
            Fan.Add(FanSketch.IdleMw, t, idle);
        }

        var equity = 0.0;
        for (var i = 0; i < m.EquityTenant.Length; i++)
        {
            var k = m.EquityTenant[i];
            if (_alive[k])
            {
                equity += m.EquityScaleUsd[i] * Math.Pow(s * _shareRatio[k], m.EquityBeta[i]);
            }
        }
        var payoff = revenuePv - m.CostPresentValueUsd + (m.Discount[T] * equity) - m.InvestedUsd;
        return new PathTotals(payoff, revenueTotal, usedTotal, idleTotal, Outcome(regime));
    }

    // Lab strength random walk and softmax shares within each rivalry group; stores w_t / w_0.
    private void UpdateShares()
    {
        var m = _model;
        for (var g = 0; g + 1 < m.GroupStart.Length; g++)
        {
            var from = m.GroupStart[g];
            var to = m.GroupStart[g + 1];
            var max = double.NegativeInfinity;
            for (var i = from; i < to; i++)
            {
                var k = m.GroupMembers[i];
                if (m.StrengthVolatility[k] > 0)
                {
                    _strength[k] += m.StrengthVolatility[k] * _strengthStreams[k].NextNormal();
                }
                max = Math.Max(max, _strength[k]);
            }
            var sum = 0.0;
            for (var i = from; i < to; i++)
            {
                var k = m.GroupMembers[i];
                var e = Math.Exp(_strength[k] - max);
                _shareRatio[k] = e;
                sum += e;
            }
            for (var i = from; i < to; i++)
            {
                var k = m.GroupMembers[i];
                // w / w0 = exp(L - max) / sum / exp(L0), computed without forming tiny shares.
                _shareRatio[k] = _shareRatio[k] / sum * m.InverseInitialShare[k];
            }
        }
    }

    // Which member leads each rivalry group at T (by share), in mixed radix, then whether the sector is cooling.
    private int Outcome(int regime)
    {
        var m = _model;
        var code = 0;
        for (var g = 0; g + 1 < m.GroupStart.Length; g++)
        {
            var from = m.GroupStart[g];
            var to = m.GroupStart[g + 1];
            var leader = 0;
            var best = double.NegativeInfinity;
            for (var i = from; i < to; i++)
            {
                if (_strength[m.GroupMembers[i]] > best)
                {
                    best = _strength[m.GroupMembers[i]];
                    leader = i - from;
                }
            }
            code = (code * (to - from)) + leader;
        }
        return (code * 2) + (regime == StressModel.Cooling ? 1 : 0);
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
