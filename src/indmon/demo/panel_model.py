"""The simulated economy behind the demo panel: enterprises, their months, calibration.

Every enterprise has an industry, a province, a log-normal size, an entry and an exit
year, and its own growth. Real value added of an enterprise in a month is its level a
year earlier times the growth of its industry (with the national month-by-month profile),
its province's tilt and its own drift, times seasonality and noise. Each year the level of
every division is then scaled so that growth computed the statistics bureau's way
(comparable sample of enterprises reporting in both years, year-to-date value added
deflated by the division's producer price index) hits its target exactly.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from indmon.demo import panel_params as params

#: share of the pool that enters in each year after the first (in January)
ENTRY_SHARE = 0.06
#: median monthly value added of an enterprise, yuan (a national total near 34 trillion
#: a year with 483,000 enterprises)
MEDIAN_MONTHLY_VA = 2.5e6
SIZE_SIGMA = 1.2


@dataclass
class Firms:
    """Enterprise attributes, one array element per enterprise."""

    ids: np.ndarray
    industry: np.ndarray  #: index into ``codes``
    province: np.ndarray  #: index into ``provinces``
    size: np.ndarray
    va_ratio: np.ndarray
    margin: np.ndarray
    employees: np.ndarray
    export_share: np.ndarray
    codes: list[str]
    provinces: list[str]


@dataclass
class Economy:
    """A whole simulation: enterprises, months and the real value added matrix."""

    firms: Firms
    years: list[int]
    #: real value added at the prices of the first year's previous year, enterprise x month
    real: np.ndarray
    #: True where the enterprise reports that month
    active: np.ndarray
    #: producer price level by division x month (previous year of the first year = 1)
    price_level: np.ndarray
    #: producer price index (same month last year = 100), division x month
    ppi_yoy: np.ndarray


def simulate(enterprises: int, years: list[int], rng: np.random.Generator) -> Economy:
    # entrants come on top of the enterprises active in the first year
    firms = make_firms(round(enterprises * (1 + ENTRY_SHARE * (len(years) - 1))), rng)
    months = 12 * len(years)
    active = activity(len(firms.ids), len(years), rng)
    ppi = price_indices(firms.codes, years)
    level = np.cumprod(ppi.reshape(len(firms.codes), len(years), 12) / 100.0, axis=1)
    real = np.zeros((len(firms.ids), months))
    real[:, :12] = firms.size[:, None] * season(years[0])[None, :]
    own_growth = rng.normal(0.0, 0.05, (len(firms.ids), len(years)))
    noise = np.exp(rng.normal(0.0, 0.04, (len(firms.ids), months)))
    economy = Economy(firms, years, real, active, level.reshape(len(firms.codes), months), ppi)
    for y in range(1, len(years)):
        grow_year(economy, y, own_growth[:, y])
        calibrate_year(economy, y, noise)
    economy.real *= noise
    return economy


def make_firms(count: int, rng: np.random.Generator) -> Firms:
    codes = sorted(params.INDUSTRIES)
    shares = np.array([params.INDUSTRIES[c][0] for c in codes])
    size_factor = np.array([params.INDUSTRIES[c][1] for c in codes])
    firm_weights = shares / size_factor
    industry = rng.choice(len(codes), count, p=firm_weights / firm_weights.sum())
    provinces = sorted(params.PROVINCES)
    province = _provinces(industry, codes, provinces, rng)
    size = MEDIAN_MONTHLY_VA * size_factor[industry] * rng.lognormal(0.0, SIZE_SIGMA, count)
    ratio = np.array([params.INDUSTRIES[c][2] for c in codes])[industry]
    employees = np.maximum(8, np.round(
        120 * (size / MEDIAN_MONTHLY_VA) ** 0.55 * rng.lognormal(0, 0.3, count)))
    exporters = rng.random(count) < 0.4
    return Firms(
        ids=np.array([f"91{provinces[p]}SIM{i:07d}" for i, p in enumerate(province)]),
        industry=industry, province=province, size=size,
        va_ratio=np.clip(ratio * rng.lognormal(0, 0.15, count), 0.05, 0.85),
        margin=rng.normal(0.055, 0.07, count),
        employees=employees,
        export_share=np.where(exporters, rng.uniform(0.05, 0.6, count), 0.0),
        codes=codes, provinces=provinces,
    )


def _provinces(industry: np.ndarray, codes: list[str], provinces: list[str],
               rng: np.random.Generator) -> np.ndarray:
    general = np.array([params.PROVINCES[p] for p in provinces])
    mining = np.array([params.MINING_PROVINCES.get(p, 0.3) for p in provinces])
    is_mining = np.isin(industry, [codes.index(c) for c in codes if c <= "12"])
    drawn = rng.choice(len(provinces), len(industry), p=general / general.sum())
    drawn_mining = rng.choice(len(provinces), len(industry), p=mining / mining.sum())
    return np.where(is_mining, drawn_mining, drawn)


def activity(count: int, years: int, rng: np.random.Generator) -> np.ndarray:
    """Which months each enterprise reports: entry in January, exit after December,
    a few closures in mid-year and a few months missed."""
    entry = rng.choice(years, count, p=_entry_probabilities(years))
    stay = rng.random((count, years)) > 0.05
    exit_year = np.full(count, years - 1)
    for y in range(years - 1, -1, -1):
        exit_year = np.where((y >= entry) & ~stay[:, y] & (y < years - 1), y, exit_year)
    months = np.arange(12 * years)
    active = ((months[None, :] >= 12 * entry[:, None])
              & (months[None, :] < 12 * (exit_year[:, None] + 1)))
    closing = rng.random(count) < 0.005 * years
    closed_from = 12 * exit_year + rng.integers(1, 12, count)
    active &= ~(closing[:, None] & (months[None, :] >= closed_from[:, None]))
    active &= rng.random(active.shape) > 0.002
    return active


def _entry_probabilities(years: int) -> list[float]:
    later = [ENTRY_SHARE] * (years - 1)
    return [1.0 - sum(later), *later]


def season(year: int) -> np.ndarray:
    months = np.array(params.SEASON)
    january = params.SPRING_FESTIVAL_JANUARY_SHARE.get(year, 0.5)
    both = months[0] + months[1]
    months[0], months[1] = both * january, both * (1 - january)
    return months


def price_indices(codes: list[str], years: list[int]) -> np.ndarray:
    """Producer price index by division and month, same month last year = 100."""
    national = np.concatenate([np.array(params.PPI_PATH.get(y, (0.0,) * 12)) for y in years])
    beta = np.array([params.PRICE_BETA.get(c, params.DEFAULT_PRICE_BETA)[0] for c in codes])
    drift = np.array([params.PRICE_BETA.get(c, params.DEFAULT_PRICE_BETA)[1] for c in codes])
    index: np.ndarray = np.round(100.0 + beta[:, None] * national[None, :] + drift[:, None], 1)
    return index


def grow_year(economy: Economy, y: int, own: np.ndarray) -> None:
    """Year ``y`` from year ``y - 1``: industry shape, monthly profile, province tilt."""
    firms, year = economy.firms, economy.years[y]
    shape = np.array([params.GROWTH_SHAPES[c][_year_slot(year)] for c in firms.codes]) / 100
    profile = _monthly_profile(year)
    tilt = _province_tilt(firms.provinces, year)[firms.province]
    growth = (1 + shape[firms.industry, None] + profile[None, :] + tilt) * (1 + own[:, None])
    ratio = season(year) / season(economy.years[y - 1])
    previous = economy.real[:, 12 * (y - 1): 12 * y]
    economy.real[:, 12 * y: 12 * (y + 1)] = previous * np.maximum(growth, 0.2) * ratio


def _year_slot(year: int) -> int:
    return 0 if year <= 2022 else 1


def _monthly_profile(year: int) -> np.ndarray:
    path = np.array(params.MONTHLY_PATH.get(year, (0.0,) * 12))
    profile: np.ndarray = (path - path.mean()) / 100
    return profile


def _province_tilt(provinces: list[str], year: int) -> np.ndarray:
    """Points above the national rate, province x month, as fractions."""
    tilt = np.zeros((len(provinces), 12))
    for i, code in enumerate(provinces):
        tilt[i] = params.PROVINCE_TILT.get(code, (0.0, 0.0))[_year_slot(year)]
        if year == 2023 and code in params.LATE_RECOVERY_2023:
            tilt[i, :2] += params.LATE_RECOVERY_2023[code]
            tilt[i, 2:] -= params.LATE_RECOVERY_2023[code] * 2 / 10
    return tilt / 100


def calibrate_year(economy: Economy, y: int, noise: np.ndarray) -> None:
    """Scale each division's year ``y`` so its deflated comparable growth hits its target."""
    numerator, denominator = _deflated_sums(economy, y, noise)
    targets = division_targets(economy.firms.codes, economy.years[y], denominator)
    realised = numerator / np.where(denominator > 0, denominator, 1.0)
    factor = np.where(realised > 0, (1 + targets / 100) / np.where(realised > 0, realised, 1), 1)
    economy.real[:, 12 * y: 12 * (y + 1)] *= factor[economy.firms.industry, None]


def _deflated_sums(economy: Economy, y: int, noise: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per division: this year's and last year's value added of the comparable sample, both
    at last year's prices (this year's nominal divided by ppi_yoy / 100)."""
    this, last = slice(12 * y, 12 * (y + 1)), slice(12 * (y - 1), 12 * y)
    active = economy.active
    comparable = active[:, this].any(axis=1) & active[:, last].any(axis=1)
    prices_last = economy.price_level[:, last][economy.firms.industry]
    now = (economy.real[:, this] * noise[:, this] * active[:, this] * prices_last).sum(axis=1)
    before = (economy.real[:, last] * noise[:, last] * active[:, last] * prices_last).sum(axis=1)
    now, before = now * comparable, before * comparable
    count = len(economy.firms.codes)
    return (np.bincount(economy.firms.industry, now, count),
            np.bincount(economy.firms.industry, before, count))


def division_targets(codes: list[str], year: int, weights: np.ndarray) -> np.ndarray:
    """Growth per division, %: fixed targets as published, the rest shifted per sector so
    manufacturing and all industry hit their published growth."""
    targets = np.array([params.GROWTH_SHAPES[c][_year_slot(year)] for c in codes])
    fixed = np.array([year in params.TARGETS.get(c, {}) for c in codes])
    targets[fixed] = [params.TARGETS[c][year] for c, f in zip(codes, fixed, strict=True) if f]
    manufacturing = np.array(["13" <= c <= "43" for c in codes])
    if year in params.TARGETS["C"]:
        _shift(targets, weights, manufacturing & ~fixed, manufacturing, params.TARGETS["C"][year])
    if year in params.TARGETS["ALL"]:
        _shift(targets, weights, ~manufacturing & ~fixed, np.ones(len(codes), bool),
               params.TARGETS["ALL"][year])
    return targets


def _shift(targets: np.ndarray, weights: np.ndarray, movable: np.ndarray, scope: np.ndarray,
           goal: float) -> None:
    """Add one amount to the ``movable`` targets so the weighted mean over ``scope`` is
    ``goal``."""
    current = (targets[scope] * weights[scope]).sum() / weights[scope].sum()
    share = weights[movable].sum() / weights[scope].sum()
    if share > 0:
        targets[movable] += (goal - current) / share
