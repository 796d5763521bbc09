"""``indmon monitor`` and ``indmon alerts``: run early warning for a month, work the alerts."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from indmon.cli.common import console, handle_errors, open_for_reading, open_store, print_frame

Output = Annotated[str, typer.Option("--output", "-o", help="table, csv or json")]
#: columns of the alert list, in the order a reader scans them
LIST_COLUMNS = ["alert_id", "period", "severity", "status", "rule_id", "industry", "province",
                "enterprise_id", "title_en", "simulated"]


def register(app: typer.Typer) -> None:
    app.command("monitor")(monitor)
    group = typer.Typer(help="List alerts and move them through new, acknowledged, resolved.",
                        invoke_without_command=True)
    group.callback()(alerts)
    group.command("show")(show)
    group.command("ack")(ack)
    group.command("resolve")(resolve)
    app.add_typer(group, name="alerts")


@handle_errors
def monitor(
    period: Annotated[str | None, typer.Option(help="the month to monitor, YYYY-MM")] = None,
    rules: Annotated[Path | None, typer.Option(help="a rule file (YAML); default: the "
                                               "shipped rules")] = None,
    show_rules: Annotated[bool, typer.Option("--show-rules", help="print the shipped rule "
                                             "file, to copy and edit")] = False,
    check: Annotated[bool, typer.Option("--check", help="only validate the rule file")] = False,
) -> None:
    """Evaluate the monitoring rules and anomaly detectors for a month and store the alerts.

    Example: indmon monitor --period 2024-03 --rules my-rules.yaml
    """
    from indmon.monitor import run_monitoring
    from indmon.monitor.rules import default_rules_path, load_rules

    if show_rules:
        sys.stdout.write(default_rules_path().read_text("utf-8"))
        return
    if check:
        ruleset = load_rules(rules)
        console.print(f"{ruleset.file}: {len(ruleset.rules)} rules, all valid")
        return
    if period is None:
        raise typer.BadParameter("give --period YYYY-MM", param_hint="--period")
    with open_store() as store:
        summary = run_monitoring(store, period=period, rules_path=rules)
    for note in summary.notes:
        console.print(f"[yellow]note:[/] {note}")
    flag = " (SIMULATED data)" if summary.simulated else ""
    print_frame(summary.by_rule(), "table",
                title=f"Monitoring {period}{flag}: {summary.raised} alerts, {summary.new} new, "
                      f"{summary.seconds:.1f} s")


@handle_errors
def alerts(
    ctx: typer.Context,
    period: Annotated[str | None, typer.Option(help="only this month, YYYY-MM")] = None,
    status: Annotated[str | None, typer.Option(help="new, acknowledged or resolved")] = None,
    severity: Annotated[str | None, typer.Option(help="high, medium or low")] = None,
    output: Output = "table",
) -> None:
    """List stored alerts, most severe first.

    Example: indmon alerts --period 2024-03 --status new -o csv
    """
    if ctx.invoked_subcommand is not None:
        return
    from indmon.monitor import list_alerts

    with open_for_reading() as store:
        frame = list_alerts(store, period=period, status=status, severity=severity)
    if output == "table":
        frame = frame[LIST_COLUMNS]
    print_frame(frame, output, title="Alerts")


@handle_errors
def show(alert_id: Annotated[int, typer.Argument(help="the alert id")]) -> None:
    """Print one alert with its evidence and status history as JSON.

    Example: indmon alerts show 12
    """
    from indmon.monitor import get_alert

    with open_for_reading() as store:
        alert = get_alert(store, alert_id)
    sys.stdout.write(json.dumps(alert, ensure_ascii=False, indent=2, default=str) + "\n")


By = Annotated[str, typer.Option("--by", help="who makes the change")]
Note = Annotated[str | None, typer.Option(help="why, for the history")]


@handle_errors
def ack(alert_id: Annotated[int, typer.Argument(help="the alert id")], by: By,
        note: Note = None) -> None:
    """Acknowledge an alert: someone is looking into it.

    Example: indmon alerts ack 12 --by wang.li --note "called the provincial bureau"
    """
    _move(alert_id, "acknowledged", by, note)


@handle_errors
def resolve(alert_id: Annotated[int, typer.Argument(help="the alert id")], by: By,
            note: Note = None) -> None:
    """Resolve an alert: explained or dealt with.

    Example: indmon alerts resolve 12 --by wang.li --note "plant maintenance, back in May"
    """
    _move(alert_id, "resolved", by, note)


def _move(alert_id: int, status: str, by: str, note: str | None) -> None:
    from indmon.monitor import update_alert

    with open_store() as store:
        alert = update_alert(store, alert_id, status, by=by, note=note)
    console.print(f"alert {alert_id} is now {alert['status']} ({alert['title_en']})")
