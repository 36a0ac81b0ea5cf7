"""The less common date forms, tried after the regular ones in ``dates.parse_date``.

The text is first put in a canonical form: lower case, ordinal words as digits ("the
eleventh" -> "11th"), "first quarter" -> "q1", filler words ("the", "of") dropped and
separators tidied. Then:

* ``absolute``: dates written as parts in any order and with any separator, one of
  them a month name ("05-Aug-2016", "2020/Sep/23", "Dec31, 1994", "2016 june"), or all
  numbers ("2015/08/12", "21/04/16", "20161016", "2016-11", "3/2015"), quarters and
  halves glued to years ("2019-Q1", "2016H2");
* ``relative``: weekdays relative to the week ("next Friday", "Tuesday of next week"),
  the n-th weekday of a month, a day of a relative month ("20th of next month"),
  offsets ("in 2 weeks", "two days from tomorrow"), weekends, quarters ("last
  quarter"), ISO weeks ("first week of 2015", "week 31");
* ``spelled_year``: "nineteen ninety six", "two thousand and twenty".

Every function takes canonical text and returns (first day, last day) or None; none
raises.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

DateRange = tuple[date, date]

MONTH_NAMES: dict[str, int] = {}
for _number, _name in enumerate(calendar.month_name):
    if _name:
        MONTH_NAMES[_name.lower()] = _number
        MONTH_NAMES[_name[:3].lower()] = _number
MONTH_NAMES["sept"] = 9
WEEKDAY_NAMES: dict[str, int] = {}
for _number, _name in enumerate(calendar.day_name):
    WEEKDAY_NAMES[_name.lower()] = _number
    WEEKDAY_NAMES[_name[:3].lower()] = _number
WEEKDAY_NAMES.update({"tues": 1, "thur": 3, "thurs": 3})

_UNIT_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9,
}  # fmt: skip
_TEEN_ORDINALS = {
    "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}  # fmt: skip
_SMALL_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "fourteen": 14,
}  # fmt: skip
_SUFFIX = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}
_WD = r"(?P<wd>" + "|".join(sorted(WEEKDAY_NAMES, key=len, reverse=True)) + r")"
_REL = r"(?P<rel>next|last|this|coming|following|previous|past|current|upcoming)"


def _ordinal_digits(n: int) -> str:
    return f"{n}{_SUFFIX.get(n, 'th')}"


def canonical(text: str) -> str:
    t = text.lower().replace("\u2013", "-").replace("\u2014", "-")
    t = re.sub(r"\b(twenty|thirty)[- ](first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)\b",
               lambda m: _ordinal_digits({"twenty": 20, "thirty": 30}[m.group(1)] + _UNIT_ORDINALS[m.group(2)]), t)  # fmt: skip
    t = re.sub(r"\b(" + "|".join(_TEEN_ORDINALS) + r")\b", lambda m: _ordinal_digits(_TEEN_ORDINALS[m.group(1)]), t)
    t = re.sub(r"\b(first|second|third|fourth|1st|2nd|3rd|4th) quarter\b",
               lambda m: "q" + {"first": "1", "second": "2", "third": "3", "fourth": "4"}.get(m.group(1), m.group(1)[0]), t)  # fmt: skip
    t = re.sub(r"\b(first|second|1st|2nd) half\b", lambda m: "h" + ("1" if m.group(1) in ("first", "1st") else "2"), t)
    t = re.sub(r"(?<=\d{4})(?=[qh][1-4]\b)|(?<=\b[qh][1-4])(?=\d{4})", " ", t)  # 2016h2, q12019
    t = re.sub(r"(?<=[a-z]{3})(?=\d)|(?<=\d)(?=(?!st\b|nd\b|rd\b|th\b)[a-z]{3,})", " ", t)  # dec31
    t = re.sub(r"\bin (?=\d{4}\b|(?:next|last|this)\b)", " ", t)  # "28 june in 2020", "4-23 in next month"
    t = re.sub(r"\bcalendar (?=year\b)", "", t)
    t = re.sub(r"\b(the|of|in the)\b", " ", t)
    t = re.sub(r"(?<=[a-z0-9])\.(?=\s|$)", " ", t)  # "16. nov. 2016"
    t = re.sub(r"\s*([/\-])\s*", r"\1", t)
    t = t.replace(",", " ")
    return " ".join(t.split())


def day_or_none(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except (ValueError, OverflowError):
        return None


def _month_range(year: int, month: int) -> DateRange | None:
    if not (1 <= month <= 12 and 1000 <= year <= 2199):
        return None
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def day_and_month(a: int, b: int, order: str) -> tuple[int, int]:
    """Which of two numbers is the day: the one above 12 if only one is, else ``order``."""
    if a > 12 >= b:
        return a, b
    if b > 12 >= a:
        return b, a
    return (a, b) if order == "dmy" else (b, a)


def _two_digit_year(value: int) -> int:
    return 2000 + value if value < 30 else 1900 + value


def absolute(t: str, published: date | None, order: str) -> DateRange | None:
    parts = [p for p in re.split(r"[ /.\-]+", t) if p]
    if not parts or len(parts) > 3:
        return None
    months = [MONTH_NAMES[p] for p in parts if p in MONTH_NAMES]
    if len(months) > 1:
        return None
    numbers: list[tuple[str, int]] = []
    quarter = half = None
    for p in parts:
        if p in MONTH_NAMES:
            continue
        if m := re.fullmatch(r"([qh])([1-4])", p):
            if m.group(1) == "q":
                quarter = int(m.group(2))
            elif int(m.group(2)) <= 2:
                half = int(m.group(2))
            else:
                return None
            continue
        m = re.fullmatch(r"(\d{1,8})(st|nd|rd|th)?", p)
        if m is None:
            return None
        numbers.append((m.group(1), int(m.group(1))))
    if quarter or half:
        years = [v for s, v in numbers if len(s) == 4]
        if len(numbers) != 1 or not years or months:
            return None
        first = 3 * quarter - 2 if quarter else 6 * (half or 1) - 5
        last = first + (2 if quarter else 5)
        a, b = _month_range(years[0], first), _month_range(years[0], last)
        return (a[0], b[1]) if a and b else None
    if months:
        month = months[0]
        years = [v for s, v in numbers if len(s) == 4]
        days = [v for s, v in numbers if len(s) <= 2 and 1 <= v <= 31]
        if len(numbers) == 2 and len(years) == 1 and len(days) == 1:
            one = day_or_none(years[0], month, days[0])
            return (one, one) if one else None
        if len(numbers) == 2 and not years and len(days) == 1 and numbers[1][1] > 31 and len(numbers[1][0]) == 2:
            one = day_or_none(_two_digit_year(numbers[1][1]), month, days[0])  # "15 april 87"
            return (one, one) if one else None
        if len(numbers) == 2 and not years and len(days) == 2:
            day, year = (numbers[0][1], numbers[1][1])  # "15 april 87"
            one = day_or_none(_two_digit_year(year), month, day)
            return (one, one) if one else None
        if len(numbers) == 1 and years:
            return _month_range(years[0], month)
        if len(numbers) == 1 and len(numbers[0][0]) == 2 and numbers[0][1] > 31:
            return _month_range(_two_digit_year(numbers[0][1]), month)  # "august 99"
        return None
    if len(numbers) == 1 and len(numbers[0][0]) == 8:  # 20161016
        s = numbers[0][0]
        one = day_or_none(int(s[:4]), int(s[4:6]), int(s[6:]))
        return (one, one) if one else None
    if len(numbers) == 2 and re.search(r"\d[/.\-]\d", t):
        (s1, v1), (s2, v2) = numbers
        if len(s1) == 4 and len(s2) <= 2 and 1 <= v2 <= 12 and not (len(s2) == 2 and v2 > v1 % 100):
            return _month_range(v1, v2)  # 2016-11, 2015/3 (but 2015-16 is a range of years)
        if len(s2) == 4 and len(s1) <= 2 and 1 <= v1 <= 12:
            return _month_range(v2, v1)  # 11/2016
        return None
    if len(numbers) == 3:
        if not re.fullmatch(r"\d+([/.\-])\d+\1\d+|\d+ \d+ \d+", t):
            return None  # "30/4.85" mixes separators: a ratio, not a date
        (s1, v1), (s2, v2), (s3, v3) = numbers
        if len(s1) == 4:
            one = day_or_none(v1, v2, v3)
        elif len(s3) in (2, 4):
            year = v3 if len(s3) == 4 else _two_digit_year(v3)
            day, month = day_and_month(v1, v2, order)
            one = day_or_none(year, month, day)
        else:
            one = None
        return (one, one) if one else None
    return None


def _week_of(day: date, shift: int = 0) -> DateRange:
    monday = day - timedelta(days=day.weekday()) + timedelta(weeks=shift)
    return monday, monday + timedelta(days=6)


_SHIFT = {"next": 1, "coming": 1, "following": 1, "upcoming": 1, "last": -1, "previous": -1, "past": -1,
          "this": 0, "current": 0}  # fmt: skip


def relative(t: str, published: date) -> DateRange | None:
    # "next friday", "last wednesday", "this friday"
    if m := re.fullmatch(_REL + " " + _WD, t):
        monday = _week_of(published, _SHIFT[m.group("rel")])[0]
        one = monday + timedelta(days=WEEKDAY_NAMES[m.group("wd")])
        return one, one
    # "tuesday next week", "friday of next week", "next week on friday", "this week monday"
    m = re.fullmatch(_WD + " " + _REL + " week", t) or re.fullmatch(_REL + r" week(?: on)? " + _WD, t)
    if m:
        monday = _week_of(published, _SHIFT[m.group("rel")])[0]
        one = monday + timedelta(days=WEEKDAY_NAMES[m.group("wd")])
        return one, one
    # weekends
    if m := re.fullmatch(r"(?:(?P<rel>next|last|this|coming|previous|past|my)\s)?weekend", t):
        shift = _SHIFT.get(m.group("rel") or "this", 0)
        saturday = _week_of(published, shift)[0] + timedelta(days=5)
        return saturday, saturday + timedelta(days=1)
    # "the following week", "current month", "upcoming month"
    if m := re.fullmatch(_REL + r" (?P<u>week|month|year)", t):
        shift = _SHIFT[m.group("rel")]
        if m.group("u") == "week":
            return _week_of(published, shift)
        if m.group("u") == "year":
            return date(published.year + shift, 1, 1), date(published.year + shift, 12, 31)
        index = published.year * 12 + published.month - 1 + shift
        year, month = divmod(index, 12)
        return _month_range(year, month + 1)
    # quarters relative to the publication date
    if m := re.fullmatch(_REL + " quarter", t):
        index = (published.year * 4 + (published.month - 1) // 3) + _SHIFT[m.group("rel")]
        year, q = divmod(index, 4)
        a, b = _month_range(year, 3 * q + 1), _month_range(year, 3 * q + 3)
        return (a[0], b[1]) if a and b else None
    if m := re.fullmatch(r"(?:q(?P<q>[1-4]) )?(?P<rel>this|next|last) year(?: q(?P<q2>[1-4]))?", t):
        quarter_text = m.group("q") or m.group("q2")
        if quarter_text:
            year = published.year + _SHIFT[m.group("rel")]
            a, b = _month_range(year, 3 * int(quarter_text) - 2), _month_range(year, 3 * int(quarter_text))
            return (a[0], b[1]) if a and b else None
    # "in 2 weeks", "two days from tomorrow", "3 days from today"
    number = r"(?P<n>\d{1,3}|" + "|".join(_SMALL_NUMBERS) + r")"
    unit = r"(?P<u>day|week|month|year)s?"
    base = None
    if m := re.fullmatch(r"in " + number + " " + unit, t):
        base = published
    elif m := re.fullmatch(number + " " + unit + r" (?:from|after) (?P<b>now|today|tomorrow|yesterday)", t):
        base = published + timedelta(days={"now": 0, "today": 0, "tomorrow": 1, "yesterday": -1}[m.group("b")])
    if m and base is not None:
        n = int(m.group("n")) if m.group("n").isdigit() else _SMALL_NUMBERS[m.group("n")]
        return _offset(base, n, m.group("u"))
    if t in ("day after tomorrow", "day before yesterday"):
        one = published + timedelta(days=2 if "after" in t else -2)
        return one, one
    # "2 sundays from now"
    if m := re.fullmatch(number + " " + _WD + r"s? from now", t):
        n = int(m.group("n")) if m.group("n").isdigit() else _SMALL_NUMBERS[m.group("n")]
        delta = (WEEKDAY_NAMES[m.group("wd")] - published.weekday()) % 7 or 7
        one = published + timedelta(days=delta + 7 * (n - 1))
        return one, one
    # n-th weekday of a month: "first friday in this month", "second monday of next month", "third tuesday"
    m = re.fullmatch(
        r"(?P<k>first|second|third|fourth|last|1st|2nd|3rd|4th) " + _WD + r"(?: (?:in|of) )?(?: ?" + _REL + " month)?",
        t,
    )
    if m:
        shift = _SHIFT.get(m.group("rel") or "this", 0)
        index = published.year * 12 + published.month - 1 + shift
        year, month = divmod(index, 12)
        return _nth_weekday(year, month + 1, WEEKDAY_NAMES[m.group("wd")], m.group("k"))
    # a day of a relative month: "20th next month"
    if m := re.fullmatch(r"(?P<d>\d{1,2})(?:st|nd|rd|th)? " + _REL + " month", t):
        index = published.year * 12 + published.month - 1 + _SHIFT[m.group("rel")]
        year, month = divmod(index, 12)
        that_day = day_or_none(year, month + 1, int(m.group("d")))
        return (that_day, that_day) if that_day else None
    # weekday with a day of the month: "thursday 21st", "friday 15"
    if m := re.fullmatch(_WD + r" (?P<d>\d{1,2})(?:st|nd|rd|th)?", t):
        day = int(m.group("d"))
        for shift in (0, -1, 1):
            index = published.year * 12 + published.month - 1 + shift
            year, month = divmod(index, 12)
            candidate = day_or_none(year, month + 1, day)
            if candidate and candidate.weekday() == WEEKDAY_NAMES[m.group("wd")]:
                return candidate, candidate
        return None
    # ISO weeks: "first week 2015", "last week 2016", "week 31", "last week this month"
    if m := re.fullmatch(r"(?P<k>first|1st|last) week (?P<y>\d{4})", t):
        year = int(m.group("y"))
        if m.group("k") == "last":
            return _week_of(date(year, 12, 28))
        return _week_of(date(year, 1, 4))
    if m := re.fullmatch(r"week (?P<n>\d{1,2})(?: (?P<y>\d{4}))?", t):
        year = int(m.group("y") or published.year)
        try:
            monday = date.fromisocalendar(year, int(m.group("n")), 1)
        except ValueError:
            return None
        return monday, monday + timedelta(days=6)
    if m := re.fullmatch(r"last week (?P<rel>this|last|next|previous) month", t):
        index = published.year * 12 + published.month - 1 + _SHIFT[m.group("rel")]
        year, month = divmod(index, 12)
        last_day = date(year, month + 1, calendar.monthrange(year, month + 1)[1])
        return _week_of(last_day)
    # "(next|last) june": handled by dates.parse_date; "june next year"
    if m := re.fullmatch(r"(?P<m>[a-z]+) (?P<rel>next|last|this) year", t):
        if m.group("m") in MONTH_NAMES:
            return _month_range(published.year + _SHIFT[m.group("rel")], MONTH_NAMES[m.group("m")])
    return None


def _offset(base: date, n: int, unit: str) -> DateRange | None:
    if unit == "day":
        one = base + timedelta(days=n)
    elif unit == "week":
        one = base + timedelta(weeks=n)
    else:
        months = n * (12 if unit == "year" else 1)
        index = base.year * 12 + base.month - 1 + months
        year, month = divmod(index, 12)
        found = day_or_none(year, month + 1, min(base.day, calendar.monthrange(year, month + 1)[1]))
        if found is None:
            return None
        one = found
    return one, one


def _nth_weekday(year: int, month: int, weekday: int, which: str) -> DateRange | None:
    if not 1000 <= year <= 2199:
        return None
    days = [d for d in range(1, calendar.monthrange(year, month)[1] + 1) if date(year, month, d).weekday() == weekday]
    index = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3, "4th": 3, "last": -1}[
        which
    ]
    if index >= len(days):
        return None
    one = date(year, month, days[index])
    return one, one


_CENTURIES = {"nineteen": 19, "twenty": 20, "eighteen": 18}


def spelled_year(t: str) -> DateRange | None:
    """ "nineteen ninety six" -> 1996, "two thousand and twenty" -> 2020."""
    from .numbers import parse_number

    words = t.replace("-", " ").split()
    if not words or any(w[:1].isdigit() for w in words):
        return None
    if "thousand" in words:
        value = parse_number(" ".join(words))
    elif words[0] in _CENTURIES and len(words) >= 2:
        rest = parse_number(" ".join(words[1:]))
        value = None if rest is None or not 10 <= rest <= 99 else _CENTURIES[words[0]] * 100 + rest
    else:
        return None
    if value is None or not float(value).is_integer() or not 1000 <= value <= 2199:
        return None
    year = int(value)
    return date(year, 1, 1), date(year, 12, 31)
