"""Pure number normalizers: text -> value. No spaCy import.

``parse_number`` reads a whole string as one number, or returns None: digits with
separators ("2,700", "1 234 567", "5,00"), exponents ("1.3e6", "1.1^23"), suffix
multipliers ("10k", "1.2b", "10 bln", "2 lakh"), number words with the usual grammar
("three hundred and twenty-one", "4 thousand 3 hundred and 21"), decimals in words
("two hundred point zero three"), fractions ("3/4", "2 1/4", "three fifths", "one over
three", "one and a half", "3 million and a half") and signs ("minus five", "-3").
No function here raises on any input.
"""

from __future__ import annotations

import math
import re

UNITS: dict[str, int] = {
    "zero": 0, "nought": 0, "naught": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9,
}  # fmt: skip
TEENS: dict[str, int] = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES: dict[str, float] = {
    "thousand": 1e3, "thousands": 1e3, "lakh": 1e5, "lakhs": 1e5, "lac": 1e5,
    "million": 1e6, "millions": 1e6, "crore": 1e7, "crores": 1e7,
    "billion": 1e9, "billions": 1e9, "trillion": 1e12, "trillions": 1e12,
}  # fmt: skip
# Abbreviated multipliers, only right after digits ("10k", "2.33 k", "10 bln"); case matters
# for "M" (million) against "m" (metres), which is no multiplier.
SUFFIXES: dict[str, float] = {
    "k": 1e3, "K": 1e3, "M": 1e6, "MM": 1e6, "mm": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6,
    "G": 1e9, "g": 1e9, "b": 1e9, "B": 1e9, "bn": 1e9, "bln": 1e9,
    "tn": 1e12, "tln": 1e12, "trn": 1e12, "T": 1e12,
}  # fmt: skip
ORDINAL_UNITS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
}  # fmt: skip
ORDINAL_SCALES: dict[str, float] = {
    "hundredth": 100,
    "thousandth": 1e3,
    "millionth": 1e6,
    "billionth": 1e9,
    "trillionth": 1e12,
}
HALF_WORDS: dict[str, int] = {"half": 2, "halves": 2, "quarter": 4, "quarters": 4}
FRACTIONS: dict[str, float] = {
    "half": 50, "a half": 50, "one half": 50, "a third": 100 / 3, "one third": 100 / 3,
    "two thirds": 200 / 3, "two-thirds": 200 / 3, "a quarter": 25, "one quarter": 25,
    "three quarters": 75, "three-quarters": 75, "a fifth": 20, "one fifth": 20,
}  # fmt: skip

# Numbers larger than this are not quantities anyone writes in an article.
MAX_VALUE = 1e16

_DIGITS = re.compile(
    r"^(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # 2,700 / 1,674,200.5
    r"|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:\.\d+)?"  # 1 234 567
    r"|\d+(?:\.\d+)?|\.\d+)$"  # 27 / 2.7 / .08
)
_DECIMAL_COMMA = re.compile(r"^(\d+),(\d{1,2})$")  # 5,00 / 1,3
_EXPONENT = re.compile(r"^(\d+(?:\.\d+)?)e([+-]?\d+)$")
_POWER = re.compile(r"^(\d+(?:\.\d+)?)\s*\^\s*([+-]*)\s*(\d+)$")
_GLUED = re.compile(r"^(\d[\d,]*(?:\.\d+)?)\s*(" + "|".join(sorted(SUFFIXES, key=len, reverse=True)) + r")\.?$")
_SLASH = re.compile(r"^(?:(\d+)\s+)?(\d{1,2})\s*/\s*(\d{1,2})$")  # 3/4, 2 1/4; not 2022/23 or 24/7


def parse_digits(text: str) -> float | None:
    """``"2,700"`` -> 2700.0, ``"2.7"`` -> 2.7, ``"5,00"`` -> 5.0; anything else -> None."""
    text = text.strip()
    if _DIGITS.match(text):
        return float(re.sub(r"[,\s\u00a0\u202f]", "", text))
    comma = _DECIMAL_COMMA.match(text)
    if comma:
        return float(f"{comma.group(1)}.{comma.group(2)}")
    return None


def _numeric(text: str) -> float | None:
    """Numbers written with digits only: plain, exponent, power, glued suffix, slash fraction."""
    plain = parse_digits(text)
    if plain is not None:
        return plain
    if found := _EXPONENT.match(text.lower()):
        return float(found.group(1)) * 10 ** int(found.group(2))
    if found := _POWER.match(text):
        exponent = int(found.group(3)) * (-1 if found.group(2).count("-") % 2 else 1)
        return float(found.group(1)) ** exponent if abs(exponent) < 300 else None
    if found := _GLUED.match(text):
        base = parse_digits(found.group(1))
        return None if base is None else base * SUFFIXES[found.group(2)]
    if found := _SLASH.match(text):
        whole, top, bottom = found.groups()
        if int(bottom) == 0 or int(top) >= int(bottom):
            return None  # a proper fraction only: "24/7" and "50/50" are not numbers
        return (int(whole) if whole else 0) + int(top) / int(bottom)
    return None


def _ordinal(words: list[str], i: int) -> tuple[float, int] | None:
    """A denominator: "fifths", "twenty firsts", "hundredth", "trillionths" -> (value, next index)."""
    if i >= len(words):
        return None
    word = words[i]
    singular = word[:-1] if word.endswith("s") and word[:-1] in {**ORDINAL_UNITS, **ORDINAL_SCALES} else word
    if singular in ORDINAL_UNITS:
        return ORDINAL_UNITS[singular], i + 1
    if singular in ORDINAL_SCALES:
        return ORDINAL_SCALES[singular], i + 1
    if word in TENS and i + 1 < len(words):
        nxt = words[i + 1][:-1] if words[i + 1].endswith("s") else words[i + 1]
        if nxt in ORDINAL_UNITS and ORDINAL_UNITS[nxt] < 10:
            return TENS[word] + ORDINAL_UNITS[nxt], i + 2
    return None


class _Cardinal(tuple[float, int, str]):
    """(value, next index, last kind), plus where an inner "and" split the number."""

    before_and: float | None = None  # value before the last "and" ("five billion" in "... and three")
    scale_before_and: float = 1.0


def _cardinal(words: list[str], raw: list[str], i: int) -> _Cardinal | None:
    """The longest cardinal number starting at ``words[i]``: (value, next index, last kind)."""
    total = 0.0
    current = 0.0
    last = ""
    last_scale = math.inf
    before_and: float | None = None
    scale_before_and = 1.0
    j = i
    while j < len(words):
        word = words[j]
        nxt = words[j + 1] if j + 1 < len(words) else ""
        digit = _numeric(raw[j])
        if word == "and":
            if last in ("hundred", "scale") and (
                nxt in UNITS
                or nxt in TEENS
                or nxt in TENS
                or _numeric(raw[j + 1] if j + 1 < len(raw) else "") is not None
            ):
                before_and = total + current
                scale_before_and = last_scale if last == "scale" else 1.0
                last = "and"
                j += 1
                continue
            break
        if word in ("a", "an"):
            if last or not (nxt in ("hundred", "dozen") or nxt in SCALES):
                break
            current, last = 1, "a"
        elif digit is not None:
            if last not in ("", "scale", "and"):
                break
            current += digit
            last = "digit"
        elif raw[j] in SUFFIXES and last == "digit":
            total += current * SUFFIXES[raw[j]]
            current, last = 0, "scale"
        elif word in UNITS:
            if last not in ("", "tens", "hundred", "scale", "and") or (last == "tens" and current % 10):
                break
            current += UNITS[word]
            last = "unit"
        elif word in TEENS or word in TENS:
            if last not in ("", "hundred", "scale", "and"):
                break
            current += TEENS.get(word) or TENS[word]
            last = "tens" if word in TENS else "teen"
        elif word in ("hundred", "hundreds"):
            if last not in ("unit", "teen", "tens", "digit", "a"):
                break
            current *= 100
            last = "hundred"
        elif word in SCALES:
            scale = SCALES[word]
            if last == "scale" and current == 0 and scale > 1:
                total *= scale  # "three lakh crore"
            elif last in ("unit", "teen", "tens", "digit", "hundred", "a", "dozen"):
                if scale >= last_scale and total:
                    total = (total + current) * scale
                else:
                    total += current * scale
                current = 0
            else:
                break
            last_scale = scale
            last = "scale"
        elif word in ("dozen", "dozens", "dz", "dzs", "doz", "dozs"):
            if last not in ("unit", "teen", "tens", "digit", "a", "hundred"):
                break
            group_base = (before_and - total) if before_and is not None and before_and >= total else 0.0
            current = group_base + (current - group_base) * 12  # "three hundred and two dozens" = 324
            last = "dozen"
        else:
            break
        j += 1
    if not last or last in ("and", "a"):
        if last == "and":
            j -= 1
        else:
            return None
    result = _Cardinal((total + current, j, last))
    result.before_and = before_and
    result.scale_before_and = scale_before_and
    return result


def _point(words: list[str], j: int) -> tuple[float, int] | None:
    """Digits after "point": "zero three" -> 0.03, "seventy-one" -> 0.71."""
    digits = ""
    while j < len(words):
        word = words[j]
        if word in UNITS:
            digits += str(UNITS[word])
        elif word in TEENS:
            digits += str(TEENS[word])
        elif word in TENS:
            digits += str(TENS[word])[0]
            if j + 1 < len(words) and words[j + 1] in UNITS and UNITS[words[j + 1]] > 0:
                digits += str(UNITS[words[j + 1]])
                j += 1
            else:
                digits += "0"
        elif re.fullmatch(r"\d+", word):
            digits += word
        else:
            break
        j += 1
    return (float("0." + digits), j) if digits else None


def _split(text: str) -> tuple[list[str], list[str]]:
    spaced = re.sub(r"(?<=[A-Za-z])\s*-\s*(?=[A-Za-z])", " ", text)  # twenty-one, hundred-fifths
    raw = [w for w in re.split(r"\s+", spaced.strip()) if w]
    return [w.lower() for w in raw], raw


def _parse_words(words: list[str], raw: list[str]) -> float | None:
    """A whole word sequence as one number, or None."""
    if not words:
        return None
    # "half a million", "half million", "quarter million"
    if words[0] in ("half", "quarter"):
        rest = words[1:]
        if rest[:1] in (["a"], ["an"]):
            rest = rest[1:]
        if len(rest) == 1 and (rest[0] in SCALES or rest[0] == "dozen"):
            return (SCALES.get(rest[0]) or 12) / HALF_WORDS[words[0]]
        return None
    if words[0] in ("a", "an") and len(words) >= 2:  # "a half", "a fifth", "a twenty-first"
        if words[1] in HALF_WORDS and len(words) == 2:
            return 1 / HALF_WORDS[words[1]]
        single = _ordinal(words, 1)
        if single is not None and single[1] == len(words) and single[0] > 2:  # not "a first step"
            return 1 / single[0]
    head = _cardinal(words, raw, 0)
    if head is None:
        return None
    value, j, last = head
    fraction_of_scale = head.scale_before_and > 1 and _ordinal(words, j) is not None
    if head.before_and is not None and j < len(words) and (words[j] in HALF_WORDS or fraction_of_scale):
        # "one hundred and three quarters" = 100 + 3/4; "five billion and three quarters" = 5.75 billion;
        # but "one hundred and thirty fifths" = 130/5 (an ordinal denominator takes the whole number)
        group = value - head.before_and
        scale = head.scale_before_and
        denominator, end = (HALF_WORDS[words[j]], j + 1) if words[j] in HALF_WORDS else _ordinal(words, j) or (1, j)
        if end < len(words) and words[end] in SCALES:  # "one billion and three quarters million"
            scale, end = SCALES[words[end]], end + 1
        if end == len(words):  # "six million and two thirds" = 6,666,666.67
            return head.before_and + group / denominator * scale
    # trailing "and": "3 million and a half", "one and a half", "twenty and three fifths"
    while j < len(words) and words[j] == "and":  # "twenty and three and three fifths" = 23.6
        whole = _cardinal(words, raw, j + 1)
        if whole is None or whole[1] >= len(words) or words[whole[1]] != "and" or whole[2] == "scale":
            break
        value += whole[0]
        j = whole[1]
    if j < len(words) and words[j] == "and":
        k = j + 1
        numerator: float = 1
        if k < len(words) and words[k] in ("a", "an", "one"):
            k += 1
        else:
            sub = _cardinal(words, raw, k)
            if sub is None:
                return None
            numerator, k, _ = sub
        if k < len(words) and words[k] in HALF_WORDS:
            fraction = numerator / HALF_WORDS[words[k]]
            k += 1
        else:
            below = _ordinal(words, k)
            if below is None:
                return None
            fraction = numerator / below[0]
            k = below[1]
        if k < len(words) and words[k] in SCALES:  # "one billion and a half million"
            fraction *= SCALES[words[k]]
            k += 1
        elif last == "scale":
            fraction *= _last_scale(words[:j])
        return value + fraction if k == len(words) else None
    if j == len(words):
        return value
    # decimals in words: "two hundred point zero three"
    if words[j] == "point":
        decimal = _point(words, j + 1)
        if decimal is None or decimal[1] != len(words):
            return None
        return value + decimal[0]
    # "one over three" (but "3 out of 5" is two numbers: three of five things)
    if words[j] == "over":
        k = j + 1
        divisor = _cardinal(words, raw, k)
        if divisor is None or divisor[1] != len(words) or divisor[0] == 0:
            return None
        return value / divisor[0]
    # "three fifths", "a hundred trillionths", "two thirds", "three quarters"
    if words[j] in HALF_WORDS and j + 1 == len(words):
        return value / HALF_WORDS[words[j]]
    if words[-1] in SCALES and words[-3:-1] in (["of", "a"], ["of", "an"]):  # "two thirds of a million"
        part = _parse_words(words[:-3], raw[:-3])
        return None if part is None else part * SCALES[words[-1]]
    ordinal = _ordinal(words, j)
    if ordinal is not None and ordinal[1] == len(words) and (ordinal[0] > 2 or value == 1):
        tens = words[j - 1] if j > 0 else ""
        after_and = j >= 2 and words[j - 2] == "and"
        if last == "tens" and TENS.get(tens, 0) and value - TENS[tens] > 0 and ordinal[0] < 10 and not after_and:
            # "one hundred thirty fifths": without "and", "thirty fifths" is the denominator (35ths)
            return (value - TENS[tens]) / (TENS[tens] + ordinal[0])
        return value / ordinal[0]
    if j < len(words) and last in ("unit", "digit") and value > 0:  # "one one hundred (and) fifth" = 1/105
        hundreds = _cardinal(words, raw, j)
        if hundreds is not None and hundreds[0] > 0:
            at = hundreds[1] + (hundreds[1] < len(words) and words[hundreds[1]] == "and")
            tail = _ordinal(words, at)
            if tail is not None and tail[1] == len(words) and tail[0] < 10:
                return value / (hundreds[0] + tail[0])
    return None


def _last_scale(words: list[str]) -> float:
    for word in reversed(words):
        if word in SCALES:
            return SCALES[word]
    return 1.0


def parse_number(text: str) -> float | None:
    """Parse a cardinal number written in digits, words or both (see the module docstring).

    Returns None when the text is not a number, or not only a number.
    """
    try:
        cleaned = text.strip().replace("\u2212", "-").replace("\u2013", "-")
    except AttributeError:
        return None
    if not cleaned or len(cleaned) > 200:
        return None
    negative = False
    lowered = cleaned.lower()
    for sign in ("minus ", "negative "):
        if lowered.startswith(sign):
            negative, cleaned = True, cleaned[len(sign) :].strip()
            break
    else:
        if re.match(r"^-\s*\S", cleaned) and not cleaned.startswith("--"):
            negative, cleaned = True, cleaned[1:].strip()
    value = _numeric(cleaned)
    if value is None:
        words, raw = _split(cleaned)
        value = _parse_words(words, raw)
    if value is None or math.isnan(value) or math.isinf(value) or abs(value) > MAX_VALUE:
        return None
    value = round(value, 12) if abs(value) < 1 else value
    return -value if negative else value


def parse_fraction_percent(text: str) -> float | None:
    """``"half"`` -> 50.0, ``"a quarter"`` -> 25.0, ``"two-thirds"`` -> 66.67 (percent of a whole)."""
    try:
        key = " ".join(text.strip().lower().split())
    except AttributeError:
        return None
    value = FRACTIONS.get(key)
    return None if value is None else round(value, 4)
