"""Checks a learner runs on their own solutions to the exercises, one module per lesson."""


def call(fn, *args):
    """Call the solution under test; an exception it raises is a failed check too."""
    try:
        return fn(*args)
    except Exception as error:  # noqa: BLE001
        raise AssertionError(f"{fn.__name__} raised {error!r}") from error
