"""Score the loader's extraction against the hand-made annotations: P/R/F1 per file and verb.

A predicted relation matches a reference one when the verb is the same and the quotes overlap:
the longest run of consecutive words they share (lower-cased, punctuation stripped) covers at
least half of the shorter quote's words. Matching is one-to-one and greedy, reference rows in
order, each taking the free prediction with the largest overlap. The *loose* figure needs only
that; the *strict* figure also needs the subject and object to be equal (case-insensitive).

    .venv/bin/python -m bench.score_extraction [--annotations DIR] [--seeds DIR] [--unseen DIR]
                                               [--show]
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

from mandates.loader import extract_file

ROOT = Path(__file__).resolve().parents[1]

SHARED = ROOT.parent / "shared"


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


def same(a: str | None, b: str | None) -> bool:
    return " ".join(str(a).lower().split()) == " ".join(str(b).lower().split())


def match(gold: list[dict], pred: list[dict], strict: bool) -> list[tuple[int, int]]:
    """One-to-one greedy matching: pairs of (gold index, predicted index)."""
    used: set[int] = set()
    pairs = []
    for gi, g in enumerate(gold):
        best, best_j = 0.5, None
        for pj, p in enumerate(pred):
            if pj in used or p["relation"] != g["relation"]:
                continue
            if strict and not (same(p["subject"], g["subject"]) and same(p["object"], g["object"])):
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


def score(annotations: Path, seeds: Path, show: bool = False) -> dict[str, dict]:
    """Score every seed with an annotation; returns counts per file and per verb."""
    files: dict[str, Counter] = {}
    verbs: dict[str, Counter] = defaultdict(Counter)
    for ann in sorted(annotations.glob("*.json")):
        seed = seeds / f"{ann.stem}.txt"
        if not seed.exists():
            continue
        gold = json.loads(ann.read_text(encoding="utf-8"))["relations"]
        pred = extract_file(seed).to_json()["relations"]
        c = Counter(gold=len(gold), pred=len(pred))
        for strict in (False, True):
            pairs = match(gold, pred, strict)
            c["strict" if strict else "loose"] = len(pairs)
            matched_g = {g for g, _ in pairs}
            matched_p = {p for _, p in pairs}
            for g in gold:
                verbs[g["relation"]]["gold"] += 0 if strict else 1
            for p in pred:
                verbs[p["relation"]]["pred"] += 0 if strict else 1
            for gi, _ in pairs:
                verbs[gold[gi]["relation"]]["strict" if strict else "loose"] += 1
            if show and not strict:
                for i, g in enumerate(gold):
                    if i not in matched_g:
                        print(f"  MISS {ann.stem[:3]} {g['relation']:12} {g['quote']}")
                for j, p in enumerate(pred):
                    if j not in matched_p:
                        print(f"  EXTRA {ann.stem[:3]} {p['relation']:12} {p['quote']}")
        files[ann.stem] = c
    return {"files": files, "verbs": dict(verbs)}


def _row(label: str, c: Counter) -> str:
    lp, lr, lf = prf(c["loose"], c["pred"], c["gold"])
    sp, sr, sf = prf(c["strict"], c["pred"], c["gold"])
    return (
        f"{label:26} {c['gold']:4} {c['pred']:4} {c['loose']:4} {lp:5.2f} {lr:5.2f} {lf:5.2f}"
        f"   {c['strict']:4} {sp:5.2f} {sr:5.2f} {sf:5.2f}"
    )


def print_table(result: dict[str, dict]) -> None:
    head = (
        f"{'':26} {'gold':>4} {'pred':>4} {'tp':>4} {'P':>5} {'R':>5} {'F1':>5}   "
        f"{'tp':>4} {'P':>5} {'R':>5} {'F1':>5}"
    )
    print(f"{'':26} {'':14} {'--- loose ---':>17}   {'--- strict (subject+object) ---':>28}")
    print(head)
    total: Counter = Counter()
    for name, c in result["files"].items():
        print(_row(name, c))
        total.update(c)
    print(_row("TOTAL", total))
    print()
    print(head.replace(" " * 26, f"{'verb':26}", 1))
    for verb, c in sorted(result["verbs"].items(), key=lambda kv: -kv[1]["gold"]):
        print(_row(verb, c))


def other_fields(annotations: Path, seeds: Path) -> None:
    """P/R of symbols_cited, resolutions_cited, meetings (body, ordinal, start, end) and agenda
    (meeting, item, title), all as exact matches."""
    totals: dict[str, Counter] = defaultdict(Counter)
    for ann in sorted(annotations.glob("*.json")):
        seed = seeds / f"{ann.stem}.txt"
        if not seed.exists():
            continue
        gold = json.loads(ann.read_text(encoding="utf-8"))
        got = extract_file(seed).to_json()
        keys = {
            "meetings": ("body", "ordinal", "start", "end"),
            "agenda": ("meeting", "item", "title"),
        }
        for field in ("symbols_cited", "resolutions_cited", "meetings", "agenda"):
            if field in keys:
                g = {tuple(m[k] for k in keys[field]) for m in gold[field]}
                p = {tuple(m[k] for k in keys[field]) for m in got[field]}
            else:
                g, p = set(gold[field]), set(got[field])
            totals[field].update(gold=len(g), pred=len(p), loose=len(g & p))
    print(f"{'field':26} {'gold':>4} {'pred':>4} {'tp':>4} {'P':>5} {'R':>5} {'F1':>5}")
    for field, c in totals.items():
        p, r, f = prf(c["loose"], c["pred"], c["gold"])
        print(f"{field:26} {c['gold']:4} {c['pred']:4} {c['loose']:4} {p:5.2f} {r:5.2f} {f:5.2f}")


def unseen_counts(folder: Path) -> None:
    """Print the number of relations per verb for each unseen text."""
    for path in sorted(folder.glob("*.txt")):
        rows = extract_file(path).to_json()["relations"]
        counts = Counter(r["relation"] for r in rows)
        detail = ", ".join(f"{v} {n}" for v, n in counts.most_common())
        print(f"{path.name:24} {len(rows):3}  {detail}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--annotations", type=Path, default=SHARED / "annotations")
    parser.add_argument("--seeds", type=Path, default=SHARED / "seeds")
    parser.add_argument("--unseen", type=Path, nargs="?", const=SHARED / "unseen", default=None)
    parser.add_argument("--show", action="store_true", help="list misses and extras")
    args = parser.parse_args(argv)
    print_table(score(args.annotations, args.seeds, args.show))
    print()
    other_fields(args.annotations, args.seeds)
    if args.unseen:
        print()
        unseen_counts(args.unseen)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
