"""Score the loader's extraction against hand annotations: P/R/F1 per file, in total, per verb.

Two sets are scored: the five seeds (``../shared/annotations`` over ``../shared/seeds``) and the
development set (``tests/loader/devset`` over ``../shared/unseen``).

A predicted relation matches a reference one *loosely* when the verb is the same and the quotes
overlap: the longest run of consecutive words they share (lower-cased, punctuation stripped)
covers at least half of the shorter quote's words. It matches *strictly* when, in addition, the
subject and the object are the same resource: gold and predicted names both go through the same
resolver (the loader's :class:`~mandates.loader.entities.Registry` over the curated data and
the authority file, plus the document's own symbol), and their IRIs are compared. Matching is
one-to-one and greedy, reference rows in order, each taking the free prediction with the largest
overlap.

With ``--classify`` every strict miss is put in one class (see :func:`classify`), with counts
per file, so that a change to the loader shows which kind of error it removed.

    .venv/bin/python -m bench.score_extraction [--set seeds|devset|all] [--show] [--classify]
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from mandates.loader import extract_file
from mandates.loader.entities import Registry

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CURATED = ROOT / "data" / "curated"


@dataclass(frozen=True)
class Corpus:
    """A set of texts and the folder of their annotations (``<stem>.json`` per ``<stem>.txt``)."""

    name: str
    annotations: Path
    texts: Path


CORPORA = {
    "seeds": Corpus("seeds", SHARED / "annotations", SHARED / "seeds"),
    "devset": Corpus("devset", ROOT / "tests" / "loader" / "devset", SHARED / "unseen"),
}


def tokens(quote: str) -> list[str]:
    """Lower-cased words of a quote, punctuation and Markdown stripped."""
    return [w for w in (re.sub(r"[^\w/.-]", "", t).strip(".").lower() for t in quote.split()) if w]


def overlap(a: str, b: str) -> float:
    """Longest common run of words, as a share of the shorter quote's length."""
    x, y = tokens(a), tokens(b)
    if not x or not y:
        return 0.0
    best = 0
    prev = [0] * (len(y) + 1)
    for i in range(1, len(x) + 1):
        cur = [0] * (len(y) + 1)
        for j in range(1, len(y) + 1):
            if x[i - 1] == y[j - 1]:
                cur[j] = prev[j - 1] + 1
                best = max(best, cur[j])
        prev = cur
    return best / min(len(x), len(y))


def registry() -> Registry:
    """The resolver both sides go through: the curated data (the authority file among it)."""
    graph = Graph()
    for path in sorted(CURATED.glob("*.ttl")):
        graph.parse(path, format="turtle")
    return Registry(graph)


def resolver(reg: Registry) -> Callable[[str | None], str]:
    """Name → IRI (the name itself, lower-cased, when it resolves to nothing)."""
    cache: dict[str | None, str] = {}

    def iri(name: str | None) -> str:
        if name not in cache:
            cache[name] = reg.resolve(name).iri if name else ""
        return cache[name]

    return iri


def match(
    gold: list[dict], pred: list[dict], iri: Callable[[str | None], str] | None = None
) -> list[tuple[int, int]]:
    """One-to-one greedy matching: pairs of (gold index, predicted index). With ``iri``, the
    subjects and objects must also resolve to the same resources (strict)."""
    used: set[int] = set()
    pairs = []
    for gi, g in enumerate(gold):
        best, best_j = 0.5, None
        for pj, p in enumerate(pred):
            if pj in used or p["relation"] != g["relation"]:
                continue
            if iri and not (
                iri(p["subject"]) == iri(g["subject"]) and iri(p["object"]) == iri(g["object"])
            ):
                continue
            score = overlap(g["quote"], p["quote"])
            if score >= best:
                best, best_j = score, pj
        if best_j is not None:
            used.add(best_j)
            pairs.append((gi, best_j))
    return pairs


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(
    annotations: Path, texts: Path, show: bool = False, reg: Registry | None = None
) -> dict[str, dict]:
    """Score every text with an annotation; counts per file and per verb, and the class of
    every strict miss and extra (:func:`classify`)."""
    files: dict[str, Counter] = {}
    verbs: dict[str, Counter] = defaultdict(Counter)
    classes: dict[str, Counter] = {}
    reg = reg or registry()
    iri = resolver(reg)
    for ann in sorted(annotations.glob("*.json")):
        path = texts / f"{ann.stem}.txt"
        if not path.exists():
            continue
        gold = json.loads(ann.read_text(encoding="utf-8"))["relations"]
        pred = extract_file(path).to_json()["relations"]
        c = Counter(gold=len(gold), pred=len(pred))
        for g in gold:
            verbs[g["relation"]]["gold"] += 1
        for p in pred:
            verbs[p["relation"]]["pred"] += 1
        for label, pairs in (("loose", match(gold, pred)), ("strict", match(gold, pred, iri))):
            c[label] = len(pairs)
            for gi, _ in pairs:
                verbs[gold[gi]["relation"]][label] += 1
            if show:
                _show(ann.stem, label, gold, pred, pairs, iri)
        files[ann.stem] = c
        classes[ann.stem] = Counter()
        for row in classify(gold, pred, reg):
            classes[ann.stem][row[0]] += 1
            if show:
                tag = ann.stem.removeprefix("un-")[:12]
                print(f"  [{row[0]}] {tag} {row[1]}")
    return {"files": files, "verbs": dict(verbs), "classes": classes}


#: The classes of error, in the order they are printed.
CLASSES = (
    "missing act",
    "extra act",
    "wrong subject",
    "wrong object entity",
    "resolution failure",
    "object phrase boundary",
    "matter naming",
)
_ARTICLES = {"the", "a", "an", "its", "their"}


def _words(name: str) -> list[str]:
    """A name's words for comparing: lower case, punctuation and articles dropped."""
    return [w for w in tokens(name) if w not in _ARTICLES]


def _starts(longer: list[str], shorter: list[str]) -> bool:
    return bool(shorter) and longer[: len(shorter)] == shorter


def _inside(longer: list[str], shorter: list[str]) -> bool:
    n = len(shorter)
    return bool(shorter) and any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def object_class(gold: str | None, got: str | None, reg: Registry) -> str:
    """Why two object names that resolve to different IRIs differ.

    - *resolution failure*: the two name one thing, but one of them is a named resource (a
      body, a document, a meeting, a known entity) and the other a phrase that contains that
      name or is contained in it, or both are named resources whose names nest;
    - *object phrase boundary*: two phrases (matters), one the start of the other: the phrase
      was cut too early or too late;
    - *matter naming*: two phrases sharing their head (the first two words, or half of the
      words), worded differently (an adjective, "thus far", another order);
    - *wrong object entity*: anything else: another thing altogether.
    """
    g, p = _words(gold or ""), _words(got or "")
    g_matter = reg.resolve(gold).kind == "matter" if gold else True
    p_matter = reg.resolve(got).kind == "matter" if got else True
    nested = _inside(g, p) or _inside(p, g)
    if not (g_matter and p_matter):
        return "resolution failure" if nested else "wrong object entity"
    if _starts(g, p) or _starts(p, g):
        return "object phrase boundary"
    if nested or g[:2] == p[:2] or len(set(g) & set(p)) >= max(len(set(g)), len(set(p))) / 2:
        return "matter naming"
    return "wrong object entity"


def classify(gold: list[dict], pred: list[dict], reg: Registry) -> list[tuple[str, str]]:
    """Each strict miss and extra with its class (one of :data:`CLASSES`) and a description.

    A gold row no prediction matches even loosely is a *missing act*, a prediction that
    matches no gold row loosely an *extra act*. A gold row matched loosely but not strictly
    takes the class of its object (:func:`object_class`) when the objects differ, else *wrong
    subject*."""
    iri = resolver(reg)
    strict = {g for g, _ in match(gold, pred, iri)}
    loose = dict(match(gold, pred))
    out = []
    for gi, g in enumerate(gold):
        if gi in strict:
            continue
        where = f"{g.get('paragraph', ''):6} {g['relation']:12}"
        if gi not in loose:
            out.append(("missing act", f"{where} {g['quote']}"))
            continue
        p = pred[loose[gi]]
        if iri(g["object"]) != iri(p["object"]):
            kind = object_class(g["object"], p["object"], reg)
            out.append((kind, f"{where} gold {g['object']!r} | got {p['object']!r}"))
        else:
            out.append(("wrong subject", f"{where} gold {g['subject']!r} | got {p['subject']!r}"))
    matched = set(loose.values())
    for pj, p in enumerate(pred):
        if pj not in matched:
            where = f"{p.get('paragraph', ''):6} {p['relation']:12}"
            out.append(("extra act", f"{where} {p['subject']} | {p['object']} | {p['quote']}"))
    return out


def _show(stem: str, label: str, gold, pred, pairs, iri) -> None:
    """Print what a scoring left unmatched (loose), and the strict near misses."""
    matched_g = {g for g, _ in pairs}
    matched_p = {p for _, p in pairs}
    tag = stem.removeprefix("un-")[:12]
    if label == "loose":
        for i, g in enumerate(gold):
            if i not in matched_g:
                print(f"  MISS  {tag} {g.get('paragraph', ''):6} {g['relation']:12} {g['quote']}")
        for j, p in enumerate(pred):
            if j not in matched_p:
                print(f"  EXTRA {tag} {p.get('paragraph', ''):6} {p['relation']:12} {p['quote']}")
        return
    for gi, pj in match(gold, pred):
        if gi in matched_g:
            continue
        g, p = gold[gi], pred[pj]
        for part in ("subject", "object"):
            if iri(g[part]) != iri(p[part]):
                print(
                    f"  {part.upper():7} {tag} {g.get('paragraph', ''):6} {g['relation']:12} "
                    f"gold {g[part]!r} | got {p[part]!r}"
                )


def _row(label: str, c: Counter) -> str:
    lp, lr, lf = prf(c["loose"], c["pred"], c["gold"])
    sp, sr, sf = prf(c["strict"], c["pred"], c["gold"])
    return (
        f"{label:26} {c['gold']:4} {c['pred']:4} {c['loose']:4} {lp:5.2f} {lr:5.2f} {lf:5.2f}"
        f"   {c['strict']:4} {sp:5.2f} {sr:5.2f} {sf:5.2f}"
    )


def totals(result: dict[str, dict]) -> Counter:
    total: Counter = Counter()
    for c in result["files"].values():
        total.update(c)
    return total


def print_table(result: dict[str, dict], verbs: bool = True) -> None:
    head = (
        f"{'':26} {'gold':>4} {'pred':>4} {'tp':>4} {'P':>5} {'R':>5} {'F1':>5}   "
        f"{'tp':>4} {'P':>5} {'R':>5} {'F1':>5}"
    )
    print(f"{'':26} {'':14} {'--- loose ---':>17}   {'--- strict (same IRIs) ---':>28}")
    print(head)
    for name, c in result["files"].items():
        print(_row(name, c))
    print(_row("TOTAL", totals(result)))
    if verbs:
        print()
        print(head.replace(" " * 26, f"{'verb':26}", 1))
        for verb, c in sorted(result["verbs"].items(), key=lambda kv: -kv[1]["gold"]):
            print(_row(verb, c))


def print_classes(result: dict[str, dict]) -> None:
    """Counts of strict misses and extras per class and file."""
    classes = result["classes"]
    short = {n: n.split("_")[0] if "_" in n else "-".join(n.split("-")[-2:]) for n in classes}
    print(f"{'class':24} " + " ".join(f"{short[n]:>10}" for n in classes) + f" {'total':>6}")
    for label in CLASSES:
        counts = [classes[n][label] for n in classes]
        print(f"{label:24} " + " ".join(f"{c:10}" for c in counts) + f" {sum(counts):6}")


def other_fields(annotations: Path, texts: Path) -> None:
    """P/R of the document's own fields, symbols_cited, resolutions_cited, meetings (body,
    ordinal, start, end) and agenda (meeting, item, title), all as exact matches."""
    keys = {"meetings": ("body", "ordinal", "start", "end"), "agenda": ("meeting", "item", "title")}
    fields: dict[str, Counter] = defaultdict(Counter)
    for ann in sorted(annotations.glob("*.json")):
        path = texts / f"{ann.stem}.txt"
        if not path.exists():
            continue
        gold = json.loads(ann.read_text(encoding="utf-8"))
        got = extract_file(path).to_json()
        for part in ("symbol", "title", "date"):
            g, p = gold["document"].get(part), got["document"].get(part)
            fields[f"document {part}"].update(
                gold=g is not None, pred=p is not None, tp=g is not None and g == p
            )
        for field in ("symbols_cited", "resolutions_cited", "meetings", "agenda"):
            if field in keys:
                g = {tuple(m[k] for k in keys[field]) for m in gold[field]}
                p = {tuple(m[k] for k in keys[field]) for m in got[field]}
            else:
                g, p = set(gold[field]), set(got[field])
            fields[field].update(gold=len(g), pred=len(p), tp=len(g & p))
    print(f"{'field':26} {'gold':>4} {'pred':>4} {'tp':>4} {'P':>5} {'R':>5} {'F1':>5}")
    for field, c in fields.items():
        p, r, f = prf(c["tp"], c["pred"], c["gold"])
        print(f"{field:26} {c['gold']:4} {c['pred']:4} {c['tp']:4} {p:5.2f} {r:5.2f} {f:5.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=[*CORPORA, "all"], default="all")
    parser.add_argument("--show", action="store_true", help="list misses, extras, near misses")
    parser.add_argument("--no-verbs", action="store_true", help="no table per verb")
    parser.add_argument("--classify", action="store_true", help="strict misses by class")
    args = parser.parse_args(argv)
    names = list(CORPORA) if args.set == "all" else [args.set]
    for name in names:
        corpus = CORPORA[name]
        if not corpus.texts.is_dir():
            print(f"{name}: {corpus.texts} is absent, not scored\n")
            continue
        print(f"== {name}: {corpus.annotations} over {corpus.texts}")
        result = score(corpus.annotations, corpus.texts, args.show)
        print_table(result, not args.no_verbs)
        print()
        if args.classify:
            print_classes(result)
            print()
        other_fields(corpus.annotations, corpus.texts)
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
