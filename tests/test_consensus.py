"""The panel's arithmetic against figures worked out by hand."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from app import consensus as c


def test_rounding_is_half_up_not_bankers():
    # 80.125 is exactly halfway between 80.12 and 80.13: half up gives 80.13 (banker's would give 80.12)
    assert c.round_half_up(D("80.125")) == D("80.13")
    assert c.round_half_up(D("80.135")) == D("80.14")
    assert c.round_half_up(D("2.5"), 0) == D("3")
    assert c.round_half_up(D("-2.345")) == D("-2.35")


def test_mean_of_eight_totals_lands_on_a_half_hundredth():
    # (7 × 80 + 81) / 8 = 641 / 8 = 80.125 → 80.13
    assert c.consensus([D(80)] * 7 + [D(81)], "mean") == D("80.13")
    # 250 / 3 = 83.333… → 83.33
    assert c.consensus([D(80), D(85), D(85)], "mean") == D("83.33")


def test_trimmed_mean_drops_one_highest_and_one_lowest_from_five():
    # 70, 75, 80, 85, 99 → drop 70 and 99 → (75 + 80 + 85) / 3 = 80
    assert c.consensus([D(70), D(75), D(80), D(85), D(99)], "trimmed_mean", trim_min=5) == D("80.00")
    # only 4 values (< trim_min 5): the plain mean (75 + 80 + 85 + 99) / 4 = 339 / 4 = 84.75
    assert c.consensus([D(75), D(80), D(85), D(99)], "trimmed_mean", trim_min=5) == D("84.75")


def test_median():
    assert c.consensus([D(99), D(70), D(80)], "median") == D("80.00")
    # even count: (80 + 81) / 2 = 80.5
    assert c.consensus([D(75), D(80), D(81), D(99)], "median") == D("80.50")


def test_no_values_no_consensus_and_unknown_method():
    assert c.consensus([], "mean") is None
    with pytest.raises(ValueError):
        c.consensus([D(1)], "mode")


def test_spread():
    assert c.spread([D(6), D(15), D(9)]) == D(9)
    assert c.spread([D(4)]) == D(0)


def test_kendalls_w_with_ties_by_hand():
    # e1 ranks a, b, c as 1, 2, 3; e2 gives b and c equal totals → 1, 2.5, 2.5 (T = 2³ − 2 = 6).
    # Rank sums R = 2, 4.5, 5.5; their mean m(n+1)/2 = 4; S = 4 + 0.25 + 2.25 = 6.5.
    # W = 12·6.5 / (m²(n³ − n) − m·ΣT) = 78 / (4·24 − 2·6) = 78 / 84 = 0.92857… → 0.929
    scores = {"e1": {"a": D(70), "b": D(80), "c": D(90)}, "e2": {"a": D(70), "b": D(85), "c": D(85)}}
    assert c.kendalls_w(scores) == D("0.929")
    # perfect agreement: W = 1; perfect reversal between two experts: W = 0
    same = {"e1": {"a": D(1), "b": D(2), "c": D(3)}, "e2": {"a": D(10), "b": D(20), "c": D(30)}}
    assert c.kendalls_w(same) == D("1.000")
    rev = {"e1": {"a": D(1), "b": D(2), "c": D(3)}, "e2": {"a": D(3), "b": D(2), "c": D(1)}}
    assert c.kendalls_w(rev) == D("0.000")
    assert c.kendalls_w({"e1": {"a": D(1), "b": D(2)}}) is None


def test_leniency():
    # (80 − 78.5 + 90 − 88) / 2 = (1.5 + 2) / 2 = 1.75
    assert c.leniency([(D(80), D("78.5")), (D(90), D(88))]) == D("1.75")
    assert c.leniency([]) is None
