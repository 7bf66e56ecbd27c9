"""The running example: 600 forms, and model sizes that never collide, so a shape reads one way."""

from __future__ import annotations

from lacourse import universe as u


def test_the_universe_has_600_distinct_forms():
    assert u.V == u.N_VERBS * u.N_SLOTS * 2 == 600 == len(set(u.FORMS))


def test_the_model_sizes_are_the_ones_the_pages_state():
    assert (u.B, u.T, u.D, u.H, u.D_HEAD) == (32, 12, 64, 4, 16)
    assert u.H * u.D_HEAD == u.D


def test_no_two_axes_of_the_running_example_share_a_size():
    sizes = [u.B, u.T, u.D, u.H, u.D_HEAD, u.V, u.N_VERBS, u.N_SLOTS, u.N_TENSES, u.N_PERSONS]
    assert len(set(sizes)) == len(sizes), sizes
