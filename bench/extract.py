"""Benchmark: our temporal tagger against chrono-node and dateparser on the same texts.

    python bench/extract.py [CORPUS_DIR] [--scorer PATH/TO/timex_eval.py] [--skip-peers]

Peers are installed on first use into ``bench/scratch/`` (git-ignored): chrono-node from npm,
run through a small node script; dateparser from PyPI into a venv. Each tagger speaks the batch
protocol of ``timeline extract --batch`` and is scored with the shared TempEval-3 scorer;
throughput is words of input per second of the tagger's own processing time (load excluded;
ours is the fastest of five passes in process).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SCRATCH = ROOT / "bench" / "scratch"
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "timex" / "tbaq-cleaned"
DEFAULT_SCORER = ROOT.parent / "shared" / "tools" / "timex_eval.py"

CHRONO_JS = r"""
const chrono = require('chrono-node');
const lines = require('fs').readFileSync(0, 'utf8').split('\n').filter(Boolean);
const docs = lines.map(JSON.parse);
const t0 = process.hrtime.bigint();
const out = docs.map(d => {
  const ref = new Date(d.published.slice(0, 10) + 'T12:00:00');
  const res = chrono.parse(d.text, ref);
  return {id: d.id, expressions: res.map(r => {
    const c = r.start; const y = c.get('year'), m = c.get('month'), day = c.get('day');
    const mm = String(m).padStart(2, '0'), dd = String(day).padStart(2, '0');
    const v = c.isCertain('day') ? `${y}-${mm}-${dd}`
      : c.isCertain('month') ? `${y}-${mm}` : `${y}`;
    return {start: r.index, end: r.index + r.text.length, text: r.text, type: 'DATE', value: v};
  })};
});
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
for (const o of out) console.log(JSON.stringify(o));
console.error('SECONDS ' + secs);
"""

DATEPARSER_PY = r"""
import json, sys, time
from dateparser.search import search_dates
docs = [json.loads(l) for l in sys.stdin if l.strip()]
t0 = time.perf_counter()
out = []
for d in docs:
    base = __import__('datetime').datetime.fromisoformat(d['published'][:10])
    found = search_dates(d['text'], settings={'RELATIVE_BASE': base}, languages=['en']) or []
    exprs, pos = [], 0
    for text, when in found:
        start = d['text'].find(text, pos)
        if start < 0:
            continue
        pos = start + len(text)
        exprs.append({'start': start, 'end': pos, 'text': text, 'type': 'DATE',
                      'value': when.date().isoformat()})
    out.append({'id': d['id'], 'expressions': exprs})
secs = time.perf_counter() - t0
for o in out:
    print(json.dumps(o))
print('SECONDS', secs, file=sys.stderr)
"""


def load_scorer(path: Path) -> ModuleType:
    """Import the shared scorer from its path."""
    spec = importlib.util.spec_from_file_location("timex_eval", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["timex_eval"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def run_ours(docs: list[Any], repeat: int = 5) -> tuple[dict[str, tuple[Any, ...]], float]:
    """Our engine in-process: predictions and the seconds of the fastest of ``repeat`` passes
    (a shared machine's other load only ever slows a pass down)."""
    sys.path.insert(0, str(ROOT))
    from timeline.extract.timex import find_expressions

    best = float("inf")
    raw: dict[str, Any] = {}
    for _ in range(repeat):
        start = time.perf_counter()
        raw = {d.id: find_expressions(d.text, dt.date.fromisoformat(d.published[:10]))
               for d in docs}  # fmt: skip
        best = min(best, time.perf_counter() - start)
    return raw, best


def ensure_chrono() -> list[str]:
    """chrono-node in bench/scratch/chrono, and the command that runs it."""
    folder = SCRATCH / "chrono"
    if not (folder / "node_modules" / "chrono-node").exists():
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--silent", "--prefix", str(folder), "chrono-node@2"],
                       check=True)  # fmt: skip
    (folder / "run.js").write_text(CHRONO_JS, encoding="utf-8")
    return ["node", str(folder / "run.js")]


def ensure_dateparser() -> list[str]:
    """dateparser in a venv in bench/scratch/venv, and the command that runs it."""
    venv = SCRATCH / "venv"
    python = venv / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "dateparser"], check=True)
    script = SCRATCH / "dateparser_run.py"
    script.write_text(DATEPARSER_PY, encoding="utf-8")
    return [str(python), str(script)]


def run_external(
    cmd: list[str], docs: list[Any], scorer: ModuleType
) -> tuple[dict[str, Any], float]:
    """A peer through the batch protocol: predictions and its own reported tagging seconds."""
    lines = "".join(json.dumps({"id": d.id, "text": d.text, "published": d.published}) + "\n"
                    for d in docs)  # fmt: skip
    proc = subprocess.run(cmd, input=lines, capture_output=True, text=True, check=True)
    seconds = float(proc.stderr.rsplit("SECONDS", 1)[1].split()[0])
    result = {}
    for line in proc.stdout.splitlines():
        rec = json.loads(line)
        result[rec["id"]] = tuple(
            scorer.Timex(e["start"], e["end"], e["text"], e["type"], str(e["value"]))
            for e in rec["expressions"]
        )
    return result, seconds


def score(scorer: ModuleType, docs: list[Any], predicted: dict[str, Any]) -> tuple[float, ...]:
    """Value, relaxed and strict F1, as the shared scorer computes them."""
    n_gold = n_sys = relaxed = strict = value = 0
    for d in docs:
        sys_ = predicted[d.id]
        pairs = scorer.match(d.gold, sys_)
        n_gold, n_sys, relaxed = n_gold + len(d.gold), n_sys + len(sys_), relaxed + len(pairs)
        for g, s in pairs:
            strict += scorer.strip_span(d.text, g.start, g.end) == scorer.strip_span(
                d.text, s.start, s.end
            )
            value += g.value == s.value
    return tuple(scorer.f1(c, n_sys, n_gold)[2] for c in (value, relaxed, strict))


def main() -> None:
    """Run every tagger, print one table row each."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    parser.add_argument("--skip-peers", action="store_true")
    args = parser.parse_args()
    scorer = load_scorer(args.scorer)
    docs = scorer.load_corpus(args.corpus)
    words = sum(len(d.text.split()) for d in docs)
    raw, seconds = run_ours(docs)
    ours = {k: tuple(scorer.Timex(e.start, e.end, e.text, e.type, e.value) for e in v)
            for k, v in raw.items()}  # fmt: skip
    rows = [("timeline", score(scorer, docs, ours), words / seconds)]
    if not args.skip_peers:
        for name, ensure in (("chrono-node", ensure_chrono), ("dateparser", ensure_dateparser)):
            predicted, secs = run_external(ensure(), docs, scorer)
            rows.append((name, score(scorer, docs, predicted), words / secs))
    print(f"{len(docs)} documents, {words} words")
    print("| tagger | value F1 | relaxed F1 | strict F1 | words/s | speed vs ours |")
    print("|---|---|---|---|---|---|")
    for name, (vf, rf, sf), speed in rows:
        print(f"| {name} | {vf:.3f} | {rf:.3f} | {sf:.3f} | {speed:,.0f} | "
              f"{speed / rows[0][2]:.2f} |")  # fmt: skip


if __name__ == "__main__":
    main()
