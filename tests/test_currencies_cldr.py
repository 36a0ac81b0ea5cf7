"""Every CLDR currency name in use reads as its code (when Babel is installed; the file's
freshness is checked in test_generated_data.py)."""

from __future__ import annotations

import importlib.util

import pytest

from pipeline.normalize.units import currency_code


@pytest.mark.skipif(importlib.util.find_spec("babel") is None, reason="Babel (a dev dependency) is not installed")
def test_every_cldr_plural_name_in_use_reads_as_its_code() -> None:
    from babel import Locale
    from babel.core import get_global
    from babel.numbers import get_territory_currencies

    english = Locale("en")
    in_use = {c for t in get_global("territory_currencies") for c in get_territory_currencies(t)}
    wrong = {}
    for code in sorted(in_use):
        name = dict(english._data["currency_names_plural"].get(code, {})).get("other")
        if name and " " in name and currency_code(name) != code:
            wrong[name] = currency_code(name)
    assert not wrong


@pytest.mark.parametrize(
    ("name", "code"), [("kenyan shillings", "KES"), ("swiss francs", "CHF"), ("japanese yen", "JPY"), ("CA$", "CAD")]
)
def test_names_from_the_generated_file(name: str, code: str) -> None:
    assert currency_code(name) == code
