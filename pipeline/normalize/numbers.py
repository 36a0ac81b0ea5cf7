"""Pure number normalizers: text -> value. No spaCy import.

``parse_number`` reads a whole string as one number, or returns None: digits with
separators ("2,700", "1 234 567", "5,00"), exponents ("1.3e6", "1.1^23"), suffix
multipliers ("10k", "1.2b", "10 bln", "2 lakh"), number words with the usual grammar
("three hundred and twenty-one", "4 thousand 3 hundred and 21"), decimals in words
("two hundred point zero three"), fractions ("3/4", "2 1/4", "three fifths", "one over
three", "one and a half", "3 million and a half") and signs ("minus five", "-3").
No function here raises on any input.

Every word comes from the lexicon (``patterns/numbers.jsonl``): ``NUMBER_WORD``,
``SCALE``, ``ORDINAL``, ``FRACTION_WORD``, ``NUMBER_GROUP``, ``MULTIPLIER``,
``NUMBER_ARTICLE``, ``NUMBER_SIGN``, ``NUMBER_CONNECTOR``, ``PART_OF_WHOLE``. The grammar
is three layers of small named steps, each testable alone:

1. ``word_kind`` sorts one word into a class (unit, teen, tens, hundred, scale, ...);
2. ``read_cardinal`` reads the longest cardinal with one step per class (``CARDINAL_STEPS``);
3. ``parse_words`` tries the forms of a whole number in order (``WORD_FORMS``): a bare
   cardinal, "and a half", "point five", "over three", "three fifths", ...
"""

from __future__ import annotations

import math
import re
import weakref
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..lexicon import Lexicon

# Numbers larger than this are not quantities anyone writes in an article.
MAX_VALUE = 1e16
MAX_NUMBER_CHARS = 200  # a longer text is no number (and its parts are not parsed)

_DIGITS = re.compile(
    r"^(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # 2,700 / 1,674,200.5
    r"|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?"  # 1,24,000 / 12,34,56,789: Indian grouping (lakh, crore)
    r"|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:\.\d+)?"  # 1 234 567
    r"|\d+(?:\.\d+)?|\.\d+)$"  # 27 / 2.7 / .08
)
_DECIMAL_COMMA = re.compile(r"^(\d+),(\d{1,2})$")  # 5,00 / 1,3
_EXPONENT = re.compile(r"^(\d+(?:\.\d+)?)e([+-]?\d+)$")
_POWER = re.compile(r"^(\d+(?:\.\d+)?)\s*\^\s*([+-]*)\s*(\d+)$")
_SLASH = re.compile(r"^(?:(\d+)\s+)?(\d{1,2})\s*/\s*(\d{1,2})$")  # 3/4, 2 1/4; not 2022/23 or 24/7


def _default_lexicon() -> Lexicon:
    from ..patterns import default_lexicon

    return default_lexicon()


# -- the vocabulary ----------------------------------------------------------------------
@dataclass(frozen=True)
class NumberWords:
    """The number words of one lexicon, sorted into the classes the grammar reads."""

    cardinals: Mapping[str, float] = field(default_factory=dict)  # NUMBER_WORD: zero .. ninety
    hundreds: Mapping[str, float] = field(default_factory=dict)  # SCALE below 1000: multiply the open group
    scales: Mapping[str, float] = field(default_factory=dict)  # SCALE from 1000: close the group
    ordinals: Mapping[str, float] = field(default_factory=dict)  # ORDINAL: first .. trillionth
    fractions: Mapping[str, float] = field(default_factory=dict)  # FRACTION_WORD: half -> 2
    groups: Mapping[str, float] = field(default_factory=dict)  # NUMBER_GROUP: dozen -> 12
    multipliers: Mapping[str, float] = field(default_factory=dict)  # MULTIPLIER, case as written: k, M, bn
    money_multipliers: Mapping[str, float] = field(default_factory=dict)  # MONEY_MULTIPLIER: m
    articles: frozenset[str] = frozenset()  # NUMBER_ARTICLE: a, an
    signs: frozenset[str] = frozenset()  # NUMBER_SIGN: minus, negative
    connectors: Mapping[str, str] = field(default_factory=dict)  # NUMBER_CONNECTOR: word -> role
    parts_of_whole: Mapping[str, float] = field(default_factory=dict)  # PART_OF_WHOLE: phrase -> percent

    @classmethod
    def from_lexicon(cls, lexicon: Lexicon) -> NumberWords:
        scales = {w: float(v) for w, v in lexicon.table("SCALE").items()}
        return cls(
            cardinals={w: float(v) for w, v in lexicon.table("NUMBER_WORD").items()},
            hundreds={w: v for w, v in scales.items() if v < 1000},
            scales={w: v for w, v in scales.items() if v >= 1000},
            ordinals={w: float(v) for w, v in lexicon.table("ORDINAL").items()},
            fractions={w: float(v) for w, v in lexicon.table("FRACTION_WORD").items()},
            groups={w: float(v) for w, v in lexicon.table("NUMBER_GROUP").items()},
            multipliers={w: float(v) for w, v in lexicon.table("MULTIPLIER").items()},
            money_multipliers={w: float(v) for w, v in lexicon.table("MONEY_MULTIPLIER").items()},
            articles=lexicon.words("NUMBER_ARTICLE"),
            signs=lexicon.words("NUMBER_SIGN"),
            connectors={w: str(v) for w, v in lexicon.table("NUMBER_CONNECTOR").items()},
            parts_of_whole={w: float(v) for w, v in lexicon.table("PART_OF_WHOLE").items()},
        )

    def role(self, word: str) -> str | None:
        """The grammar role of a small word: "and", "point", "over", "of", "out", "dash", "power"."""
        return self.connectors.get(word)

    @cached_property
    def _glued_factors(self) -> dict[str, float]:
        """Multipliers and scale words that may be glued to digits: "10k", "2bn", "1million"."""
        return {**self.scales, **self.multipliers}

    @cached_property
    def _glued(self) -> re.Pattern[str] | None:
        suffixes = sorted((re.escape(s) for s in self._glued_factors), key=len, reverse=True)
        if not suffixes:
            return None
        return re.compile(r"^(\d[\d,]*(?:\.\d+)?)\s*(" + "|".join(suffixes) + r")\.?$")

    def glued(self, text: str) -> tuple[str, float] | None:
        """``"10k"`` -> ("10", 1000.0), ``"1million"`` -> ("1", 1e6): digits with a multiplier
        or scale word glued on (or after a space)."""
        found = self._glued.match(text) if self._glued else None
        return None if found is None else (found.group(1), self._glued_factors[found.group(2)])

    @cached_property
    def _shaped(self) -> re.Pattern[str]:
        suffixes = sorted({re.escape(s.lower()) for s in (*self._glued_factors, *self.money_multipliers)}, key=len)
        suffix = "(?:" + "|".join(reversed(suffixes)) + ")?" if suffixes else ""
        return re.compile(
            r"^(?:[-\u2212]?(?:\d[\d,.\u00a0\u202f]*|\.\d+)(?:e[+-]?\d+)?" + suffix + r"\.?"
            r"|-?\d+/\d+|-?\d+(?:\.\d+)?\^[+-]*\d+|[+-]{1,2}\d+)$"
        )

    def number_shaped(self, text: str) -> bool:
        """Is this token (part of) a number in digits? "27", "2,700", "-3", "10k", "3/4"; not "1st"."""
        return self._shaped.match(text.lower()) is not None

    @cached_property
    def run_words(self) -> frozenset[str]:
        """Lower-cased words that may continue a number: "three *hundred and* five", "10 *bn*"."""
        words = {*self.cardinals, *self.hundreds, *self.scales, *self.ordinals, *self.fractions, *self.groups}
        words |= {w + "s" for w in self.ordinals}  # "three fifths"
        words |= {w.lower() for w in (*self.multipliers, *self.money_multipliers)}
        return frozenset(words | self.articles | set(self.connectors))

    @cached_property
    def inner_words(self) -> frozenset[str]:
        """Words that join the parts of a number and never end one: and, a, point, minus, ..."""
        return frozenset(self.articles | self.signs | set(self.connectors))


_BY_LEXICON: weakref.WeakKeyDictionary[Lexicon, NumberWords] = weakref.WeakKeyDictionary()


def number_words(lexicon: Lexicon | None = None) -> NumberWords:
    """The number vocabulary of ``lexicon`` (the built-in one by default), built once per lexicon."""
    lexicon = lexicon if lexicon is not None else _default_lexicon()
    found = _BY_LEXICON.get(lexicon)
    if found is None:
        found = _BY_LEXICON[lexicon] = NumberWords.from_lexicon(lexicon)
    return found


# -- numbers in digits -------------------------------------------------------------------
def parse_digits(text: str) -> float | None:
    """``"2,700"`` -> 2700.0, ``"2.7"`` -> 2.7, ``"5,00"`` -> 5.0; anything else -> None."""
    text = text.strip()
    if _DIGITS.match(text):
        return float(re.sub(r"[,\s\u00a0\u202f]", "", text))
    comma = _DECIMAL_COMMA.match(text)
    if comma:
        return float(f"{comma.group(1)}.{comma.group(2)}")
    return None


def _exponent(text: str, vocab: NumberWords) -> float | None:
    """``"1.3e6"`` -> 1300000.0."""
    found = _EXPONENT.match(text.lower())
    if found is None or abs(int(found.group(2))) > 300:
        return None  # far beyond any quantity (and beyond a float)
    return float(found.group(1)) * 10 ** int(found.group(2))


def _power(text: str, vocab: NumberWords) -> float | None:
    """``"1.1^23"``; ``"2^-3"``."""
    found = _POWER.match(text)
    if found is None:
        return None
    exponent = int(found.group(3)) * (-1 if found.group(2).count("-") % 2 else 1)
    if abs(exponent) >= 300:
        return None
    try:
        return float(found.group(1)) ** exponent
    except (OverflowError, ZeroDivisionError):  # "9999^299", "0^-3"
        return None


def _suffixed(text: str, vocab: NumberWords) -> float | None:
    """``"10k"``, ``"1.2b"``, ``"2.33 k"``: digits times a ``MULTIPLIER``."""
    found = vocab.glued(text)
    if found is None:
        return None
    base = parse_digits(found[0])
    return None if base is None else base * found[1]


def _slash_fraction(text: str, vocab: NumberWords) -> float | None:
    """``"3/4"``, ``"2 1/4"``; a proper fraction only: "24/7" and "50/50" are not numbers."""
    found = _SLASH.match(text)
    if found is None:
        return None
    whole, top, bottom = found.groups()
    if int(bottom) == 0 or int(top) >= int(bottom):
        return None
    return (int(whole) if whole else 0) + int(top) / int(bottom)


DIGIT_FORMS: tuple[Callable[[str, NumberWords], float | None], ...] = (
    lambda text, vocab: parse_digits(text),
    _exponent,
    _power,
    _suffixed,
    _slash_fraction,
)


def parse_numeric(text: str, lexicon: Lexicon | None = None) -> float | None:
    """A number written with digits only: plain, exponent, power, suffix multiplier, slash fraction."""
    return _numeric(text, number_words(lexicon))


def _numeric(text: str, vocab: NumberWords) -> float | None:
    """The first digit form that reads ``text``; a value that is not a finite float is no number,
    and neither is a text over ``MAX_NUMBER_CHARS`` (its exponent would be read as a huge int)."""
    if len(text) > MAX_NUMBER_CHARS:
        return None
    for form in DIGIT_FORMS:
        value = form(text, vocab)
        if value is not None:
            return value if math.isfinite(value) else None
    return None


def is_number_shaped(text: str, lexicon: Lexicon | None = None) -> bool:
    """Is this token (part of) a number in digits? "27", "2,700", "-3", "10k", "3/4"; not "1st"."""
    return number_words(lexicon).number_shaped(text)


# -- words and their classes -------------------------------------------------------------
@dataclass
class Words:
    """A text split into words: lower-cased, as written, and each word's class."""

    words: list[str]
    raw: list[str]
    vocab: NumberWords
    _kinds: dict[int, str | None] = field(default_factory=dict, init=False, repr=False)  # classified when first asked

    @classmethod
    def split(cls, text: str, vocab: NumberWords) -> Words:
        """Words of ``text``; a hyphen between letters separates words ("twenty-one")."""
        spaced = re.sub(r"(?<=[A-Za-z])\s*-\s*(?=[A-Za-z])", " ", text)
        raw = [w for w in re.split(r"\s+", spaced.strip()) if w]
        return cls([w.lower() for w in raw], raw, vocab)

    def __len__(self) -> int:
        return len(self.words)

    def at(self, i: int) -> str:
        return self.words[i] if 0 <= i < len(self.words) else ""

    def kind(self, i: int) -> str | None:
        """The class of word ``i`` (``word_kind``); None past either end."""
        if not 0 <= i < len(self.words):
            return None
        if i not in self._kinds:
            self._kinds[i] = word_kind(self.words[i], self.raw[i], self.vocab)
        return self._kinds[i]

    def role(self, i: int) -> str | None:
        return self.vocab.role(self.at(i))

    def is_article(self, i: int) -> bool:
        return self.at(i) in self.vocab.articles

    def tail(self, start: int, end: int | None = None) -> Words:
        return Words(self.words[start:end], self.raw[start:end], self.vocab)


def word_kind(word: str, raw: str, vocab: NumberWords) -> str | None:
    """The class of one word for the cardinal grammar, or None when it is no part of a cardinal.

    "and" and articles first, then digits ("27", "10k"), multipliers ("M" after digits),
    number words by their value (unit < 10, teen < 20, tens), hundreds, scales, groups.
    """
    if vocab.role(word) == "and":
        return "and"
    if word in vocab.articles:
        return "article"
    if _numeric(raw, vocab) is not None:
        return "digit"
    if raw in vocab.multipliers:
        return "multiplier"
    if word in vocab.cardinals:
        value = vocab.cardinals[word]
        return "unit" if value < 10 else "teen" if value < 20 else "tens"
    if word in vocab.hundreds:
        return "hundred"
    if word in vocab.scales:
        return "scale"
    if word in vocab.groups:
        return "group"
    return None


def word_value(words: Words, i: int) -> float:
    """The number a word of class unit/teen/tens/hundred/scale/group/multiplier/digit stands for."""
    word, vocab = words.words[i], words.vocab
    kind = words.kind(i)
    if kind == "digit":
        return _numeric(words.raw[i], vocab) or 0.0
    if kind == "multiplier":
        return vocab.multipliers[words.raw[i]]
    for table in (vocab.cardinals, vocab.hundreds, vocab.scales, vocab.groups):
        if word in table:
            return table[word]
    return 0.0


def ordinal_at(words: Words, i: int) -> tuple[float, int] | None:
    """A denominator at ``i``: "fifths", "twenty firsts", "hundredth" -> (value, next index)."""
    if i >= len(words):
        return None
    ordinals = words.vocab.ordinals
    word = words.words[i]
    single = _singular_ordinal(word, ordinals)
    if single in ordinals:
        return ordinals[single], i + 1
    if words.kind(i) == "tens" and i + 1 < len(words):  # "twenty first"
        nxt = words.words[i + 1][:-1] if words.words[i + 1].endswith("s") else words.words[i + 1]
        if ordinals.get(nxt, 10) < 10:
            return words.vocab.cardinals[word] + ordinals[nxt], i + 2
    return None


def _singular_ordinal(word: str, ordinals: Mapping[str, float]) -> str:
    return word[:-1] if word.endswith("s") and word[:-1] in ordinals else word


# -- the cardinal grammar ----------------------------------------------------------------
@dataclass
class Cardinal:
    """A cardinal number read left to right: closed groups (``total``) and the open one."""

    total: float = 0.0
    current: float = 0.0
    last: str = ""  # class of the last word read ("" before the first)
    last_scale: float = math.inf
    before_and: float | None = None  # value before the last inner "and" ("five billion" in "... and three")
    scale_before_and: float = 1.0
    end: int = 0  # index after the last word read

    @property
    def value(self) -> float:
        return self.total + self.current


Step = Callable[[Cardinal, Words, int], bool]
_GROUP_OPEN = ("", "hundred", "scale", "and")  # where a new group of units and tens may start
_COUNTABLE = ("unit", "teen", "tens", "digit", "article")  # what "hundred" may multiply


def _scale_follows(c: Cardinal, words: Words, i: int) -> bool:
    """Does a scale as large as the last one come after the "and" at ``i``? Then "and" joins two
    numbers: "5 million and 4 million"."""
    j = i + 1
    while j < len(words) and words.kind(j) in ("unit", "teen", "tens", "digit", "hundred", "scale"):
        if words.kind(j) == "scale" and word_value(words, j) >= c.last_scale:
            return True
        j += 1
    return False


def _step_and(c: Cardinal, words: Words, i: int) -> bool:
    """ "and" inside a number: "three hundred and five", "5 million and 3"; not "5 million and
    4 million" (two numbers)."""
    if (
        c.last in ("hundred", "scale")
        and words.kind(i + 1) in ("unit", "teen", "tens", "digit")
        and not (c.last == "scale" and _scale_follows(c, words, i))
    ):
        c.before_and = c.value
        c.scale_before_and = c.last_scale if c.last == "scale" else 1.0
        c.last = "and"
        return True
    return False


def _step_article(c: Cardinal, words: Words, i: int) -> bool:
    """ "a" as one, at the start and before a scale or group: "a million", "a dozen"."""
    if c.last or words.kind(i + 1) not in ("hundred", "scale", "group"):
        return False
    c.current, c.last = 1, "article"
    return True


def _step_digit(c: Cardinal, words: Words, i: int) -> bool:
    """Digits: "27", "3 hundred and *21*", "4 thousand *3* hundred"."""
    if c.last not in ("", "scale", "and"):
        return False
    c.current += word_value(words, i)
    c.last = "digit"
    return True


def _step_multiplier(c: Cardinal, words: Words, i: int) -> bool:
    """An abbreviated multiplier after digits: "2.33 *k*"."""
    if c.last != "digit":
        return False
    c.total += c.current * word_value(words, i)
    c.current, c.last = 0, "scale"
    return True


def _step_unit(c: Cardinal, words: Words, i: int) -> bool:
    """zero .. nine: alone, or after tens ("twenty-*one*"), a hundred or a scale."""
    if c.last not in (*_GROUP_OPEN, "tens") or (c.last == "tens" and c.current % 10):
        return False
    c.current += word_value(words, i)
    c.last = "unit"
    return True


def _step_teen_or_tens(c: Cardinal, words: Words, i: int) -> bool:
    """ten .. nineteen, twenty .. ninety: where a group may start."""
    if c.last not in _GROUP_OPEN:
        return False
    c.current += word_value(words, i)
    c.last = words.kind(i) or ""
    return True


def _step_hundred(c: Cardinal, words: Words, i: int) -> bool:
    """ "hundred" multiplies the open group: "three *hundred*"."""
    if c.last not in _COUNTABLE:
        return False
    c.current *= word_value(words, i)
    c.last = "hundred"
    return True


def _step_scale(c: Cardinal, words: Words, i: int) -> bool:
    """thousand, lakh, million ...: close the group; "three lakh crore" multiplies the total."""
    scale = word_value(words, i)
    if c.last == "scale" and c.current == 0 and scale > 1:
        c.total *= scale
    elif c.last in (*_COUNTABLE, "hundred", "group"):
        if scale >= c.last_scale and c.total:
            c.total = (c.total + c.current) * scale
        else:
            c.total += c.current * scale
        c.current = 0
    else:
        return False
    c.last_scale = scale
    c.last = "scale"
    return True


def _step_group(c: Cardinal, words: Words, i: int) -> bool:
    """ "dozen": "three dozen" = 36; "three hundred and two dozens" = 324 (only the part after "and")."""
    if c.last not in (*_COUNTABLE, "hundred"):
        return False
    base = (c.before_and - c.total) if c.before_and is not None and c.before_and >= c.total else 0.0
    c.current = base + (c.current - base) * word_value(words, i)
    c.last = "group"
    return True


CARDINAL_STEPS: dict[str, Step] = {
    "and": _step_and,
    "article": _step_article,
    "digit": _step_digit,
    "multiplier": _step_multiplier,
    "unit": _step_unit,
    "teen": _step_teen_or_tens,
    "tens": _step_teen_or_tens,
    "hundred": _step_hundred,
    "scale": _step_scale,
    "group": _step_group,
}


def read_cardinal(words: Words, start: int) -> Cardinal | None:
    """The longest cardinal number starting at ``words[start]``, or None.

    Each word's class picks its step (``CARDINAL_STEPS``); the first word no step takes
    ends the number. A trailing "and" is given back; a lone article is no number.
    """
    c = Cardinal(end=start)
    i = start
    while i < len(words):
        step = CARDINAL_STEPS.get(words.kind(i) or "")
        if step is None or not step(c, words, i):
            break
        i += 1
    if c.last == "and":
        i -= 1
    elif c.last in ("", "article"):
        return None
    c.end = i
    return c


# -- decimals ----------------------------------------------------------------------------
def read_point_digits(words: Words, i: int) -> tuple[float, int] | None:
    """Digits after "point": "zero three" -> 0.03, "seventy-one" -> 0.71."""
    digits = ""
    while i < len(words):
        kind = words.kind(i)
        if kind in ("unit", "teen"):
            digits += str(int(word_value(words, i)))
        elif kind == "tens":
            digits += str(int(word_value(words, i)))[0]
            if words.kind(i + 1) == "unit" and word_value(words, i + 1) > 0:
                digits += str(int(word_value(words, i + 1)))
                i += 1
            else:
                digits += "0"
        elif re.fullmatch(r"\d+", words.at(i)):
            digits += words.at(i)
        else:
            break
        i += 1
    return (float("0." + digits), i) if digits else None


# -- whole forms -------------------------------------------------------------------------
@dataclass(frozen=True)
class Outcome:
    """The verdict of a form that applies: the number, or None when the text is not one."""

    value: float | None


Form = Callable[[Words, Cardinal], Outcome | None]  # None: this form does not apply


def _fraction_value(words: Words, i: int) -> float | None:
    return words.vocab.fractions.get(words.at(i))


def half_of_scale(words: Words) -> Outcome | None:
    """ "half a million", "quarter million", "half dozen"; any other text opening with "half" is none."""
    denominator = _fraction_value(words, 0)
    if denominator is None:
        return None
    rest = words.tail(1)
    if rest.is_article(0):
        rest = rest.tail(1)
    if len(rest) == 1 and rest.kind(0) in ("scale", "group"):
        return Outcome(word_value(rest, 0) / denominator)
    return Outcome(None)


def article_fraction(words: Words) -> Outcome | None:
    """ "a half", "a fifth", "a twenty-first" (not "a first")."""
    if not words.is_article(0) or len(words) < 2:
        return None
    denominator = _fraction_value(words, 1)
    if denominator is not None and len(words) == 2:
        return Outcome(1 / denominator)
    single = ordinal_at(words, 1)
    if single is not None and single[1] == len(words) and single[0] > 2:
        return Outcome(1 / single[0])
    return None


def join_and_wholes(words: Words, head: Cardinal) -> None:
    """ "twenty and three and three fifths": whole numbers joined by "and" before a fraction."""
    while words.role(head.end) == "and":
        whole = read_cardinal(words, head.end + 1)
        if whole is None or whole.end >= len(words) or words.role(whole.end) != "and" or whole.last == "scale":
            return
        head.current += whole.value
        head.end = whole.end


def fraction_of_group(words: Words, head: Cardinal) -> Outcome | None:
    """ "one hundred and three quarters" = 100.75; "five billion and three quarters" = 5.75 billion;
    "six million and two thirds"; but "one hundred and thirty fifths" is 130/5 (another form)."""
    j = head.end
    if head.before_and is None or j >= len(words):
        return None
    of_scale = head.scale_before_and > 1 and ordinal_at(words, j) is not None
    denominator_word = _fraction_value(words, j)
    if denominator_word is None and not of_scale:
        return None
    group = head.value - head.before_and
    scale = head.scale_before_and
    denominator, end = (denominator_word, j + 1) if denominator_word is not None else ordinal_at(words, j) or (1, j)
    if words.kind(end) == "scale":  # "one billion and three quarters million"
        scale, end = word_value(words, end), end + 1
    if end != len(words):
        return None
    return Outcome(head.before_and + group / denominator * scale)


def and_a_fraction(words: Words, head: Cardinal) -> Outcome | None:
    """ "3 million and a half", "one and a half", "twenty and three fifths", "one billion and a half million"."""
    j = head.end
    if words.role(j) != "and":
        return None
    k = j + 1
    numerator = 1.0
    if words.is_article(k) or (words.kind(k) == "unit" and word_value(words, k) == 1):
        k += 1
    else:
        sub = read_cardinal(words, k)
        if sub is None:
            return Outcome(None)
        numerator, k = sub.value, sub.end
    denominator = _fraction_value(words, k)
    if denominator is not None:
        fraction, k = numerator / denominator, k + 1
    else:
        below = ordinal_at(words, k)
        if below is None:
            return Outcome(None)
        fraction, k = numerator / below[0], below[1]
    if words.kind(k) == "scale":
        fraction *= word_value(words, k)
        k += 1
    elif head.last == "scale":
        fraction *= _last_scale(words, j)
    return Outcome(head.value + fraction if k == len(words) else None)


def _last_scale(words: Words, before: int) -> float:
    for i in range(before - 1, -1, -1):
        if words.at(i) in words.vocab.scales:
            return words.vocab.scales[words.at(i)]
    return 1.0


def bare_cardinal(words: Words, head: Cardinal) -> Outcome | None:
    """The cardinal is the whole text: "three hundred and twenty-one"."""
    return Outcome(head.value) if head.end == len(words) else None


def point_decimals(words: Words, head: Cardinal) -> Outcome | None:
    """ "two hundred point zero three"."""
    if words.role(head.end) != "point":
        return None
    decimal = read_point_digits(words, head.end + 1)
    if decimal is None or decimal[1] != len(words):
        return Outcome(None)
    return Outcome(head.value + decimal[0])


def over_division(words: Words, head: Cardinal) -> Outcome | None:
    """ "one over three" (but "3 out of 5" is two numbers: three of five things)."""
    if words.role(head.end) != "over":
        return None
    divisor = read_cardinal(words, head.end + 1)
    if divisor is None or divisor.end != len(words) or divisor.value == 0:
        return Outcome(None)
    return Outcome(head.value / divisor.value)


def fraction_word_denominator(words: Words, head: Cardinal) -> Outcome | None:
    """ "three quarters", "two halves"."""
    denominator = _fraction_value(words, head.end)
    if denominator is None or head.end + 1 != len(words):
        return None
    return Outcome(head.value / denominator)


def of_a_scale(words: Words, head: Cardinal) -> Outcome | None:
    """ "two thirds of a million"."""
    n = len(words)
    if n < 3 or words.kind(n - 1) != "scale" or words.role(n - 3) != "of" or not words.is_article(n - 2):
        return None
    part = parse_words(words.tail(0, n - 3))
    return Outcome(None if part is None else part * word_value(words, n - 1))


def ordinal_denominator(words: Words, head: Cardinal) -> Outcome | None:
    """ "three fifths", "a hundred trillionths"; "one hundred thirty fifths" = 100/35."""
    j, value = head.end, head.value
    ordinal = ordinal_at(words, j)
    if ordinal is None or ordinal[1] != len(words) or not (ordinal[0] > 2 or value == 1):
        return None
    tens = words.vocab.cardinals.get(words.at(j - 1), 0) if j > 0 and words.kind(j - 1) == "tens" else 0
    after_and = j >= 2 and words.role(j - 2) == "and"
    if head.last == "tens" and tens and value - tens > 0 and ordinal[0] < 10 and not after_and:
        # without "and", "thirty fifths" is the denominator (35ths)
        return Outcome((value - tens) / (tens + ordinal[0]))
    return Outcome(value / ordinal[0])


def compound_denominator(words: Words, head: Cardinal) -> Outcome | None:
    """ "one one hundred (and) fifth" = 1/105."""
    j = head.end
    if j >= len(words) or head.last not in ("unit", "digit") or head.value <= 0:
        return None
    hundreds = read_cardinal(words, j)
    if hundreds is None or hundreds.value <= 0:
        return None
    at = hundreds.end + (words.role(hundreds.end) == "and")
    tail = ordinal_at(words, at)
    if tail is None or tail[1] != len(words) or tail[0] >= 10:
        return None
    return Outcome(head.value / (hundreds.value + tail[0]))


OPENING_FORMS: tuple[Callable[[Words], Outcome | None], ...] = (half_of_scale, article_fraction)
WORD_FORMS: tuple[Form, ...] = (
    fraction_of_group,
    and_a_fraction,
    bare_cardinal,
    point_decimals,
    over_division,
    fraction_word_denominator,
    of_a_scale,
    ordinal_denominator,
    compound_denominator,
)


def parse_words(words: Words) -> float | None:
    """A whole word sequence as one number, or None: the first form that applies decides."""
    if not len(words):
        return None
    for opening in OPENING_FORMS:
        outcome = opening(words)
        if outcome is not None:
            return outcome.value
    head = read_cardinal(words, 0)
    if head is None:
        return None
    join_and_wholes(words, head)
    for form in WORD_FORMS:
        outcome = form(words, head)
        if outcome is not None:
            return outcome.value
    return None


# -- the public functions ----------------------------------------------------------------
def _strip_sign(text: str, vocab: NumberWords) -> tuple[bool, str]:
    """(negative, rest): "minus five", "negative 3", "-3" (but not "--3")."""
    lowered = text.lower()
    for sign in sorted(vocab.signs):
        if lowered.startswith(sign + " "):
            return True, text[len(sign) + 1 :].strip()
    if re.match(r"^-\s*\S", text) and not text.startswith("--"):
        return True, text[1:].strip()
    return False, text


def parse_number(text: str, lexicon: Lexicon | None = None) -> float | None:
    """Parse a cardinal number written in digits, words or both (see the module docstring).

    Returns None when the text is not a number, or not only a number. A value below one is
    rounded to 12 decimals ("two thirds" is 0.666666666667); ``parse_exact`` keeps it whole.
    """
    value = parse_exact(text, lexicon)
    return round(value, 12) if value is not None and abs(value) < 1 else value


def parse_exact(text: str, lexicon: Lexicon | None = None) -> float | None:
    """``parse_number`` at full float precision: "two thirds" is 0.6666666666666666."""
    try:
        cleaned = text.strip().replace("\u2212", "-").replace("\u2013", "-")
    except AttributeError:
        return None
    if not cleaned or len(cleaned) > MAX_NUMBER_CHARS:
        return None
    vocab = number_words(lexicon)
    negative, cleaned = _strip_sign(cleaned, vocab)
    value = _numeric(cleaned, vocab)
    if value is None:
        value = parse_words(Words.split(cleaned, vocab))
    if value is None or math.isnan(value) or math.isinf(value) or abs(value) > MAX_VALUE:
        return None
    return -value if negative else value


def parse_amount(text: str, lexicon: Lexicon | None = None) -> float | None:
    """An amount of money after its currency sign: like ``parse_number``, and "5m" is five million."""
    vocab = number_words(lexicon)
    for suffix, factor in vocab.money_multipliers.items():
        found = re.match(r"^(.*\d)\s*" + re.escape(suffix) + r"$", text.strip())
        if found:
            base = parse_number(found.group(1), lexicon)
            return None if base is None else base * factor
    return parse_number(text, lexicon)


def parse_fraction_percent(text: str, lexicon: Lexicon | None = None) -> float | None:
    """``"half"`` -> 50.0, ``"a quarter"`` -> 25.0, ``"two-thirds"`` and ``"2/3"`` -> 66.666...
    (percent of a whole, at full precision): a ``PART_OF_WHOLE`` phrase, else any proper
    fraction the number grammar reads in words ("three fifths", "three-fourths", "one-tenth")
    or with a slash ("3/4"; not "2 1/4", a whole and a part)."""
    try:
        key = " ".join(text.strip().lower().replace("-", " ").split())
    except AttributeError:
        return None
    vocab = number_words(lexicon)
    value = vocab.parts_of_whole.get(key)
    if value is not None:
        return value
    slash = _SLASH.match(key)
    if slash is None or slash.group(1) is not None:
        last = key.rsplit(" ", 1)[-1]
        if " " not in key or not (last in vocab.fractions or _singular_ordinal(last, vocab.ordinals) in vocab.ordinals):
            return None  # "0.5", "nought point eleven": decimals, not parts of a whole
    fraction = parse_exact(key, lexicon)
    return None if fraction is None or not 0 < fraction < 1 else fraction * 100


def is_power_of_ten(value: float) -> bool:
    """10, 100, 1000 ...: the wholes a ratio in digits is given over ("3 in 10")."""
    return value >= 10 and value.is_integer() and str(int(value)).rstrip("0") == "1"


def is_ratio_whole(first: str, second: str, part: float, whole: float) -> bool:
    """Does "<first> in <second>" read as a part of every so many? The whole is written in words
    ("one in six"), or is a power of ten ("3 in 10", "1 in 100"), or the part is one ("1 in 4");
    other digits are two numbers ("rose 5 in 12 markets")."""
    written_in_words = any(c.isalpha() for c in second) and any(c.isalpha() for c in first)
    return written_in_words or is_power_of_ten(whole) or part == 1


def parse_ratio_percent(first: str, second: str, lexicon: Lexicon | None = None) -> float | None:
    """ "one in six" -> 16.666... : ``first`` of every ``second``, in percent (None unless a part
    of a whole a ratio is given over, ``is_ratio_whole``)."""
    part, whole = parse_number(first, lexicon), parse_number(second, lexicon)
    if part is None or whole is None or not 0 < part < whole or not is_ratio_whole(first, second, part, whole):
        return None
    return part * 100 / whole
