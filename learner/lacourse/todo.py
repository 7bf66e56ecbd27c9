"""The check after each `# TODO` of a learner notebook: stop there while the code is not written.

The notebook generator (the site's) writes, after the placeholders of each TODO region,

    todo.check({"rate64": rate64, "speedup[method, n]": speedup[method, n]}, "en")

It raises at once, naming what is still to write, instead of a NameError or a KeyError some
cells later: a name still bound to `...`, or a function whose body is still only `...`.
"""

from __future__ import annotations

import inspect


def _stub():
    ...


def _stub_with_docstring():
    """A body that is only a docstring and `...`."""
    ...


# A placeholder function's body compiles to "return None", with or without a docstring.
_STUBS = {_stub.__code__.co_code, _stub_with_docstring.__code__.co_code}

MESSAGES = {
    "en": ("still to write where the cell says # TODO: {names}. Write it, then run the cell again.",
           "the body of {name}()"),
    "es": ("falta escribir donde la celda dice # TODO: {names}. Escríbelo y vuelve a ejecutar la celda.",
           "el cuerpo de {name}()"),
}


class TodoError(NotImplementedError):
    """Raised by check() while a TODO is not done."""


def is_placeholder(value) -> bool:
    """`...`, or a function whose body does nothing (the placeholder's `...`)."""
    if value is ...:
        return True
    function = inspect.unwrap(value) if callable(value) else None
    code = getattr(function, "__code__", None)
    return code is not None and code.co_code in _STUBS


def check(values: dict, language: str = "en") -> None:
    """Raise TodoError naming every entry of `values` that is still a placeholder."""
    text, body = MESSAGES.get(language, MESSAGES["en"])
    left = [body.format(name=name) if callable(value) and value is not ... else name
            for name, value in values.items() if is_placeholder(value)]
    if left:
        raise TodoError(text.format(names=", ".join(left)))
