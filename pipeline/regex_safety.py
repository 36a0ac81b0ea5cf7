"""Find regexes whose matching time can grow exponentially with the text (catastrophic backtracking).

Python's ``re`` backtracks: a repeated group that can match the same characters in more
than one way makes a failing match try every way, which doubles with each character
(``(a+)+$`` takes minutes on 30 letters). ``backtracking_risk`` reads the regex's parse
tree and names the two shapes that do this:

* a **nested quantifier**: inside a repeated group, a repeat whose characters can also
  begin what follows it in the group, or the group's next round (``(a+)+``, ``(\\w+\\s?)+``,
  ``(x+x+)+``); ``(\\d{1,3},)+`` is safe, since the comma tells the rounds apart;
* an **alternation** in a repeated group whose branches can begin with the same character
  (``(?:a|ab|b)+``), or whose shorter branch lets the longer one's characters go to what
  follows (``(a|aa)+``). Python factors common prefixes out of branches first, so
  ``(a|ab)+`` (read as ``(a(?:|b))+``) and ``(\\w|\\d)*`` (one class) are safe.

Characters are compared on a sample alphabet (ASCII and a few letters, digits and spaces
of other scripts), which is enough to tell overlapping classes apart. Possessive repeats
and atomic groups never backtrack and are left alone. What is left, at most polynomial
(``\\d+\\d+``), runs only on tokens of bounded length (``bounded.MAX_RUN``).
"""

from __future__ import annotations

import re
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

SAMPLE = frozenset(
    [chr(c) for c in range(32, 127)]
    + list("\t\n\r\u00a0\u2009\u3000")
    + list("\u00e9\u00dfж\u0416\u4e2d\u0663\u2013\u2026")
)
ADVICE = (
    "do not repeat a group whose inner repeat can match what follows it (write (a+)+ as a+, (\\w+\\s?)+ as "
    "[\\w\\s]+), and give the branches of a repeated alternation different first characters ((a|aa)+ as a+, (a|ab|b)+ as [ab]+)"
)
_CATEGORIES = {
    C.CATEGORY_DIGIT: re.compile(r"\d"),
    C.CATEGORY_NOT_DIGIT: re.compile(r"\D"),
    C.CATEGORY_SPACE: re.compile(r"\s"),
    C.CATEGORY_NOT_SPACE: re.compile(r"\S"),
    C.CATEGORY_WORD: re.compile(r"\w"),
    C.CATEGORY_NOT_WORD: re.compile(r"\W"),
}
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT)
_OPAQUE = (C.POSSESSIVE_REPEAT, C.ATOMIC_GROUP)


def _class(items: Any, ignore_case: bool) -> frozenset[str]:
    """The sample characters a ``[...]`` set matches."""
    chosen: set[str] = set()
    negate = False
    for op, av in items:
        if op == C.NEGATE:
            negate = True
        elif op == C.LITERAL:
            chosen.add(chr(av))
        elif op == C.RANGE:
            chosen.update(c for c in SAMPLE if av[0] <= ord(c) <= av[1])
        elif op == C.CATEGORY and av in _CATEGORIES:
            chosen.update(c for c in SAMPLE if _CATEGORIES[av].match(c))
        else:
            chosen.update(SAMPLE)  # an item we do not model: assume it matches anything
    if ignore_case:
        chosen.update({c.lower() for c in chosen} | {c.upper() for c in chosen})
    found = frozenset(c for c in chosen if c in SAMPLE)
    return SAMPLE - found if negate else found


def _first(seq: Any, ignore_case: bool) -> tuple[frozenset[str], bool]:
    """(the characters a match of ``seq`` can begin with, can it match the empty string)."""
    first: set[str] = set()
    for item in seq:
        chars, nullable = _first_item(item, ignore_case)
        first |= chars
        if not nullable:
            return frozenset(first), False
    return frozenset(first), True


def _first_item(item: tuple[Any, Any], ignore_case: bool) -> tuple[frozenset[str], bool]:
    op, av = item
    if op == C.LITERAL:
        return _class([(C.LITERAL, av)], ignore_case), False
    if op == C.NOT_LITERAL:
        return SAMPLE - _class([(C.LITERAL, av)], ignore_case), False
    if op == C.ANY:
        return SAMPLE - {"\n"}, False
    if op == C.IN:
        return _class(av, ignore_case), False
    if op == C.SUBPATTERN:
        return _first(av[3], ignore_case)
    if op == C.ATOMIC_GROUP:
        return _first(av, ignore_case)
    if op == C.BRANCH:
        chars: set[str] = set()
        nullable = False
        for branch in av[1]:
            branch_chars, branch_nullable = _first(branch, ignore_case)
            chars |= branch_chars
            nullable = nullable or branch_nullable
        return frozenset(chars), nullable
    if op in (*_REPEATS, C.POSSESSIVE_REPEAT):
        body_chars, body_nullable = _first(av[2], ignore_case)
        return body_chars, body_nullable or av[0] == 0
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return frozenset(), True
    return SAMPLE, True  # a back reference, a conditional: anything


def _is_repeat(item: tuple[Any, Any]) -> bool:
    op, av = item
    return op in _REPEATS and (av[1] == C.MAXREPEAT or av[1] > 1)


def _nested(seq: Any, follow: frozenset[str], ignore_case: bool) -> str | None:
    """Inside a repeated group: an element of variable length (a repeat, an optional part, an
    alternation of branches of unequal length) that can also match what follows it, so that
    the same characters can be split in more than one way. ``follow`` is what may come after
    ``seq``: the rest of the enclosing group, and the group's next round."""
    for index, (op, av) in enumerate(seq):
        rest_first, rest_nullable = _first(seq[index + 1 :], ignore_case)
        after = rest_first | follow if rest_nullable else rest_first
        if op in _OPAQUE:
            continue
        if op in _REPEATS:
            low, high, body = av
            body_first, body_nullable = _first(body, ignore_case)
            if low != high:
                if body_nullable and _is_repeat((op, av)):
                    return "a repeat inside a repeated group can match the empty string"
                if body_first & after:
                    return "a repeat inside a repeated group can match what follows it"
            found = _nested(body, body_first | after if _is_repeat((op, av)) else after, ignore_case)
        elif op == C.SUBPATTERN:
            found = _nested(av[3], after, ignore_case)
        elif op == C.BRANCH:
            found = _branches(av[1], after, ignore_case)
        else:
            found = None
        if found:
            return found
    return None


def _atoms(branch: Any, ignore_case: bool) -> list[frozenset[str]] | None:
    """The characters each position of ``branch`` matches, when it is a string of single-character
    atoms (a word, a class); None for anything else."""
    found = []
    for item in branch:
        if item[0] not in (C.LITERAL, C.NOT_LITERAL, C.ANY, C.IN):
            return None
        found.append(_first_item(item, ignore_case)[0])
    return found


def _match_alike(a: Any, b: Any, after: frozenset[str], ignore_case: bool) -> bool:
    """Can two branches that begin alike take the same characters in a repeated group: the same
    string, or the shorter one and then what follows ("a" then "b" for "ab", in ``(a|ab|b)+``)?"""
    atoms_a, atoms_b = _atoms(a, ignore_case), _atoms(b, ignore_case)
    if atoms_a is None or atoms_b is None:  # not plain strings: assume they can
        return True
    short, long = sorted((atoms_a, atoms_b), key=len)
    if not all(x & y for x, y in zip(short, long, strict=False)):
        return False
    return len(short) == len(long) or bool(long[len(short)] & after)


def _branches(branches: list[Any], after: frozenset[str], ignore_case: bool) -> str | None:
    """An alternation inside a repeated group: two branches that can take the same characters, or
    an empty branch while the others can match what follows (``a(?:|a)``)."""
    firsts = [_first(branch, ignore_case) for branch in branches]
    follow = after | frozenset().union(*(first for first, _ in firsts))  # what may follow a branch
    for i, (a, _) in enumerate(firsts):
        for j in range(i + 1, len(branches)):
            if a & firsts[j][0] and _match_alike(branches[i], branches[j], follow, ignore_case):
                return "two branches of a repeated alternation can match the same characters"
    if any(nullable for _, nullable in firsts) and any(first & after for first, _ in firsts):
        return "a repeated alternation with an empty branch can match what follows it"
    return next((found for branch in branches if (found := _nested(branch, after, ignore_case))), None)


def _walk(seq: Any, ignore_case: bool) -> str | None:
    """The first risky repeated group anywhere in ``seq``."""
    for op, av in seq:
        if op in _OPAQUE:
            continue
        if _is_repeat((op, av)):
            body = av[2]
            found = _nested(body, _first(body, ignore_case)[0], ignore_case) or _walk(body, ignore_case)
        elif op == C.SUBPATTERN:
            found = _walk(av[3], ignore_case)
        elif op == C.BRANCH:
            found = next((f for branch in av[1] if (f := _walk(branch, ignore_case))), None)
        else:
            found = None
        if found:
            return found
    return None


def backtracking_risk(regex: str) -> str | None:
    """Why ``regex`` can take exponential time on a failing match, or None when it cannot.

    The regex must compile (``re.compile``); one that does not gives None here."""
    try:
        parsed = _parser.parse(regex)
    except (re.error, RecursionError, OverflowError):
        return None
    ignore_case = bool(parsed.state.flags & re.IGNORECASE)
    return _walk(parsed, ignore_case)
