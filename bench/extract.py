"""Benchmark: our temporal tagger against chrono-node and dateparser on the same texts.

    python bench/extract.py [CORPUS_DIR] [--scorer PATH/TO/timex_eval.py] [--passes N]
                            [--skip-peers] [--no-dateparser]
    python bench/extract.py --history [--explain]

Peers are installed on first use into ``bench/scratch/`` (git-ignored): chrono-node from npm,
run by a small node script that stays up for the whole run; dateparser from PyPI into a venv.
Each tagger is scored with the shared TempEval-3 scorer on the same texts.

Speed is words of input per second of the tagger's own processing (loading excluded), in CPU
time (the process's, all its threads: node's compiler and collector threads count) and on
the clock. Ours and chrono-node are timed in the same run, pass for pass: one warm-up pass
each (Python's caches, V8's compiler), then ``--passes`` passes that alternate between the
two, so that the load of other jobs on a shared machine falls on both alike. CPU time is
what a loaded machine disturbs least (a pass put aside for another job takes longer on the
clock, not in CPU). The table gives each tagger's median pass and the ratio of the CPU
medians, which is what compares them; dateparser, a hundred times slower, is timed once.

``--history`` scores our engine alone on the history narrative written for the tests
(``tests/extract/timex_history_passages.py``: the dev set, and four passages never tuned
on), with the same scorer; ``--explain`` lists every expression missed, spurious or wrongly
valued.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SCRATCH = ROOT / "bench" / "scratch"
# ``../shared`` of the repository, or of the main checkout when this is a worktree beside it.
SHARED = next((p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if p.is_dir()),
              ROOT.parent / "shared")  # fmt: skip
DEFAULT_CORPUS = SHARED / "data" / "timex" / "tbaq-cleaned"
DEFAULT_SCORER = SHARED / "tools" / "timex_eval.py"

# Reads the documents (JSON lines) from the file named on its command line, then answers each
# line of standard input: "pass" runs one pass and prints its seconds, "results" prints the
# expressions of the last pass as JSON lines and then "END".
CHRONO_JS = r"""
const chrono = require('chrono-node');
const readline = require('readline');
const lines = require('fs').readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean);
const docs = lines.map(JSON.parse);
const refs = docs.map(d => new Date(d.published.slice(0, 10) + 'T12:00:00'));
let last = [];
function timex(r) {
  const c = r.start; const y = c.get('year'), m = c.get('month'), day = c.get('day');
  const mm = String(m).padStart(2, '0'), dd = String(day).padStart(2, '0');
  const v = c.isCertain('day') ? `${y}-${mm}-${dd}`
    : c.isCertain('month') ? `${y}-${mm}` : `${y}`;
  return {start: r.index, end: r.index + r.text.length, text: r.text, type: 'DATE', value: v};
}
readline.createInterface({input: process.stdin}).on('line', command => {
  if (command === 'pass') {
    const t0 = process.hrtime.bigint(), c0 = process.cpuUsage();
    last = docs.map((d, i) => chrono.parse(d.text, refs[i]));
    const cpu = process.cpuUsage(c0);
    console.log('SECONDS ' + Number(process.hrtime.bigint() - t0) / 1e9 + ' '
      + (cpu.user + cpu.system) / 1e6);
  } else if (command === 'results') {
    docs.forEach((d, i) => console.log(
      JSON.stringify({id: d.id, expressions: last[i].map(timex)})));
    console.log('END');
  }
});
"""

DATEPARSER_PY = r"""
import json, sys, time
from dateparser.search import search_dates
docs = [json.loads(l) for l in sys.stdin if l.strip()]
t0, c0 = time.perf_counter(), time.process_time()
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
secs, cpu = time.perf_counter() - t0, time.process_time() - c0
for o in out:
    print(json.dumps(o))
print('SECONDS', secs, cpu, file=sys.stderr)
"""


def load_scorer(path: Path) -> ModuleType:
    """Import the shared scorer from its path."""
    spec = importlib.util.spec_from_file_location("timex_eval", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["timex_eval"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


class Ours:
    """Our engine in process: one pass over the documents at a time."""

    def __init__(self, docs: list[Any]) -> None:
        sys.path.insert(0, str(ROOT))
        from timeline.extract.timex import find_expressions

        self.find = find_expressions
        self.docs = [(d.id, d.text, dt.date.fromisoformat(d.published[:10])) for d in docs]
        self.last: dict[str, Any] = {}

    def one_pass(self) -> tuple[float, float]:
        """The seconds of one pass, on the clock and of CPU; its expressions are kept."""
        start, cpu = time.perf_counter(), time.process_time()
        self.last = {key: self.find(text, published) for key, text, published in self.docs}
        return time.perf_counter() - start, time.process_time() - cpu

    def results(self, scorer: ModuleType) -> dict[str, tuple[Any, ...]]:
        """The expressions of the last pass, as the scorer's records."""
        return {key: tuple(scorer.Timex(e.start, e.end, e.text, e.type, e.value) for e in found)
                for key, found in self.last.items()}  # fmt: skip

    def close(self) -> None:
        """Nothing to stop in process."""


class Chrono:
    """chrono-node in a node process that stays up for the whole run (see ``CHRONO_JS``)."""

    def __init__(self, docs: list[Any]) -> None:
        folder = SCRATCH / "chrono"
        if not (folder / "node_modules" / "chrono-node").exists():
            folder.mkdir(parents=True, exist_ok=True)
            subprocess.run(["npm", "install", "--silent", "--prefix", str(folder),
                            "chrono-node@2"], check=True)  # fmt: skip
        (folder / "run.js").write_text(CHRONO_JS, encoding="utf-8")
        batch = folder / "docs.jsonl"
        batch.write_text(_batch(docs), encoding="utf-8")
        self.proc = subprocess.Popen(["node", str(folder / "run.js"), str(batch)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                     cwd=folder)  # fmt: skip

    def _ask(self, command: str) -> str:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()
        return self.proc.stdout.readline()

    def one_pass(self) -> tuple[float, float]:
        """The seconds of one pass, on the clock and of CPU, as node measures them."""
        _, clock, cpu = self._ask("pass").split()
        return float(clock), float(cpu)

    def results(self, scorer: ModuleType) -> dict[str, tuple[Any, ...]]:
        """The expressions of the last pass, as the scorer's records."""
        assert self.proc.stdout is not None
        lines, line = [], self._ask("results")
        while line.strip() != "END":
            lines.append(line)
            line = self.proc.stdout.readline()
        return _records(lines, scorer)

    def close(self) -> None:
        """Stop the node process."""
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=30)


def _batch(docs: list[Any]) -> str:
    return "".join(json.dumps({"id": d.id, "text": d.text, "published": d.published}) + "\n"
                   for d in docs)  # fmt: skip


def _records(lines: list[str], scorer: ModuleType) -> dict[str, tuple[Any, ...]]:
    result = {}
    for line in lines:
        rec = json.loads(line)
        result[rec["id"]] = tuple(
            scorer.Timex(e["start"], e["end"], e["text"], e["type"], str(e["value"]))
            for e in rec["expressions"]
        )
    return result


def history_docs(scorer: ModuleType, which: str = "PASSAGES") -> list[Any]:
    """The history passages of the tests (``PASSAGES``, the dev set, or ``UNSEEN``) as the
    scorer's documents."""
    path = ROOT / "tests" / "extract" / "timex_history_passages.py"
    spec = importlib.util.spec_from_file_location("timex_history_passages", path)
    assert spec is not None and spec.loader is not None
    passages = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(passages)
    published = passages.PUBLISHED.isoformat()
    return [
        scorer.Doc(name, text, published,
                   tuple(scorer.Timex(s, e, phrase, "", value)
                         for s, e, phrase, value in passages.spans(text, gold)))
        for name, (text, gold) in getattr(passages, which).items()
    ]  # fmt: skip


def explain(scorer: ModuleType, docs: list[Any], predicted: dict[str, Any]) -> None:
    """Print every gold expression missed or wrongly valued, and every spurious one."""
    for d in docs:
        pairs = scorer.match(d.gold, predicted[d.id])
        matched = {id(s) for _, s in pairs}
        for g, s in pairs:
            if g.value != s.value:
                print(f"{d.id}: {g.text!r} is {g.value}, got {s.value} ({s.text!r})")
        for g in set(d.gold) - {g for g, _ in pairs}:
            print(f"{d.id}: {g.text!r} ({g.value}) missed")
        for s in predicted[d.id]:
            if id(s) not in matched:
                print(f"{d.id}: spurious {s.text!r} ({s.value})")


def race(taggers: list[Any], passes: int) -> list[list[tuple[float, float]]]:
    """(clock, CPU) seconds of ``passes`` passes of each tagger, after one warm-up pass
    each; the taggers take turns pass by pass."""
    for tagger in taggers:
        tagger.one_pass()
    times: list[list[tuple[float, float]]] = [[] for _ in taggers]
    for _ in range(passes):
        for tagger, seconds in zip(taggers, times, strict=True):
            seconds.append(tagger.one_pass())
    return times


def run_dateparser(
    docs: list[Any], scorer: ModuleType
) -> tuple[dict[str, Any], tuple[float, float]]:
    """dateparser in its venv, one pass: predictions and its own (clock, CPU) seconds."""
    venv = SCRATCH / "venv"
    python = venv / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "dateparser"], check=True)
    script = SCRATCH / "dateparser_run.py"
    script.write_text(DATEPARSER_PY, encoding="utf-8")
    proc = subprocess.run([str(python), str(script)], input=_batch(docs), capture_output=True,
                          text=True, check=True)  # fmt: skip
    clock, cpu = proc.stderr.rsplit("SECONDS", 1)[1].split()[:2]
    return _records(proc.stdout.splitlines(), scorer), (float(clock), float(cpu))


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
    """Time and score every tagger; print one table row each."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    parser.add_argument("--passes", type=int, default=7, help="timed passes of each tagger")
    parser.add_argument("--skip-peers", action="store_true", help="time our engine alone")
    parser.add_argument("--no-dateparser", action="store_true", help="leave dateparser out")
    parser.add_argument("--history", action="store_true", help="score the history dev set")
    parser.add_argument("--explain", action="store_true", help="with --history: every error")
    args = parser.parse_args()
    scorer = load_scorer(args.scorer)
    if args.history:
        for which, title in (("PASSAGES", "history dev set"), ("UNSEEN", "history, unseen")):
            docs = history_docs(scorer, which)
            ours = Ours(docs)
            ours.one_pass()
            found = ours.results(scorer)
            vf, rf, sf = score(scorer, docs, found)
            gold = sum(len(d.gold) for d in docs)
            print(f"{title}: {len(docs)} passages, {gold} expressions: value F1 {vf:.3f}, "
                  f"relaxed F1 {rf:.3f}, strict F1 {sf:.3f}")  # fmt: skip
            if args.explain:
                explain(scorer, docs, found)
        return
    docs = scorer.load_corpus(args.corpus)
    words = sum(len(d.text.split()) for d in docs)
    taggers: list[Any] = [Ours(docs)] + ([] if args.skip_peers else [Chrono(docs)])
    try:
        times = race(taggers, args.passes)
        results = [tagger.results(scorer) for tagger in taggers]
    finally:
        for tagger in taggers:
            tagger.close()
    names = ["timeline", "chrono-node"]
    rows = [(name, score(scorer, docs, found), [c for c, _ in seconds], [u for _, u in seconds])
            for name, found, seconds in zip(names, results, times, strict=False)]  # fmt: skip
    if not args.skip_peers and not args.no_dateparser:
        found, (once, cpu_once) = run_dateparser(docs, scorer)
        rows.append(("dateparser", score(scorer, docs, found), [once], [cpu_once]))
    print(f"{len(docs)} documents, {words} words; {args.passes} passes each after a warm-up")
    print("| tagger | value F1 | relaxed F1 | strict F1 | words/s, median pass: CPU | clock "
          "| fastest pass: CPU |")  # fmt: skip
    print("|---|---|---|---|---|---|---|")
    for name, (vf, rf, sf), clock, cpu in rows:
        print(f"| {name} | {vf:.3f} | {rf:.3f} | {sf:.3f} | {words / statistics.median(cpu):,.0f} "
              f"| {words / statistics.median(clock):,.0f} | {words / min(cpu):,.0f} |")  # fmt: skip
    if len(rows) > 1:
        ratio = statistics.median(rows[1][3]) / statistics.median(rows[0][3])
        print(f"ours / chrono-node, words per CPU second (median passes): {ratio:.2f}")


if __name__ == "__main__":
    main()
