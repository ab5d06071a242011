"""The reliability table and expected calibration error on known inputs, and the thesis pairs behind them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.evaluation import TextResult, reliability, thesis_pairs


def test_a_hand_computed_reliability_table():
    """Counts, mean confidence, accuracy per bin and the count-weighted ECE match a hand computation."""
    pairs = [(0.05, False), (0.15, False), (0.15, True), (0.95, True), (0.85, True), (0.85, False)]
    table = reliability(pairs, bins=10)
    used = [(b.low, b.count, b.mean_confidence, b.accuracy) for b in table.bins if b.count]
    assert used == [
        (0.0, 1, pytest.approx(0.05), 0.0),
        (0.1, 2, pytest.approx(0.15), 0.5),
        (0.8, 2, pytest.approx(0.85), 0.5),
        (0.9, 1, pytest.approx(0.95), 1.0),
    ]
    # ECE = (1 * .05 + 2 * .35 + 2 * .35 + 1 * .05) / 6
    assert table.ece == pytest.approx(1.5 / 6)
    assert (table.n, table.accuracy) == (6, 0.5)
    assert table.mean_confidence == pytest.approx(3.0 / 6)


def test_confidence_one_falls_in_the_last_bin_and_zero_in_the_first():
    """1.0 belongs to the last bin (it is closed above), 0.0 to the first; a bin edge goes to the bin above."""
    table = reliability([(1.0, True), (0.0, False), (0.5, True)], bins=2)
    assert [b.count for b in table.bins] == [1, 2]
    assert table.bins[1].low == 0.5 and table.bins[1].high == 1.0


def test_perfect_calibration_has_zero_ece_and_no_pairs_give_zero():
    """Half right at confidence 0.5 is perfectly calibrated; an empty input has zero counts and ECE 0."""
    assert reliability([(0.5, True), (0.5, False)]).ece == 0.0
    empty = reliability([])
    assert empty.n == 0 and empty.ece == 0.0 and len(empty.bins) == 10


@pytest.mark.parametrize("bad", [-0.1, 1.5, float("nan")])
def test_a_confidence_outside_zero_one_is_refused(bad):
    """A confidence that is not a probability is a ValueError, never a silently wrong bin."""
    with pytest.raises(ValueError, match="must lie in"):
        reliability([(bad, True)])
    with pytest.raises(ValueError, match="at least one bin"):
        reliability([], bins=0)


@given(st.lists(st.tuples(st.floats(0, 1), st.booleans()), max_size=60), st.integers(1, 20))
def test_reliability_invariants(pairs, bins):
    """Counts add up to the pairs, the ECE lies in [0, 1] and equals the weighted mean of the bin gaps."""
    table = reliability(pairs, bins)
    assert sum(b.count for b in table.bins) == table.n == len(pairs)
    assert 0.0 <= table.ece <= 1.0 + 1e-12
    if pairs:
        assert table.ece == pytest.approx(sum(b.count * abs(b.gap) for b in table.bins) / len(pairs))
        assert table.accuracy == pytest.approx(sum(c for _, c in pairs) / len(pairs))


def test_the_text_and_markdown_tables_show_the_used_bins_and_the_ece():
    """Both renderings list the non-empty bins and end with the overall line holding the ECE."""
    table = reliability([(0.9, True), (0.2, False)], bins=5)
    text = table.to_text("title")
    assert text.splitlines()[0] == "title"
    assert len(text.splitlines()) == 1 + 1 + 2 + 1
    assert text.splitlines()[-1].endswith("ECE 0.150")
    assert table.to_markdown().splitlines()[-1] == "| **all** | 2 | 0.550 | 0.500 | ECE 0.150 |"


def test_thesis_pairs_leave_out_texts_without_a_confidence():
    """Each scored text gives (confidence, found); texts whose thesis has no confidence are counted, not paired."""

    def result(found, confidence):
        return TextResult("t", {}, {}, 0, 0, 0, thesis_found=found, thesis_confidence=confidence)

    pairs, missing = thesis_pairs([result(True, 0.8), result(False, None), result(False, 0.3)])
    assert pairs == [(0.8, True), (0.3, False)] and missing == 1
