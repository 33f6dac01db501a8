"""The panel's arithmetic: consensus methods, rounding and agreement statistics.

Pure functions over Decimals, so every figure can be checked by hand:

* `mean`, `median` and `trimmed_mean` give the exact value; `consensus()`
  applies a method by name and rounds half up (ROUND_HALF_UP, as a person
  rounds on paper: 80.125 → 80.13) to the session's `decimals`.
* `trimmed_mean` drops one highest and one lowest value when at least
  `trim_min` values are given, else it is the plain mean. The merge applies a
  method independently to each list of values (totals, each section, each
  criterion), so a section's consensus need not add up with the others to
  the consensus total under median or trimmed mean.
* `kendalls_w` is Kendall's coefficient of concordance with tie correction;
  `leniency` is an expert's mean difference from the consensus.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction
from typing import Iterable, Mapping, Sequence

METHODS = ("mean", "trimmed_mean", "median")
PRECISION = 60  # digits kept before the final rounding: far more than any total needs


def quantum(decimals: int) -> Decimal:
    return Decimal(1).scaleb(-int(decimals))


def round_half_up(value: Decimal, decimals: int = 2) -> Decimal:
    """`value` rounded half up to `decimals` places (2.345 → 2.35, -2.345 → -2.35)."""
    with localcontext() as ctx:
        ctx.prec = PRECISION
        return Decimal(value).quantize(quantum(decimals), rounding=ROUND_HALF_UP)


def mean(values: Sequence[Decimal]) -> Decimal:
    """The exact mean (to PRECISION digits) of at least one value."""
    if not values:
        raise ValueError("mean of no values")
    with localcontext() as ctx:
        ctx.prec = PRECISION
        return sum((Decimal(v) for v in values), Decimal(0)) / Decimal(len(values))


def median(values: Sequence[Decimal]) -> Decimal:
    """The middle value; for an even count the mean of the two middle values."""
    if not values:
        raise ValueError("median of no values")
    ordered = sorted(Decimal(v) for v in values)
    n = len(ordered)
    if n % 2:
        return ordered[n // 2]
    return mean([ordered[n // 2 - 1], ordered[n // 2]])


def trimmed_mean(values: Sequence[Decimal], *, trim_min: int = 5) -> Decimal:
    """The mean without one highest and one lowest value when there are at least `trim_min` values."""
    if not values:
        raise ValueError("trimmed mean of no values")
    ordered = sorted(Decimal(v) for v in values)
    if len(ordered) >= max(int(trim_min), 3):
        ordered = ordered[1:-1]
    return mean(ordered)


def exact(values: Sequence[Decimal], method: str, *, trim_min: int = 5) -> Decimal | None:
    """The method's unrounded value, or None when there are no values."""
    values = list(values)
    if not values:
        return None
    if method == "mean":
        return mean(values)
    if method == "median":
        return median(values)
    if method == "trimmed_mean":
        return trimmed_mean(values, trim_min=trim_min)
    raise ValueError(f"unknown consensus method {method!r}")


def consensus(values: Iterable[Decimal], method: str = "mean", *, trim_min: int = 5,
              decimals: int = 2) -> Decimal | None:
    """The panel's figure for `values` by `method`, rounded half up; None for no values."""
    value = exact(list(values), method, trim_min=trim_min)
    return None if value is None else round_half_up(value, decimals)


def spread(values: Iterable[Decimal]) -> Decimal:
    """Highest minus lowest (0 for fewer than two values)."""
    vals = [Decimal(v) for v in values]
    return max(vals) - min(vals) if len(vals) > 1 else Decimal(0)


# --------------------------------------------------------------------------- agreement


def average_ranks(values: Sequence[Decimal]) -> tuple[list[Fraction], int]:
    """Ranks 1..n (lowest value = 1, ties share the mean of their ranks) and Σ(t³ − t) over tie groups."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks: list[Fraction] = [Fraction(0)] * len(values)
    ties = 0
    k = 0
    while k < len(order):
        j = k
        while j + 1 < len(order) and values[order[j + 1]] == values[order[k]]:
            j += 1
        shared = Fraction(k + 1 + j + 1, 2)
        for pos in range(k, j + 1):
            ranks[order[pos]] = shared
        t = j - k + 1
        ties += t ** 3 - t
        k = j + 1
    return ranks, ties


def kendalls_w(scores: Mapping[str, Mapping[str, Decimal]], *, decimals: int = 3) -> Decimal | None:
    """Kendall's W with tie correction for expert → {applicant → total}.

    Every expert must have scored the same applicants (the caller keeps the
    complete block). W = 12·S / (m²(n³ − n) − m·ΣT), where m experts rank n
    applicants, S is the sum of squared deviations of the applicants' rank
    sums from their mean, and T = Σ(t³ − t) over each expert's tied groups.
    None when fewer than 2 experts or 2 applicants, or when every expert
    gave every applicant the same total (nothing to agree on).
    """
    experts = [e for e in scores if scores[e]]
    if len(experts) < 2:
        return None
    applicants = sorted(scores[experts[0]])
    if len(applicants) < 2 or any(sorted(scores[e]) != applicants for e in experts):
        return None
    m, n = len(experts), len(applicants)
    sums = [Fraction(0)] * n
    tie_total = 0
    for e in experts:
        ranks, ties = average_ranks([Decimal(scores[e][a]) for a in applicants])
        tie_total += ties
        sums = [s + r for s, r in zip(sums, ranks)]
    mean_sum = Fraction(m * (n + 1), 2)
    s = sum(((r - mean_sum) ** 2 for r in sums), Fraction(0))
    denominator = m * m * (n ** 3 - n) - m * tie_total
    if denominator == 0:
        return None
    w = Fraction(12) * s / denominator
    with localcontext() as ctx:
        ctx.prec = PRECISION
        return round_half_up(Decimal(w.numerator) / Decimal(w.denominator), decimals)


def leniency(pairs: Iterable[tuple[Decimal, Decimal]], *, decimals: int = 2) -> Decimal | None:
    """Mean of (expert's total − consensus) over (expert total, consensus) pairs; None for none.

    Positive: the expert scores above the panel; negative: below.
    """
    diffs = [Decimal(t) - Decimal(c) for t, c in pairs]
    if not diffs:
        return None
    return round_half_up(mean(diffs), decimals)
