"""Pure number normalizers: text -> value. No spaCy import.

Every function here takes a string and returns a value or ``None``; none of them raises
on any input.
"""

from __future__ import annotations

import math
import re

UNITS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES: dict[str, int] = {
    "thousand": 10**3, "k": 10**3,
    "million": 10**6, "mn": 10**6, "mln": 10**6, "m": 10**6,
    "billion": 10**9, "bn": 10**9, "b": 10**9,
    "trillion": 10**12, "tn": 10**12, "trn": 10**12,
}  # fmt: skip
COLLECTIVES: dict[str, float] = {"dozen": 12, "score": 20, "half": 0.5, "quarter": 0.25}
FRACTIONS: dict[str, float] = {
    "half": 50, "a half": 50, "one half": 50, "a third": 100 / 3, "one third": 100 / 3,
    "two thirds": 200 / 3, "two-thirds": 200 / 3, "a quarter": 25, "one quarter": 25,
    "three quarters": 75, "three-quarters": 75, "a fifth": 20, "one fifth": 20,
}  # fmt: skip
NUMBER_WORDS = frozenset(UNITS) | frozenset(TENS) | {"hundred"} | frozenset(SCALES) | {"dozen"}

# Numbers larger than this are not quantities anyone writes in an article.
MAX_VALUE = 1e16

_DIGITS = re.compile(r"^[-−–]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^[-−–]?\d+(?:\.\d+)?$")
_WORD_SPLIT = re.compile(r"[\s\-]+")


def parse_digits(text: str) -> float | None:
    """``"2,700"`` -> 2700.0, ``"2.7"`` -> 2.7, ``"-3"`` -> -3.0; anything else -> None."""
    text = text.strip()
    if not _DIGITS.match(text):
        return None
    negative = text[0] in "-−–"
    value = float(text.lstrip("-−–").replace(",", ""))
    return -value if negative else value


def _words_value(words: list[str]) -> float | None:
    """Value of a run of number words and digits: "three hundred and twenty-one" -> 321."""
    total = 0.0
    current = 0.0
    seen = False
    for word in words:
        if word == "and":
            continue
        if word in ("a", "an"):
            current = current or 1
            seen = True
            continue
        digit = parse_digits(word)
        if digit is not None:
            current += digit
        elif word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word == "dozen":
            current = (current or 1) * 12
        elif word in SCALES:
            total += (current or 1) * SCALES[word]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_number(text: str) -> float | None:
    """Parse a cardinal number written in digits, words or both.

    ``"2.7 billion"`` -> 2.7e9, ``"twenty-seven"`` -> 27, ``"half a million"`` -> 5e5,
    ``"3 hundred and 21"`` -> 321, ``"minus five"`` -> -5. Returns None when the text is
    not a number (or not only a number).
    """
    try:
        cleaned = text.strip().lower().replace("\u2212", "-")
    except AttributeError:
        return None
    if not cleaned or len(cleaned) > 200:
        return None
    negative = False
    if cleaned.startswith("minus ") or cleaned.startswith("negative "):
        negative = True
        cleaned = cleaned.split(" ", 1)[1].strip()
    digit = parse_digits(cleaned)
    if digit is not None:
        value: float | None = digit
    elif cleaned.startswith("half a ") or cleaned.startswith("half an "):
        rest = _words_value(_WORD_SPLIT.split(cleaned.split(" ", 2)[2]))
        value = None if rest is None else rest / 2
    else:
        words = [w for w in _WORD_SPLIT.split(cleaned) if w]
        if len(words) > 1 and words[0][:1] in "-–" and parse_digits(words[0]) is None:
            return None
        value = _words_value(words)
        if value is not None and words and words[-1] in ("a", "an", "and"):
            return None
    if value is None or math.isnan(value) or abs(value) > MAX_VALUE:
        return None
    return -value if negative else value


def parse_fraction_percent(text: str) -> float | None:
    """``"half"`` -> 50.0, ``"a quarter"`` -> 25.0, ``"two-thirds"`` -> 66.67 (percent of a whole)."""
    try:
        key = " ".join(text.strip().lower().split())
    except AttributeError:
        return None
    value = FRACTIONS.get(key)
    return None if value is None else round(value, 4)


def is_number_word(word: str) -> bool:
    return word.lower() in NUMBER_WORDS
