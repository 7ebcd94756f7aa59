"""Score extraction against gold files with the shared scorer's logic (token-F1 pairing at 0.75).

Used by the corpus test and by `make bench`; reads documents in process (no subprocess per file).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from selfassess.errors import BadInput
from selfassess.extract import extract_file

MATCH_AT = 0.75
METHOD_ALIASES = {
    "certificate": "document",
    "certificates": "document",
    "documentation": "document",
    "assessment": "other",
    "selection procedure": "other",
    "written exercise": "test",
    "references": "reference",
    "application form": "application",
}


def _tokens(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("’", "'"))


def _f1(a: list[str], b: list[str]) -> float:
    if not a or not b:
        return 0.0
    pool: dict[str, int] = {}
    for t in b:
        pool[t] = pool.get(t, 0) + 1
    common = 0
    for t in a:
        if pool.get(t, 0) > 0:
            common += 1
            pool[t] -= 1
    if not common:
        return 0.0
    p, r = common / len(a), common / len(b)
    return 2 * p * r / (p + r)


def _methods(items: list[str] | None) -> set[str]:
    return {METHOD_ALIASES.get(str(m).strip().lower(), str(m).strip().lower()) for m in items or []}


def pair(pred: list[dict], gold: list[dict]) -> list[tuple[int, int]]:
    """Greedy pairing by token F1, best first, each side used once, pairs below 0.75 dropped."""
    pt = [_tokens(c.get("text", "")) for c in pred]
    gt = [_tokens(c.get("text", "")) for c in gold]
    scored = sorted(((_f1(pt[i], gt[j]), i, j) for i in range(len(pred)) for j in range(len(gold))), reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for s, i, j in scored:
        if s < MATCH_AT:
            break
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        pairs.append((i, j))
    return pairs


@dataclass
class Score:
    """Micro-averaged counts over documents."""

    documents: int = 0
    pred: int = 0
    gold: int = 0
    matched: int = 0
    kind_ok: int = 0
    order_ok: int = 0
    order_n: int = 0
    meth_ok: int = 0
    meth_n: int = 0
    text_ok: int = 0  # matched pairs whose words are exactly the gold's (no cell glued on)
    cat_ok: int = 0
    cat_n: int = 0
    failed: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def kind_accuracy(self) -> float:
        return self.kind_ok / self.matched if self.matched else 0.0

    @property
    def order_agreement(self) -> float:
        return self.order_ok / self.order_n if self.order_n else 1.0

    @property
    def method_agreement(self) -> float | None:
        return self.meth_ok / self.meth_n if self.meth_n else None

    def add(self, pred: list[dict], gold: list[dict]) -> None:
        pairs = pair(pred, gold)
        self.documents += 1
        self.pred += len(pred)
        self.gold += len(gold)
        self.matched += len(pairs)
        self.kind_ok += sum(pred[i].get("kind") == gold[j].get("kind") for i, j in pairs)
        for a in range(len(pairs)):
            for b in range(a + 1, len(pairs)):
                self.order_n += 1
                (pa, ga), (pb, gb) = pairs[a], pairs[b]
                self.order_ok += (pa - pb) * (ga - gb) > 0
        for i, j in pairs:
            self.text_ok += _tokens(pred[i].get("text", "")) == _tokens(gold[j].get("text", ""))
            if gold[j].get("category"):
                self.cat_n += 1
                self.cat_ok += _tokens(pred[i].get("category") or "") == _tokens(gold[j]["category"])
            wanted = _methods(gold[j].get("assessed_by"))
            if wanted:
                self.meth_n += 1
                self.meth_ok += _methods(pred[i].get("assessed_by")) == wanted

    @property
    def text_exact(self) -> float:
        return self.text_ok / self.matched if self.matched else 0.0

    @property
    def category_agreement(self) -> float | None:
        return self.cat_ok / self.cat_n if self.cat_n else None

    def summary(self) -> dict:
        method = self.method_agreement
        return {
            "documents": self.documents,
            "gold": self.gold,
            "predicted": self.pred,
            "matched": self.matched,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "kind_accuracy": round(self.kind_accuracy, 4),
            "order_agreement": round(self.order_agreement, 4),
            "method_agreement": None if method is None else round(method, 4),
            "text_exact": round(self.text_exact, 4),
            "category_agreement": None if self.category_agreement is None else round(self.category_agreement, 4),
        }


def documents(gold_dir: Path, text_dir: Path) -> list[tuple[Path, Path]]:
    """(document, gold file) pairs: NAME.txt first, else any NAME.* that is not gold."""
    found = []
    for gold in sorted(gold_dir.glob("*.gold.json")):
        name = gold.name[: -len(".gold.json")]
        doc = text_dir / f"{name}.txt"
        if not doc.exists():
            others = [d for d in sorted(text_dir.glob(f"{name}.*")) if not d.name.endswith(".gold.json")]
            doc = others[0] if others else doc
        found.append((doc, gold))
    return found


def score_corpus(gold_dir: Path, text_dir: Path | None = None) -> tuple[Score, dict[str, Score]]:
    """The whole corpus's score and one per file type (txt, md, html, docx, pdf)."""
    total = Score()
    by_format: dict[str, Score] = {}
    for doc, gold_path in documents(gold_dir, text_dir or gold_dir):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))["criteria"]
        try:
            pred = extract_file(doc).contract()["criteria"]
        except BadInput:
            total.failed.append(doc.name)
            pred = []
        ext = doc.suffix.lower().lstrip(".") or "txt"
        kind = {"htm": "html", "markdown": "md"}.get(ext, ext)
        for score in (total, by_format.setdefault(kind, Score())):
            score.add(pred, gold)
    return total, by_format
