"""Pure unit normalizers: currencies to ISO 4217, qualifiers to their canonical form, plurals."""

from __future__ import annotations

import re
from collections.abc import Mapping

# Symbols and words -> ISO 4217. A tuple lists the candidates when the symbol is shared;
# ``currency_code`` picks one by which country the article mentions most.
CURRENCIES: dict[str, str | tuple[str, ...]] = {
    "$": "USD", "us$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD",
    "us dollars": "USD", "a$": "AUD", "c$": "CAD", "hk$": "HKD", "s$": "SGD", "r$": "BRL",
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR",
    "£": "GBP", "gbp": "GBP", "pound": "GBP", "pounds": "GBP", "sterling": "GBP",
    "¥": ("CNY", "JPY"), "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY", "cny": "CNY",
    "yen": "JPY", "jpy": "JPY",
    "rs": ("PKR", "INR", "LKR", "NPR"), "rs.": ("PKR", "INR", "LKR", "NPR"),
    "rupee": ("PKR", "INR", "LKR", "NPR"), "rupees": ("PKR", "INR", "LKR", "NPR"),
    "pkr": "PKR", "inr": "INR", "₹": "INR", "lkr": "LKR", "npr": "NPR",
    "tenge": "KZT", "kzt": "KZT", "₸": "KZT",
    "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "rub": "RUB", "₽": "RUB",
    "real": "BRL", "reais": "BRL", "brl": "BRL", "rand": "ZAR", "zar": "ZAR",
    "rupiah": "IDR", "idr": "IDR", "ringgit": "MYR", "myr": "MYR", "rm": "MYR",
    "naira": "NGN", "ngn": "NGN", "₦": "NGN", "birr": "ETB", "etb": "ETB",
    "som": "KGS", "kgs": "KGS", "sum": "UZS", "uzs": "UZS", "somoni": "TJS", "tjs": "TJS",
    "manat": "AZN", "dram": "AMD", "lari": "GEL", "hryvnia": "UAH", "lira": "TRY", "₺": "TRY",
    "won": "KRW", "₩": "KRW", "baht": "THB", "dong": "VND", "taka": "BDT", "afghani": "AFN",
    "riyal": "SAR", "dirham": "AED", "dirhams": "AED", "shilling": "KES", "shillings": "KES",
    "cedi": "GHS", "swiss francs": "CHF", "chf": "CHF", "cad": "CAD", "aud": "AUD",
    "sdr": "XDR", "sdrs": "XDR",
}  # fmt: skip
COUNTRY_OF_CURRENCY = {
    "PKR": ("pakistan", "pakistani", "islamabad", "karachi", "lahore"),
    "INR": ("india", "indian", "delhi", "mumbai"),
    "LKR": ("sri lanka", "sri lankan", "colombo"),
    "NPR": ("nepal", "nepali", "kathmandu"),
    "CNY": ("china", "chinese", "beijing", "yuan"),
    "JPY": ("japan", "japanese", "tokyo"),
}

QUALIFIERS: dict[str, str] = {
    "about": "about", "around": "about", "approximately": "about", "approx.": "about",
    "roughly": "about", "nearly": "about", "almost": "about", "some": "about",
    "an estimated": "about", "estimated at": "about", "estimated": "about", "circa": "about",
    "close to": "about", "c.": "about", "~": "about",
    "over": "more than", "more than": "more than", "above": "more than", "exceeding": "more than",
    "in excess of": "more than", "upwards of": "more than", "well over": "more than",
    "under": "less than", "less than": "less than", "below": "less than", "fewer than": "less than",
    "at least": "at least", "no fewer than": "at least", "no less than": "at least", "a minimum of": "at least",
    "at most": "at most", "no more than": "at most", "a maximum of": "at most",
    "up to": "up to", "as many as": "up to", "as much as": "up to",
}  # fmt: skip
# Qualifiers that stay outside the claim's span ("an estimated 40 countries" -> "40 countries").
OUTSIDE_SPAN = frozenset({"an estimated", "estimated at", "estimated"})

PERCENT_WORDS = frozenset({"%", "percent", "pct", "per cent", "percentage points"})
IRREGULAR_PLURALS = frozenset(
    [
        "people",
        "children",
        "men",
        "women",
        "staff",
        "personnel",
        "police",
        "cattle",
        "feet",
        "teeth",
        "data",
        "media",
        "criteria",
        "phenomena",
        "alumni",
        "personnel",
        "livestock",
        "troops",
    ]
)
NOT_PLURAL_ENDINGS = ("ss", "us", "is", "ous", "ics")


def currency_code(word: str, context: Mapping[str, int] | None = None) -> str | None:
    """``"$"`` -> "USD", ``"yuan"`` -> "CNY"; ``"Rs"`` -> "PKR" or "INR" by ``context``.

    ``context`` maps lower-cased words of the article to how often they occur.
    """
    try:
        key = " ".join(word.lower().split())
    except AttributeError:
        return None
    code = CURRENCIES.get(key)
    if code is None or isinstance(code, str):
        return code
    counts = context or {}

    def mentions(candidate: str) -> int:
        return sum(counts.get(name, 0) for name in COUNTRY_OF_CURRENCY.get(candidate, ()))

    return max(code, key=lambda c: (mentions(c), -code.index(c)))


def canonical_qualifier(text: str) -> str | None:
    """``"nearly"`` -> "about", ``"over"`` -> "more than"; unknown -> None."""
    try:
        return QUALIFIERS.get(" ".join(text.lower().split()))
    except AttributeError:
        return None


def is_plural_noun(word: str) -> bool:
    lower = word.lower()
    if lower in IRREGULAR_PLURALS:
        return True
    if len(lower) <= 3 or not lower.isalpha():
        return False
    return lower.endswith("s") and not lower.endswith(NOT_PLURAL_ENDINGS)


def singular(word: str) -> str:
    """``"kilometres"`` -> "kilometre", ``"days"`` -> "day"; a conservative English singular."""
    if not is_plural_noun(word) or word.lower() in IRREGULAR_PLURALS:
        return word
    if re.search(r"[^aeiou]ies$", word):
        return word[:-3] + "y"
    if re.search(r"(ches|shes|xes|sses)$", word):
        return word[:-2]
    return word[:-1]
