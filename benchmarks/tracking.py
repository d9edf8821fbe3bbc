"""Benchmark: plan tracking after a batch, incremental against a full rebuild, in one run.

    python -m benchmarks.tracking [--plans 5000] [--versions 5] [--added 5]

Stores --plans invented plans (series of --versions papers each, one plan of
eight rows per paper, rows reworded a little from one version to the next),
tracks them, then adds --added papers that continue some of the series and
times: the full rebuild (what every batch did before), and the update a batch
that adds papers now makes.  Prints both, their ratio, and whether the two
give the same tracking.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_WORDS = ("review publish train agree fund audit report improve reduce monitor extend commission develop "
          "deliver consult assess update expand strengthen embed housing falls smoking obesity screening "
          "carers staff partners pathway strategy service workforce capacity waiting times referrals "
          "outcomes data quality equality access prevention safeguarding estates digital records").split()


def _paper(series: int, version: int, rng: random.Random, seed_texts: list[str]):
    from boardpapers.schema.models import Deadline, DocumentResult, Item, Plan, Provenance

    name = f"series{series:05d}_v{version}.txt"
    provenance = Provenance(document=name, page=1, table=0)
    items = []
    for n, text in enumerate(seed_texts):
        words = text.split()
        words[rng.randrange(len(words))] = rng.choice(_WORDS)  # reworded a little each version
        items.append(Item(ref=f"{n + 1}", recommendation=" ".join(words), action=" ".join(words[::-1]),
                          deadline=Deadline(text="March 2026"), provenance=provenance))
    return DocumentResult(name=name, path=f"/papers/{name}", sha256=f"{series}-{version}", format="text",
                          title=f"Plan {series}", paper_date=dt.date(2020, 1, 1) + dt.timedelta(days=90 * version),
                          plans=[Plan(title=f"Action plan {series}", provenance=provenance, items=items)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=5000, help="plans stored before the batch (default 5000)")
    parser.add_argument("--versions", type=int, default=5, help="papers in each series (default 5)")
    parser.add_argument("--added", type=int, default=5, help="papers the batch adds (default 5)")
    args = parser.parse_args()

    from boardpapers.db.store import open_db, write_document
    from boardpapers.ingest.reconcile.tracking import rebuild_tracking, update_tracking

    rng = random.Random(7)
    series = max(1, args.plans // args.versions)
    texts = {s: [" ".join(rng.choice(_WORDS) for _ in range(12)) for _ in range(8)] for s in range(series)}
    with tempfile.TemporaryDirectory() as tmp:
        db = open_db(str(Path(tmp) / "tracking.db"))
        started = time.perf_counter()
        for s in range(series):
            for v in range(args.versions):
                write_document(db, _paper(s, v, rng, texts[s]))
        stored_s = time.perf_counter() - started
        update_tracking(db)
        for s in rng.sample(range(series), min(args.added, series)):
            write_document(db, _paper(s, args.versions, rng, texts[s]))
        started = time.perf_counter()
        update_tracking(db)
        incremental_s = time.perf_counter() - started
        incremental = _signature(db)
        started = time.perf_counter()
        rebuild_tracking(db)
        full_s = time.perf_counter() - started
        same = incremental == _signature(db)
        plans = db.execute("select count(*) from plans").fetchone()[0]
    print(f"plans stored: {plans} ({series} series of {args.versions}, then {args.added} added); "
          f"storing took {stored_s:.1f} s")
    print(f"{'tracking after the batch':<34} {'seconds':>8}")
    print(f"{'full rebuild':<34} {full_s:8.2f}")
    print(f"{'update (only the plans added)':<34} {incremental_s:8.2f}")
    print(f"update / rebuild: {incremental_s / full_s:.3f}; same tracking as the rebuild: {same}")


def _signature(db) -> list:
    rows = db.execute("""select pv.tracked_plan_id, p.document_id, pv.version from plan_versions pv
                         join plans p on p.id = pv.plan_id order by pv.version""").fetchall()
    groups: dict = {}
    for tracked, document, version in rows:
        groups.setdefault(tracked, []).append((document, version))
    return sorted(groups.values())


if __name__ == "__main__":
    main()
