"""The numbers the simulated panel is built from, and the published figures it aims at.

Shares and growth shapes are rounded approximations of China's industrial structure
(value added by division and by province), chosen so that the panel looks like the real
economy; they are inputs of a simulation, not statistics. The calibration targets are the
published figures quoted in ``TARGETS`` (with their publisher, title and date).
"""

from __future__ import annotations

#: division -> (share of industrial value added %, firm size factor, value added / output)
#: the size factor makes a division's enterprises bigger (tobacco, oil) or smaller
#: (metal products, garments) than average, so counts and value added differ as in China
INDUSTRIES: dict[str, tuple[float, float, float]] = {
    "06": (5.0, 3.0, 0.45), "07": (1.8, 12.0, 0.55), "08": (0.6, 1.2, 0.35),
    "09": (0.4, 1.2, 0.35), "10": (0.6, 0.7, 0.33), "11": (0.3, 1.5, 0.35),
    "12": (0.02, 0.5, 0.30),
    "13": (4.0, 0.9, 0.18), "14": (1.8, 0.9, 0.28), "15": (1.8, 1.3, 0.35),
    "16": (1.6, 20.0, 0.70), "17": (1.8, 0.5, 0.22), "18": (1.0, 0.5, 0.25),
    "19": (0.8, 0.5, 0.24), "20": (0.6, 0.5, 0.24), "21": (0.4, 0.5, 0.24),
    "22": (0.9, 0.8, 0.24), "23": (0.5, 0.5, 0.28), "24": (0.8, 0.5, 0.22),
    "25": (2.8, 4.0, 0.20), "26": (6.5, 1.3, 0.24), "27": (3.0, 1.3, 0.38),
    "28": (0.5, 1.5, 0.18), "29": (2.2, 0.5, 0.23), "30": (4.5, 0.7, 0.27),
    "31": (4.5, 3.0, 0.20), "32": (3.2, 1.6, 0.15), "33": (2.8, 0.5, 0.23),
    "34": (4.0, 0.7, 0.26), "35": (3.3, 0.8, 0.27), "36": (7.0, 2.0, 0.22),
    "37": (1.3, 1.5, 0.25), "38": (6.0, 1.1, 0.22), "39": (8.5, 2.2, 0.20),
    "40": (1.0, 0.8, 0.30), "41": (0.2, 0.5, 0.25), "42": (0.5, 0.8, 0.20),
    "43": (0.15, 0.6, 0.30),
    "44": (5.5, 3.0, 0.30), "45": (0.8, 1.2, 0.22), "46": (0.5, 0.8, 0.40),
}

#: real value added growth by division before calibration, % (2022, 2023); the
#: calibration shifts the divisions that are not targets themselves by one amount per
#: sector, so the spread across divisions and the count that fall survive
GROWTH_SHAPES: dict[str, tuple[float, float]] = {
    "06": (9.0, 2.5), "07": (5.0, 3.0), "08": (3.0, 1.0), "09": (2.0, 0.5),
    "10": (4.0, 1.5), "11": (6.0, 4.0), "12": (1.0, -6.0),
    "13": (0.5, 1.5), "14": (2.0, 3.5), "15": (4.0, 5.0), "16": (5.5, 3.0),
    "17": (-2.0, -1.0), "18": (-3.0, -5.0), "19": (-2.5, -5.5), "20": (-4.0, -2.0),
    "21": (-5.0, -3.0), "22": (1.0, 3.0), "23": (-2.0, -2.5), "24": (-3.0, -4.0),
    "25": (2.5, 8.5), "26": (5.5, 9.5), "27": (-3.5, -5.0), "28": (1.5, 9.0),
    "29": (-1.0, 4.0), "30": (-2.5, -0.5), "31": (-1.5, 3.5), "32": (5.0, 7.5),
    "33": (-2.0, 2.0), "34": (-1.0, 3.5), "35": (3.5, 3.5), "36": (6.0, 13.0),
    "37": (5.0, 7.0), "38": (11.5, 12.5), "39": (7.5, 3.4), "40": (4.0, 3.0),
    "41": (-4.0, -3.5), "42": (4.0, 6.0), "43": (2.0, 4.0),
    "44": (5.0, 4.5), "45": (4.0, 5.0), "46": (3.0, 3.0),
}

#: producer price sensitivity of a division to the national PPI cycle, and its own drift
#: in index points (coal and oil swing hardest; electronics drifts down)
PRICE_BETA: dict[str, tuple[float, float]] = {
    "06": (3.5, 0.0), "07": (3.0, 0.0), "08": (2.0, 0.0), "09": (1.5, 0.5),
    "25": (2.5, 0.0), "26": (1.8, 0.0), "28": (1.5, 0.0), "31": (2.0, 0.0),
    "32": (1.6, 0.5), "30": (1.0, 0.0), "22": (1.0, 0.0), "39": (0.2, -1.5),
    "36": (0.1, -0.8), "44": (0.4, 2.0), "45": (1.0, 1.0),
}
DEFAULT_PRICE_BETA = (0.4, 0.0)

#: national producer price index, same month of the previous year = 100 - 100, by month
PPI_PATH: dict[int, tuple[float, ...]] = {
    2021: (0.3, 1.7, 4.4, 6.8, 9.0, 8.8, 9.0, 9.5, 10.7, 13.5, 12.9, 10.3),
    2022: (9.1, 8.8, 8.3, 8.0, 6.4, 6.1, 4.2, 2.3, 0.9, -1.3, -1.3, -0.7),
    2023: (-0.8, -1.4, -2.5, -3.6, -4.6, -5.4, -4.4, -3.0, -2.5, -2.6, -3.0, -2.7),
}

#: month-by-month real growth of all industry, % (January and February as one figure):
#: only its shape within the year is used, the level comes from the annual target
MONTHLY_PATH: dict[int, tuple[float, ...]] = {
    2022: (7.5, 7.5, 5.0, -2.9, 0.7, 3.9, 3.8, 4.2, 6.3, 5.0, 2.2, 1.3),
    2023: (1.9, 1.9, 3.4, 5.6, 3.5, 4.4, 3.7, 4.5, 4.5, 4.6, 6.6, 6.8),
}

#: share of each province in industrial value added, %
PROVINCES: dict[str, float] = {
    "440000": 11.0, "320000": 11.0, "370000": 7.5, "330000": 6.8, "350000": 4.5,
    "410000": 4.5, "420000": 3.7, "510000": 3.7, "130000": 3.4, "430000": 3.3,
    "340000": 3.2, "310000": 3.0, "610000": 2.8, "360000": 2.7, "140000": 2.7,
    "150000": 2.6, "210000": 2.2, "500000": 2.0, "110000": 1.5, "120000": 1.5,
    "450000": 1.5, "530000": 1.3, "650000": 1.3, "520000": 1.2, "220000": 0.9,
    "230000": 0.8, "620000": 0.6, "640000": 0.4, "630000": 0.3, "460000": 0.2,
    "540000": 0.05,
}
#: mining sits where the resources are
MINING_PROVINCES: dict[str, float] = {
    "140000": 22.0, "150000": 18.0, "610000": 14.0, "650000": 9.0, "370000": 5.0,
    "410000": 4.0, "230000": 4.0, "510000": 3.0, "520000": 3.0, "130000": 3.0,
    "640000": 2.0, "620000": 2.0, "530000": 2.0, "340000": 2.0, "210000": 2.0,
}

#: province growth above (+) or below (-) the national rate, points, (2022, 2023); the
#: first-quarter 2023 record names Hebei, Shandong and Jiangsu as clearly above the
#: national rate, and Guangdong and Zhejiang as picking up from March
PROVINCE_TILT: dict[str, tuple[float, float]] = {
    "130000": (0.5, 2.5), "370000": (0.8, 2.8), "320000": (1.2, 3.2),
    "440000": (-1.0, 0.0), "330000": (0.5, 1.2),
}
#: extra tilt in January-February 2023 for the provinces that recovered from March
LATE_RECOVERY_2023: dict[str, float] = {"440000": -3.0, "330000": -2.5}

#: (January's share of January + February) by year: the Spring Festival moves between
#: the two months, which is why January and February are published together
SPRING_FESTIVAL_JANUARY_SHARE: dict[int, float] = {2021: 0.56, 2022: 0.52, 2023: 0.45}
#: level of each month relative to an average month (January + February combined 1.62)
SEASON: tuple[float, ...] = (0.81, 0.81, 1.02, 0.99, 1.00, 1.06, 0.98, 0.99, 1.05, 0.98,
                             1.03, 1.10)

TARGETS: dict[str, dict[int, float]] = {
    #: growth of value added of industrial enterprises above designated size, comparable
    #: prices: 2022 3.6% (news report on the 2022 press conference, 2023-01-18), 2023 4.6%
    #: (SCIO press conference on industry and IT in 2023, China.org.cn, 2024-01-19)
    "ALL": {2022: 3.6, 2023: 4.6},
    #: manufacturing: 2022 3.0% and 2023 5.0%, same two releases
    "C": {2022: 3.0, 2023: 5.0},
    #: automobiles 13.0% and electronics 3.4% in 2023 (figures given in the project brief
    #: as published annual results)
    "36": {2023: 13.0},
    "39": {2023: 3.4},
}
