"""Pure unit normalizers: currencies to ISO 4217, qualifiers to their canonical form, plurals.

The words are data (``patterns/currencies.jsonl``, ``patterns/counts.jsonl``), read through
a lexicon: ``CURRENCY`` (names and codes after a number, any case), ``CURRENCY_SIGN``
(symbols and codes before it, case as written), ``CURRENCY_COUNTRY`` (the words that pick
one of the currencies sharing a sign), ``QUALIFIER``, ``QUALIFIER_OUTSIDE``,
``PLURAL_NOUN``, ``NOT_PLURAL_ENDING`` and ``NOT_PLURAL_WORD``. Each function takes an optional ``lexicon``
(the built-in one by default).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..lexicon import Lexicon


def _lexicon(lexicon: Lexicon | None) -> Lexicon:
    if lexicon is not None:
        return lexicon
    from ..patterns import default_lexicon

    return default_lexicon()


def _codes(value: Any) -> tuple[str, ...]:
    """A currency line's value as candidate codes, the default first."""
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value or ())


def currency_candidates(word: str, lexicon: Lexicon | None = None) -> tuple[str, ...]:
    """The codes a sign or a currency word may stand for: ``"Rs"`` -> ("PKR", "INR", "LKR", "NPR")."""
    lexicon = _lexicon(lexicon)
    try:
        key = " ".join(word.split())
    except AttributeError:
        return ()
    for label in ("CURRENCY_SIGN", "CURRENCY"):
        found = lexicon.get(label, key)
        if found is not None:
            return _codes(found)
    return ()


def country_mentions(
    code: str, context: Mapping[str, int], lexicon: Lexicon | None = None, label: str = "CURRENCY_COUNTRY"
) -> int:
    """How often the article names a country word of ``code`` (``context``: folded word -> count);
    ``label="CURRENCY_HINT"`` counts the weaker hints instead ("crore" for INR)."""
    lexicon = _lexicon(lexicon)
    return sum(context.get(term.text.casefold(), 0) for term in lexicon.terms(label) if term.value == code)


def currency_code(word: str, context: Mapping[str, int] | None = None, lexicon: Lexicon | None = None) -> str | None:
    """``"$"`` -> "USD", ``"yuan"`` -> "CNY"; ``"Rs"`` -> "PKR" or "INR" by ``context``.

    ``context`` maps lower-cased words (and phrases) of the article to how often they occur;
    among the currencies a shared sign stands for, the one whose country words occur most
    wins; on a tie, the one whose ``CURRENCY_HINT`` words occur most ("crore": INR), then
    the first listed.
    """
    lexicon = _lexicon(lexicon)
    codes = currency_candidates(word, lexicon)
    if len(codes) <= 1:
        return codes[0] if codes else None
    counts = context or {}
    return max(
        codes,
        key=lambda c: (
            country_mentions(c, counts, lexicon),
            country_mentions(c, counts, lexicon, "CURRENCY_HINT"),
            -codes.index(c),
        ),
    )


def split_currency_sign(text: str, lexicon: Lexicon | None = None) -> tuple[str | None, str]:
    """``"$46 billion"`` -> ("$", "46 billion"), ``"Rs1.2"`` -> ("Rs", "1.2"); no sign -> (None, text).

    The longest ``CURRENCY_SIGN`` the text opens with, unless a letter follows it ("RMB" is
    not "RM" and "B").
    """
    lexicon = _lexicon(lexicon)
    signs = sorted((t.text for t in lexicon.terms("CURRENCY_SIGN")), key=len, reverse=True)
    for sign in signs:
        if text.startswith(sign):
            rest = text[len(sign) :]
            if rest[:1].isalpha():
                return None, text
            return sign, rest
    return None, text


def canonical_qualifier(text: str, lexicon: Lexicon | None = None) -> str | None:
    """``"nearly"`` -> "about", ``"over"`` -> "more than"; unknown -> None."""
    try:
        value = _lexicon(lexicon).get("QUALIFIER", " ".join(text.lower().split()))
    except AttributeError:
        return None
    return None if value is None else str(value)


def stays_outside_span(text: str, lexicon: Lexicon | None = None) -> bool:
    """Does this qualifier stay outside the claim ("an estimated 40 countries" -> "40 countries")?"""
    return _lexicon(lexicon).has("QUALIFIER_OUTSIDE", text)


def _not_plural_endings(lexicon: Lexicon) -> Sequence[str]:
    return tuple(lexicon.words("NOT_PLURAL_ENDING"))


def is_plural_noun(word: str, lexicon: Lexicon | None = None) -> bool:
    """``"members"``, ``"people"``: a plural noun (an irregular one, or a word in -s but not -ss,
    -us ..., nor a ``NOT_PLURAL_WORD`` verb such as "goes")."""
    lexicon = _lexicon(lexicon)
    lower = word.lower()
    if lexicon.has("PLURAL_NOUN", lower):
        return True
    if len(lower) <= 3 or not lower.isalpha() or lexicon.has("NOT_PLURAL_WORD", lower):
        return False
    return lower.endswith("s") and not lower.endswith(tuple(_not_plural_endings(lexicon)))


def singular(word: str, lexicon: Lexicon | None = None) -> str:
    """``"kilometres"`` -> "kilometre", ``"days"`` -> "day"; a conservative English singular."""
    lexicon = _lexicon(lexicon)
    if not is_plural_noun(word, lexicon) or lexicon.has("PLURAL_NOUN", word.lower()):
        return word
    if re.search(r"[^aeiou]ies$", word):
        return word[:-3] + "y"
    if re.search(r"(ches|shes|xes|sses)$", word):
        return word[:-2]
    return word[:-1]
