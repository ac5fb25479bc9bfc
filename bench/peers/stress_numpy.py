#!/usr/bin/python3
"""The stress model of docs/stress-model.md written with numpy, the way a risk analyst would write it.

This is the peer `qm bench stress --peer numpy` times the engine against: the same model (regimes, saturating
sector, rivals' softmax shares, multi-cloud drift, defaults with recovery, take-or-pay, facility and IT capex
with refresh, opex, residual value, dated stakes with a valuation cap, discounting), vectorised over paths in
blocks, float64, numpy's default generator (PCG64). It reads the same book YAML (written by BookWriter) and,
like the engine's StressInput, starts from the planned capacity: the MW the plan allocates to each contract in
each month, one CSV row per contract, so it needs no planner.

    /usr/bin/python3 stress_numpy.py BOOK.yaml CAPACITY.csv [--paths N] [--workers K] [--block B] [--seed S]

Prints one JSON object: per payoff line (operating, stakes, total) the mean and its standard error, P5, P50
and P95 with their order-statistic bounds, and P(loss); and the CPU seconds of the run (this process and its
worker processes). Draws differ from the engine's (another generator), so the two agree within Monte Carlo
error, not to the digit. The block of paths b draws from default_rng([seed, b]), so results do not depend on
the number of workers. Needs numpy and PyYAML (Debian: python3-numpy, python3-yaml).
"""

import argparse
import csv
import json
import math
import os
import sys
import time
from decimal import Decimal
from multiprocessing import Pool
import re

import numpy as np
import yaml

# ---------------------------------------------------------------- the book's quantities (docs/book-format.md)

NUMBER = r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?"
MONEY = re.compile(r"^(-?)\$(" + NUMBER[2:] + r")([KMBT]?)((?:/MW(?:-month)?)?)$")
PERCENT = re.compile(r"^(" + NUMBER + r")%((?:/yr|/month)?)$")
POWER = re.compile(r"^(" + NUMBER + r") ?(MW|GW)$")
SUFFIX_PLACES = {"T": 12, "B": 9, "M": 6, "K": 3, "": 0}


def shifted(text, places):
    """The double nearest the decimal `text` times 10^places, as the book reader rounds it (once, from the text)."""
    return float(Decimal(text).scaleb(places))


def number(value):
    return float(value) if not isinstance(value, str) else float(Decimal(value))


def money(text):
    m = MONEY.match(str(text))
    if not m:
        raise ValueError(f"not an amount of money: {text!r}")
    return shifted(m.group(2), SUFFIX_PLACES[m.group(3)]) * (-1 if m.group(1) else 1)


def percent(text):
    m = PERCENT.match(str(text))
    if not m or m.group(2):
        raise ValueError(f"not a percentage: {text!r}")
    return shifted(m.group(1), -2)


def rate(text):
    """(fraction, 'yr' or 'month')."""
    m = PERCENT.match(str(text))
    if not m or not m.group(2):
        raise ValueError(f"not a rate: {text!r}")
    return shifted(m.group(1), -2), m.group(2)[1:]


def power(text):
    m = POWER.match(str(text))
    if not m:
        raise ValueError(f"not a power: {text!r}")
    return shifted(m.group(1), 3) if m.group(2) == "GW" else float(m.group(1))


def month(text):
    year, mon = str(text).split("-")
    return int(year) * 12 + int(mon) - 1


def monthly_probability(r):
    fraction, period = r
    return fraction if period == "month" else 1 - (1 - fraction) ** (1 / 12)


def monthly_drift(r):
    fraction, period = r
    return fraction if period == "month" else fraction / 12


def monthly_volatility(r):
    fraction, period = r
    return fraction if period == "month" else fraction / math.sqrt(12)


def compounded_monthly(r):
    fraction, period = r
    return fraction if period == "month" else (1 + fraction) ** (1 / 12) - 1


def hazard(p):
    return 0.0 if p <= 0 else math.inf if p >= 1 else -math.log(1 - p)


def schedule(steps, months):
    """MW in each of `months` (absolute month indices) of a step schedule {month: power}."""
    points = sorted((month(m), power(v)) for m, v in steps.items())
    values = np.zeros(len(months))
    for i, m in enumerate(months):
        for start, mw in points:
            if start > m:
                break
            values[i] = mw
    return values


# ---------------------------------------------------------------- the model: everything that does not depend on the path


class Model:
    """The book compiled to arrays: months t = 1..T are columns 0..T-1."""

    def __init__(self, book, capacity):
        scenario = book.get("scenario") or {}
        start, end = month(book["horizon"]["start"]), month(book["horizon"]["end"])
        T = self.T = end - start + 1
        calendar = list(range(start, end + 1))
        self.seed = int(scenario.get("seed", 1))
        self.paths = int(scenario.get("paths", 10000))

        boom = scenario.get("boom") or {}
        cooling = scenario.get("cooling") or {}
        growth = [monthly_drift(rate(boom.get("growth", "20%/yr"))), monthly_drift(rate(cooling.get("growth", "-15%/yr")))]
        sigma = [monthly_volatility(rate(boom.get("volatility", "25%/yr"))), monthly_volatility(rate(cooling.get("volatility", "35%/yr")))]
        self.growth = np.array(growth)
        self.sigma = np.array(sigma)
        self.log_drift = self.growth - self.sigma ** 2 / 2
        self.switch = [monthly_probability(rate(scenario.get("boom_to_cooling", "2%/month"))),
                       monthly_probability(rate(scenario.get("cooling_to_boom", "5%/month")))]
        self.start_regime = 0 if scenario.get("start_regime", "boom") == "boom" else 1
        self.ceiling = number(scenario["sector_ceiling"]) if "sector_ceiling" in scenario else math.inf

        d = 1 / (1 + compounded_monthly(rate(scenario.get("discount_rate", "8%/yr"))))
        discount = np.empty(T)
        acc = 1.0
        for t in range(T):
            acc *= d
            discount[t] = acc
        self.discount = discount

        tenants = book.get("tenants") or []
        contracts = book.get("contracts") or []
        tenant_index = {t["id"]: k for k, t in enumerate(tenants)}
        K = self.K = len(tenants)

        # Contracts: committed MW, allocated MW (the plan's, from the CSV), take-or-pay floor, price.
        self.contract_tenant = [tenant_index[c["tenant"]] for c in contracts]
        self.price = np.array([money(c["price"]) for c in contracts])
        self.committed = np.zeros((len(contracts), T))
        self.floor = np.zeros((len(contracts), T))
        for i, c in enumerate(contracts):
            c_start, c_end = month(c["start"]), month(c["end"])
            ramp = schedule(c["ramp"], calendar)
            inside = np.array([c_start <= m <= c_end for m in calendar])
            self.committed[i] = np.where(inside, ramp, 0.0)
            self.floor[i] = percent(c["take_or_pay"]) * self.committed[i]
        self.allocated = np.array([capacity[c["id"]] for c in contracts]).reshape(len(contracts), T)

        # Tenants' risk, with the book's defaults.
        risk = [t.get("risk") or {} for t in tenants]
        self.strength_volatility = np.array([number(r.get("strength_volatility", 0.05)) for r in risk])
        drift_fraction = np.array([percent(r.get("drift_fraction", "10%")) for r in risk])
        self.drift_probability = np.array([monthly_probability(rate(r.get("drift_hazard", "5%/yr"))) if f > 0 else 0.0
                                           for r, f in zip(risk, drift_fraction)])
        self.retention = 1 - drift_fraction
        self.default_hazard = np.array([[hazard(monthly_probability(rate(r.get("default_hazard_boom", "1%/yr")))),
                                         hazard(monthly_probability(rate(r.get("default_hazard_cooling", "5%/yr"))))] for r in risk])
        recovery = np.array([percent(r.get("recovery", "40%")) for r in risk])
        self.demand = np.array([percent(r.get("demand", "100%")) for r in risk])
        # R times the take-or-pay due in months t..T, paid in month t on a default then (column T: nothing due).
        due = np.zeros((K, T + 1))
        for i, k in enumerate(self.contract_tenant):
            due[k, :T] += self.price[i] * self.floor[i]
        # A contract's demand at S = 1, w = w_0, full retention: its commitment times its tenant's `demand`.
        self.demand_mw = self.committed * self.demand[self.contract_tenant][:, None]
        self.recovery = recovery[:, None] * np.cumsum(due[:, ::-1], axis=1)[:, ::-1]

        # Rivalry groups: stated initial shares kept, the rest split what is left, normalised; a 0% member
        # takes no part in the walk (its w/w_0 is 1), and a group needs two members with a share to be a rivalry.
        self.log_share = np.zeros(K)
        self.groups = []
        by_group = {}
        for k, t in enumerate(tenants):
            if t.get("rivalry_group"):
                by_group.setdefault(t["rivalry_group"], []).append(k)
        for members in by_group.values():
            stated_shares = [percent(risk[k]["initial_share"]) if "initial_share" in risk[k] else None for k in members]
            stated = sum(s for s in stated_shares if s is not None)
            unstated = sum(1 for s in stated_shares if s is None)
            fill = 0 if unstated == 0 else (1 - stated) / unstated if stated < 1 else 1 / len(members)
            shares = [fill if s is None else s for s in stated_shares]
            total = sum(shares)
            rivals = [k for k, s in zip(members, shares) if s > 0]
            if len(rivals) > 1:
                for k, s in zip(members, shares):
                    if s > 0:
                        self.log_share[k] = math.log(s / total)
                self.groups.append(np.array(rivals))

        # Costs, the same on every path: facility and IT capex, opex, and the residual value at T.
        sites = book.get("sites") or []
        with_contracts = scenario.get("it_purchase", "with-capacity") == "with-contracts"
        online_total = np.zeros(T)
        capex = np.zeros(T)
        opex = np.zeros(T)
        residual = 0.0
        site_online = []
        for s in sites:
            online = schedule(s["online"], calendar)
            site_online.append(online)
            capex_mw = money(s["capex"])
            it_mw = money(s.get("it_capex", "$0/MW"))
            refresh = max(1, int(math.floor(number(s.get("refresh_years", 5)) * 12 + 0.5)))
            life = max(1, int(math.floor(number(s.get("facility_life_years", 20)) * 12 + 0.5)))
            before = 0.0
            for t in range(1, T + 1):
                added = max(0.0, online[t - 1] - before)
                capex[t - 1] += capex_mw * added
                if not with_contracts and it_mw > 0 and added > 0:
                    last = t
                    for u in range(t, T + 1, refresh):
                        capex[u - 1] += it_mw * added
                        last = u
                    residual += it_mw * added * (1 - (T - last + 1) / refresh)
                if added > 0:
                    residual += capex_mw * added * max(0.0, 1 - (T - t + 1) / life)
                opex[t - 1] += money(s["opex"]) * online[t - 1]
                before = online[t - 1]
            online_total += online
        if with_contracts:
            contracted = np.minimum(self.allocated, self.committed).sum(axis=0)
            fitted = np.where(online_total > 0, np.minimum(1, contracted / np.where(online_total > 0, online_total, 1)), 0)
            for s, online in zip(sites, site_online):
                it_mw = money(s.get("it_capex", "$0/MW"))
                if it_mw <= 0:
                    continue
                refresh = max(1, int(math.floor(number(s.get("refresh_years", 5)) * 12 + 0.5)))
                bought = np.zeros(T + 1)
                installed = 0.0
                for t in range(1, T + 1):
                    if t > refresh:
                        installed -= bought[t - refresh]
                    need = online[t - 1] * fitted[t - 1]
                    if need > installed + 1e-9:
                        bought[t] = need - installed
                        installed = need
                        capex[t - 1] += it_mw * bought[t]
                for t in range(max(1, T - refresh + 1), T + 1):
                    residual += it_mw * bought[t] * (1 - (T - t + 1) / refresh)
        self.net_cost_pv = float(discount @ (capex + opex)) - discount[-1] * residual

        # Stakes bought within the horizon: t_d = 0 when undated or dated at or before the start.
        self.stakes = []
        invested_pv = 0.0
        for inv in book.get("investments") or []:
            t_d = max(0, month(inv["date"]) - start + 1) if "date" in inv else 0
            if t_d > T:
                continue
            amount = money(inv["amount"])
            invested_pv += amount if t_d == 0 else amount * discount[t_d - 1]
            self.stakes.append((tenant_index[inv["tenant"]], t_d, percent(inv["ownership"]), money(inv["valuation"]),
                                money(inv.get("valuation_cap", "$5T")), number(inv.get("beta", 1))))
        self.invested_pv = invested_pv


# ---------------------------------------------------------------- one block of paths


def event_counts(rng, n, T, probabilities, first=0):
    """
    Events so far by month (n x T) of a process whose events come geometric gaps apart (exponential clocks, as the
    model states): the first at `first` + gap, gap j with probability probabilities[j % 2]; one draw per event.
    """
    months = np.arange(1, T + 1)
    counts = np.zeros((n, T), dtype=np.int32)
    at = np.full(n, first, dtype=np.int64)
    j = 0
    while True:
        p = probabilities[j % 2]
        if p <= 0:
            break
        at += rng.geometric(p, n) if p < 1 else 1
        if at.min() > T:
            break
        counts += months >= at[:, None]
        j += 1
    return counts


def simulate_block(m, rng, n):
    """Operating and stakes payoffs of n paths."""
    T = m.T
    # Regimes: month 1 is the start regime; each switch comes a geometric number of months after the last.
    order = [m.switch[m.start_regime], m.switch[1 - m.start_regime]]
    switches = event_counts(rng, n, T, order, first=1)
    regime = (m.start_regime + switches) & 1
    months = np.arange(1, T + 1)
    boom_months = np.cumsum(regime == 0, axis=1)
    cooling_months = months - boom_months

    # Sector: log S_t = log S_{t-1} + mu_r g_t - sigma_r^2 / 2 + sigma_r e_t.
    e = rng.standard_normal((n, T))
    if math.isinf(m.ceiling):
        log_s = np.cumsum(m.log_drift[regime] + m.sigma[regime] * e, axis=1)
    else:
        log_s = np.empty((n, T))
        x = np.zeros(n)
        for t in range(T):
            r = regime[:, t]
            g = m.growth[r]
            drift = np.where(g > 0, g * (1 - np.exp(x) / m.ceiling), g)
            x = x + drift - m.sigma[r] ** 2 / 2 + m.sigma[r] * e[:, t]
            log_s[:, t] = x
    sector = np.exp(log_s)

    # Rivals: strength random walks, softmax shares within each group, as w_t / w_0.
    ratio = {}
    for rivals in m.groups:
        # Rivals first (rivals x paths x months): the walk runs along contiguous months, the softmax across rivals.
        noise = rng.standard_normal((len(rivals), n, T)) * m.strength_volatility[rivals][:, None, None]
        walk = np.cumsum(noise, axis=2)
        walk += m.log_share[rivals][:, None, None]
        walk -= walk.max(axis=0)
        w = np.exp(walk)
        w /= w.sum(axis=0)
        for j, k in enumerate(rivals):
            ratio[k] = w[j] * math.exp(-m.log_share[k])

    # Per tenant: default month (first month whose cumulative regime hazard reaches an Exp(1) clock), drift.
    operating = np.zeros(n)
    alive = {}
    factor = {}
    default_month = {}
    for k in range(m.K):
        hb, hc = m.default_hazard[k]
        if hb > 0 or hc > 0:
            if math.isinf(hb) or math.isinf(hc):  # a certain default: infinity times no months is no hazard, not NaN
                cumulative = np.where(boom_months > 0, boom_months * hb, 0) + np.where(cooling_months > 0, cooling_months * hc, 0)
            else:
                cumulative = (hb - hc) * boom_months + hc * months
            clock = rng.standard_exponential(n)
            dm = 1 + (cumulative < clock[:, None]).sum(axis=1)  # T + 1: survives the horizon
        else:
            dm = np.full(n, T + 1)
        default_month[k] = dm
        living = months < dm[:, None]
        alive[k] = living
        f = sector
        if k in ratio:
            f = f * ratio[k]
        if m.drift_probability[k] > 0:
            events = event_counts(rng, n, T, [m.drift_probability[k]] * 2)
            f = f * (m.retention[k] ** np.arange(events.max() + 1))[events]
        factor[k] = f * living
        # The recovery of the take-or-pay still due, paid in the default month and discounted from it.
        defaulted = dm <= T
        at = np.minimum(dm, T) - 1
        operating += np.where(defaulted, m.recovery[k, at] * m.discount[at], 0.0)

    # Contracts: used = min(demand, allocated); revenue = price * max(used, take-or-pay floor) while the tenant lives.
    for c, k in enumerate(m.contract_tenant):
        used = np.minimum(m.demand_mw[c] * factor[k], m.allocated[c])
        paid = np.maximum(used, m.floor[c]) * alive[k]
        operating += paid @ (m.price[c] * m.discount)
    operating -= m.net_cost_pv

    # Stakes: ownership * min(valuation * (X_T / X_d)^beta, cap), X = S w / w_0, 0 after a default.
    equity = np.zeros(n)
    for k, t_d, ownership, valuation, cap, beta in m.stakes:
        r = ratio.get(k)
        r_end = r[:, -1] if r is not None else 1.0
        if t_d == 0:
            growth = (sector[:, -1] * r_end) ** beta
        else:
            r_from = r[:, t_d - 1] if r is not None else 1.0
            with np.errstate(divide="ignore", invalid="ignore"):
                log_growth = log_s[:, -1] - log_s[:, t_d - 1] + np.log(r_end / r_from)
                growth = np.nan_to_num(np.exp(beta * log_growth), nan=0.0) if beta != 0 else np.ones(n)
        value = ownership * np.minimum(valuation * growth, cap)
        equity += np.where(default_month[k] > T, value, 0.0)
    stakes = m.discount[-1] * equity - m.invested_pv
    return operating, stakes


def run_blocks(job):
    book, capacity, seed, blocks, block, paths = job
    m = Model(book, capacity)
    out = []
    for b in blocks:
        n = min(block, paths - b * block)
        out.append((b, *simulate_block(m, np.random.default_rng([seed, b]), n)))
    return out


# ---------------------------------------------------------------- statistics


def summary(values, z=4.0):
    """Mean, its standard error, percentiles with order-statistic bounds, and P(loss)."""
    n = len(values)
    ordered = np.sort(values)
    out = {"mean": float(values.mean()), "standard_error": float(values.std(ddof=1) / math.sqrt(n)),
           "p_loss": float((values < 0).mean())}
    for name, q in (("p5", 0.05), ("p50", 0.50), ("p95", 0.95)):
        position = q * (n - 1)
        below = int(math.floor(position))
        above = min(below + 1, n - 1)
        # Order statistics bracketing the q-quantile of the difference of two independent estimates at z standard
        # errors: ranks n q +- z sqrt(2 n q (1 - q)) (the normal approximation of the binomial rank), no bootstrap.
        spread = z * math.sqrt(2 * n * q * (1 - q))
        out[name] = float(ordered[below] + (position - below) * (ordered[above] - ordered[below]))
        out[name + "_low"] = float(ordered[max(0, int(math.floor(position - spread)))])
        out[name + "_high"] = float(ordered[min(n - 1, int(math.ceil(position + spread)))])
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("book")
    parser.add_argument("capacity")
    parser.add_argument("--paths", type=int)
    parser.add_argument("--seed", type=int)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--block", type=int, default=2_000)
    args = parser.parse_args()

    cpu_start = os.times()
    clock = time.perf_counter()
    with open(args.book, encoding="utf-8") as f:
        book = yaml.safe_load(f)
    capacity = {}
    with open(args.capacity, encoding="utf-8", newline="") as f:
        for row in csv.reader(f):
            if row and row[0] != "contract":
                capacity[row[0]] = [float(v) for v in row[1:]]
    model = Model(book, capacity)
    paths = args.paths or model.paths
    seed = args.seed if args.seed is not None else model.seed
    blocks = (paths + args.block - 1) // args.block
    # Blocks are dealt round-robin to the workers; block b always draws from default_rng([seed, b]).
    jobs = [(book, capacity, seed, list(range(w, blocks, args.workers)), args.block, paths) for w in range(args.workers)]
    if args.workers == 1:
        results = run_blocks(jobs[0])
    else:
        with Pool(args.workers) as pool:
            results = [r for part in pool.map(run_blocks, jobs) for r in part]
    results.sort(key=lambda r: r[0])
    operating = np.concatenate([r[1] for r in results])
    stakes = np.concatenate([r[2] for r in results])
    lines = {"operating": summary(operating), "stakes": summary(stakes), "total": summary(operating + stakes)}
    wall = time.perf_counter() - clock
    cpu_end = os.times()
    cpu = (cpu_end.user - cpu_start.user) + (cpu_end.system - cpu_start.system) \
        + (cpu_end.children_user - cpu_start.children_user) + (cpu_end.children_system - cpu_start.children_system)
    json.dump({"paths": paths, "seed": seed, "workers": args.workers, "block": args.block, "numpy": np.__version__,
               "wall_seconds": wall, "cpu_seconds": cpu, "lines": lines}, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
