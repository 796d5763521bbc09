"""Loading the bundled history into a real store: a multi-year published line with its
citations, loaded once, kept out with --no-history."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from indmon.catalogue.published import history_figures, history_releases
from indmon.cli import app
from indmon.reconcile.published import load_history, load_published
from indmon.store import Origin, Store


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with Store.open(tmp_path_factory.mktemp("history") / "store.duckdb") as store:
        load_published(store)
        yield store


def test_the_published_value_added_line_spans_years(loaded: Store) -> None:
    (line,) = [s for s in loaded.series("va_yoy") if s.origin is Origin.PUBLISHED
               and s.industry == "ALL" and s.frequency == "month"]
    years = {p.period.text[:4] for p in line.points}
    assert len(line.points) >= 10 and len(years) >= 5


def test_each_point_cites_its_release_and_copies(loaded: Store) -> None:
    fig = next(f for f in history_figures() if f.indicator == "pmi_manufacturing")
    (obs,) = loaded.figures("pmi_manufacturing", period=fig.period, origin="published")
    (source, *_) = loaded.provenance(obs.obs_id).sources
    release = next(r for r in history_releases() if r.source_id == fig.source_id)
    assert source.source.publisher == release.publisher
    assert str(source.source.published)[:10] == release.published
    assert source.source.url.startswith("http")
    assert source.source.details["copies"]
    assert "confirmed" in source.note


def test_loading_again_changes_nothing(loaded: Store) -> None:
    again = load_history(loaded)
    assert (again.added, again.revised, again.conflicts) == (0, 0, 0)


def test_no_history_loads_the_four_releases_alone(tmp_path: Path) -> None:
    db = tmp_path / "store.duckdb"
    result = CliRunner().invoke(app, ["--db", str(db), "load-published", "--no-history",
                                      "-o", "json"])
    assert result.exit_code == 0, result.output
    with Store.open(db, read_only=True) as store:
        assert store.figures("va_yoy", origin="published") == []


def test_published_rules_judge_the_history(loaded: Store) -> None:
    from indmon.monitor.monitoring import run_monitoring

    rules = Path(__file__).parents[2] / "src/indmon/monitor/data/published-rules.yaml"
    summary = run_monitoring(loaded, period="2020-03", rules_path=rules, origin=["published"])
    fired = set(zip(summary.alerts["rule_id"], summary.alerts["industry"], strict=True))
    # March 2020: industry -1.1%, manufacturing -1.8%, utilities -1.6% year on year
    assert {("published-industry-contracting", "ALL"), ("published-sector-contracting", "C"),
            ("published-sector-contracting", "D")} <= fired


def test_the_pmi_turn_below_50_is_found_in_the_real_history(loaded: Store) -> None:
    from indmon.monitor.monitoring import run_monitoring

    rules = Path(__file__).parents[2] / "src/indmon/monitor/data/published-rules.yaml"
    # the official manufacturing PMI: 50.1 in September 2022, 49.2 in October
    october = run_monitoring(loaded, period="2022-10", rules_path=rules, origin=["published"])
    (turn,) = october.alerts[october.alerts["rule_id"] == "published-pmi-turns-contraction"
                             ].itertuples()
    assert turn.indicator == "pmi_manufacturing" and not turn.simulated
    november = run_monitoring(loaded, period="2022-11", rules_path=rules,
                              origin=["published"])
    assert "published-pmi-turns-contraction" not in set(november.alerts["rule_id"])
