"""Tokenization whose cost is bounded by the length of the text, whatever the text.

spaCy's tokenizer takes a run of characters without whitespace as one chunk and strips
its prefixes and suffixes one at a time, each time on the rest of the chunk: its cost
grows with the square of the run's length (12,000 characters of ".,." take 40 s). And
every token the matcher sees is run through the patterns' regexes, whose cost grows with
the token's length. So ``bounded_doc`` cuts every run of more than ``MAX_RUN`` characters
without whitespace into pieces of ``MAX_RUN`` characters before the tokenizer sees it: no
token is longer than that, and ``doc.text`` is still exactly the text (offsets exact).
Text without such runs (every article of a normal corpus) is tokenized as spaCy does.

A text longer than ``MAX_TEXT`` characters is not tokenized at all: the doc comes back
empty with an ``E410`` problem on it, which says to split the file.
"""

from __future__ import annotations

import itertools
import re

from spacy.language import Language
from spacy.tokens import Doc

from .annotations import remember_text, warn
from .errors import Code

MAX_RUN = 160  # characters without whitespace in one token, at most
MAX_TEXT = 25_000_000  # characters of one article, at most (see the README for what it costs)
LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")


def cut_points(text: str, longest: int = MAX_RUN) -> list[int]:
    """Offsets at which runs of more than ``longest`` non-whitespace characters are cut, in order."""
    runs = LONG_RUN if longest == MAX_RUN else re.compile(rf"\S{{{longest + 1},}}")
    cuts: list[int] = []
    for run in runs.finditer(text):
        cuts.extend(range(run.start() + longest, run.end(), longest))
    return cuts


def bounded_doc(nlp: Language, text: str, *, longest: int = MAX_RUN) -> Doc:
    """``nlp.make_doc(text)``, with no token longer than ``longest`` characters and a cost linear
    in the length of the text; a text longer than ``nlp.max_length`` gives an empty doc with ``E410``."""
    if len(text) > nlp.max_length:
        doc = Doc(nlp.vocab, words=[])
        warn(doc, Code.E410, length=len(text), limit=nlp.max_length)
        return doc
    cuts = cut_points(text, longest)
    if not cuts:
        doc = nlp.tokenizer(text)
    else:
        bounds = [0, *cuts, len(text)]
        doc = Doc.from_docs([nlp.tokenizer(text[a:b]) for a, b in itertools.pairwise(bounds)], ensure_whitespace=False)
    remember_text(doc, text)  # the tokenizer keeps every character: no need to join the tokens again
    return doc
