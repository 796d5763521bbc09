"""Build the bundled history (src/indmon/catalogue/data/history/) from saved page excerpts.

    python3 scripts/history/build.py --merge /tmp/h7/pages   # add to what is shipped
    python3 scripts/history/build.py /tmp/h6/pages           # rebuild from the look-ups alone
    python3 scripts/history/build.py --merge --out /tmp/try /tmp/h8/pages  # a dry run

With ``--merge`` the shipped copies (``copies.csv``, the disagreeing ones in
``conflicts.csv``) and release dates (``sources.csv``) are read back first, so new look-ups
add releases, figures and copies, and every figure is judged again over the old and the
new copies together. Without it the history is whatever the folder's look-ups give.

The excerpts (one file per look-up of the ``search`` tool's "pages" corpus, in the format
``indmon.reconcile.history.read_lookup`` reads) stay outside the repository: only the
figures, their citations and the addresses of the copies are written. See
docs/published-figures.md ("The history") for the rules; when the package's files are
written, the coverage section of that page is rebuilt from them too.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

from indmon.catalogue.published import HISTORY_DIR, write_coverage_page
from indmon.reconcile.history import (
    History,
    HistoryFigure,
    build_history,
    read_shipped,
    site_of,
)

SOURCE_COLUMNS = ("source_id", "family", "period", "publisher", "title", "published",
                  "date_basis", "release_type", "url")
FIGURE_COLUMNS = ("indicator", "period", "industry", "province", "value", "unit", "source_id",
                  "status", "copies", "sites")
COPY_COLUMNS = ("source_id", "indicator", "period", "industry", "value", "mention", "url",
                "site", "official")
CONFLICT_COLUMNS = ("indicator", "period", "industry", "accepted", "stated", "mention", "url",
                    "site", "reason")


def _value(value: float) -> str:
    return f"{value:.10g}" if abs(value) < 1e9 else f"{round(value):d}"


def _figure_row(fig: HistoryFigure) -> dict[str, str]:
    return {"indicator": fig.indicator, "period": fig.period, "industry": fig.industry,
            "province": "ALL", "value": _value(fig.value), "unit": fig.unit,
            "source_id": fig.source_id, "status": fig.status, "copies": str(len(fig.copies)),
            "sites": " ".join(fig.sites)}


def write(history: History, folder: Path, pages: Path) -> None:
    from indmon.reconcile.history import is_official

    folder.mkdir(parents=True, exist_ok=True)
    used = {f.source_id for f in history.figures + history.unconfirmed}
    sources = []
    for rid, rel in sorted(history.releases.items()):
        if rid not in used:
            continue
        copies = [c for f in history.figures + history.unconfirmed if f.source_id == rid
                  for c in f.copies]
        urls = {c.url for c in copies}
        kept = rel.url if rel.url in urls else ""
        primary = next((c.url for c in copies if is_official(c.url)),
                       kept or copies[0].url) if not is_official(kept) else kept
        sources.append({"source_id": rid, "family": rel.family, "period": rel.period,
                        "publisher": rel.publisher, "title": rel.title,
                        "published": rel.published, "date_basis": rel.date_basis,
                        "release_type": rel.release_type, "url": primary})
    _write(folder / "sources.csv", SOURCE_COLUMNS, sources)
    _write(folder / "figures.csv", FIGURE_COLUMNS, [_figure_row(f) for f in history.figures])
    _write(folder / "unconfirmed.csv", FIGURE_COLUMNS,
           [_figure_row(f) for f in history.unconfirmed])
    copy_rows = []
    for fig in history.figures + history.unconfirmed:
        for c in sorted(fig.copies, key=lambda c: c.url):
            copy_rows.append({"source_id": fig.source_id, "indicator": fig.indicator,
                              "period": fig.period, "industry": fig.industry,
                              "value": _value(c.value), "mention": c.mention, "url": c.url,
                              "site": site_of(c.url), "official": str(is_official(c.url)).lower()})
    _write(folder / "copies.csv", COPY_COLUMNS, copy_rows)
    _write(folder / "conflicts.csv", CONFLICT_COLUMNS, [
        {"indicator": c.indicator, "period": c.period, "industry": c.industry,
         "accepted": "" if c.accepted is None else _value(c.accepted), "stated": _value(c.stated),
         "mention": c.mention, "url": c.url, "site": site_of(c.url), "reason": c.reason}
        for c in history.conflicts])
    print(f"{len(sources)} releases, {len(history.figures)} confirmed figures, "
          f"{len(history.unconfirmed)} unconfirmed, {len(history.conflicts)} conflicts, "
          f"{history.discarded.get('spam', 0)} numbers discarded as spam; from {pages}")


def _write(path: Path, columns: tuple[str, ...], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str]) -> None:
    """Without ``--out`` the bundled history and the coverage page are rewritten; with it,
    the files go to DIR (to see what a folder of look-ups would add before merging it)."""
    parser = argparse.ArgumentParser(
        prog="build.py", description="Build the bundled history from saved look-ups.")
    parser.add_argument("pages", type=Path, help="folder of look-up files (NNN.txt)")
    parser.add_argument("--merge", action="store_true",
                        help="add to the shipped history instead of rebuilding it")
    parser.add_argument("--out", type=Path, default=HISTORY_DIR,
                        help="write the files here (a dry run) instead of the package")
    args = parser.parse_args(argv)
    if not args.pages.is_dir() or not any(args.pages.glob("*.txt")):
        # an empty or mistyped folder would otherwise rewrite the shipped history as empty
        parser.error(f"{args.pages}: no look-up files (*.txt) in this folder")
    shipped = read_shipped(HISTORY_DIR) if args.merge else None
    write(build_history(args.pages, shipped), args.out, args.pages)
    if args.out == HISTORY_DIR:
        write_coverage_page()


if __name__ == "__main__":
    main(sys.argv[1:])
