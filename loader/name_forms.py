"""The form under which two printings of one name are the same name.

Names of the graph's resources are printed in more than one way. Articles come and go inside
a name ("a collection of topics and a methodology" and "the collection of topics and
methodology"), and a meeting or session inside a longer name is written out ("the sixth
meeting of the Expert Group") or given by its canonical name ("Expert Group meeting 6").
:func:`canonical` maps all of these to one form: lower case, no articles, and each meeting of a
known body as ``meeting <n> of <body IRI>`` (a session as ``session <n> of …``). The registry
looks a name up under this form only when its printed form is not known, and only where one
resource has it.

>>> bodies = {"expert group": "body/eg", "expert group on cybercrime": "body/eg"}
>>> canonical("list of conclusions of the sixth meeting of the Expert Group on Cybercrime", bodies)
'list of conclusions of meeting 6 of body/eg'
>>> canonical("list of conclusions of Expert Group meeting 6", bodies)
'list of conclusions of meeting 6 of body/eg'
>>> canonical("a collection of topics and a methodology for the study", bodies)
'collection of topics and methodology for study'
>>> canonical("the fourth meeting of a body nobody knows", bodies)
'fourth meeting of body nobody knows'
"""

from __future__ import annotations

import re

from .mentions import ORDINALS

ARTICLES = frozenset({"the", "a", "an"})
_KINDS = ("meeting", "session")
_NTH = re.compile(r"^(\d{1,3})(?:st|nd|rd|th)$")
_LONGEST_BODY = 12  # words


def _ordinal(word: str) -> int | None:
    if word in ORDINALS:
        return ORDINALS[word]
    m = _NTH.match(word)
    return int(m.group(1)) if m else None


def canonical(name: str, bodies: dict[str, str]) -> str:
    """``name`` in its canonical form (see the module docstring); ``bodies`` maps the names of
    known bodies, in canonical form themselves (lower case, no articles), to their IRIs."""
    words = [w for w in name.lower().replace("\u00a0", " ").split() if w not in ARTICLES]
    if "meeting" in words or "session" in words:
        words = _meetings(words, bodies)
    return " ".join(words)


def _meetings(words: list[str], bodies: dict[str, str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        # "sixth meeting of expert group on cybercrime": the longest body name after "of"
        n = _ordinal(word)
        if n and i + 3 < len(words) and words[i + 1] in _KINDS and words[i + 2] == "of":
            for j in range(min(len(words), i + 3 + _LONGEST_BODY), i + 3, -1):
                body = bodies.get(" ".join(words[i + 3 : j]))
                if body:
                    out.append(f"{words[i + 1]} {n} of {body}")
                    i = j
                    break
            else:
                out.append(word)
                i += 1
            continue
        # "expert group meeting 6": the longest body name before the word, taken back from out
        if word in _KINDS and i + 1 < len(words) and words[i + 1].isdigit():
            for k in range(max(0, len(out) - _LONGEST_BODY), len(out)):
                body = bodies.get(" ".join(out[k:]))
                if body:
                    del out[k:]
                    out.append(f"{word} {int(words[i + 1])} of {body}")
                    i += 2
                    break
            else:
                out.append(word)
                i += 1
            continue
        out.append(word)
        i += 1
    return out
