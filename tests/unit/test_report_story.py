"""Page one of the physiotherapist's report: the period, pain at the start and now against the
2-point line, flare-ups, the legs and today's plan in words, the same in every report."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.coach.ladder.plan import Plan
from backrun_tui.coach.safety.triage import Legs, SymptomReport
from backrun_tui.coach.settings import Settings, is_name
from backrun_tui.report.export_data import Everything
from backrun_tui.report.story import story
from backrun_tui.store.repository import Store

START = datetime(2025, 3, 3, 8, 0, tzinfo=UTC)
NOW = START + timedelta(days=400)


def check(days: int, pain: int, legs: Legs = "none") -> tuple[datetime, SymptomReport, str]:
    outcome = "flare_up" if pain >= 6 else "go"
    return (START + timedelta(days=days), SymptomReport(pain, "lower", legs), outcome)


def lines(
    catalog: Catalog, checks: list[tuple[datetime, SymptomReport, str]], plan: Plan
) -> dict[str, str]:
    return dict(story(Everything(plan, [], checks, Store.in_memory()), catalog, NOW))


def test_pain_at_the_start_and_now_against_the_two_point_line(catalog: Catalog) -> None:
    early = [check(0, 6), check(3, 5), check(10, 5, "one"), check(20, 6)]
    late = [check(380, 2), check(390, 2), check(398, 1)]
    said = lines(catalog, early + late, Plan(("superman", "wall-lateral-pull-downs")))
    assert said["Period"] == "03 Mar 2025 to 07 Apr 2026 (1 year 1 month)"
    assert said["Pain"] == (
        "5.5/10 at the start (median of the first four weeks' checks); 2/10 now (the last four "
        "weeks): 3.5 points lower, a meaningful improvement (2 points or more)"
    )
    assert said["Flare-up days"].startswith(
        "2 days with pain 6 or more at the check, the last 23 Mar 2025"
    )
    assert said["Leg symptoms"] == (
        "At 1 of 7 checks (one leg 1, both legs 0), the last 13 Mar 2025; 1 in the first four "
        "weeks, 0 in the last four."
    )
    assert said["Today's plan"] == (
        "Superman (rung 1 of 12), Wall Lateral Pull-Downs (the upper-back add-on, beside rung 8), "
        "with the stretches first."
    )
    assert said["Where it hurt"] == "lower back at 7 checks"


def test_a_small_change_is_said_to_be_within_the_line(catalog: Catalog) -> None:
    said = lines(catalog, [check(0, 4), check(395, 3)], Plan(()))
    assert said["Pain"].endswith(
        "3/10 now (the last four weeks): within 2 points of the start: no meaningful change"
    )
    assert said["Leg symptoms"] == "None at any of the 2 checks."


def test_no_recent_check_says_when_the_last_was(catalog: Catalog) -> None:
    said = lines(catalog, [check(0, 4), check(100, 3)], Plan(()))
    assert said["Pain"].endswith("no check in the last four weeks (the last, 11 Jun 2025: 3/10)")


def test_nothing_recorded_yet(catalog: Catalog) -> None:
    data = Everything(None, [], [], Store.in_memory())
    assert story(data, catalog, NOW) == [
        ("Runner", "Not named (a name for the report can be set in backrun's settings)"),
        ("Period", "Nothing recorded yet: no symptom check and no session."),
    ]


def test_the_report_names_the_runner_by_the_name_in_the_settings(catalog: Catalog) -> None:
    store = Store.in_memory()
    store.save_settings(Settings(runner_name="Ana Pérez"))
    said = dict(story(Everything(None, [], [check(0, 3)], store), catalog, NOW))
    assert said["Runner"] == "Ana Pérez"


def test_a_name_is_one_short_line_of_text() -> None:
    for bad in ("x" * 41, "Ana\nPérez", " Ana", "Ana\x1b[31m", "Ana\u202e", 7):
        assert not is_name(bad), bad
        with pytest.raises(ValueError, match="one line of at most 40"):
            Settings(runner_name=bad)  # type: ignore[arg-type]
    assert is_name("") and is_name("Ana Pérez-Ó'Neill") and is_name("李小龍")


def test_every_warning_sign_day_is_on_page_one_with_how_it_ended(catalog: Catalog) -> None:
    from backrun_tui.coach.decisions import Decision

    fever = SymptomReport(3, "lower", "none", frozenset({"chest_pain"}))
    weight = SymptomReport(2, "lower", "none", frozenset({"weight_loss"}))
    checks = [
        check(0, 3),
        (START + timedelta(days=10), fever, "urgent"),
        check(30, 2),
        (START + timedelta(days=40), weight, "doctor_soon"),
    ]
    back_on = START + timedelta(days=45)
    logged = [Decision("correction", None, None, "a doctor has checked", "Taken back", back_on)]
    data = Everything(Plan(("superman",)), [], checks, Store.in_memory(), logged)
    said = dict(story(data, catalog, NOW))["Warning signs"]
    assert said == (
        "13 Mar 2025: get help now, the urgent 24 hours ran out; "
        "12 Apr 2025: see a doctor soon, taken back, a doctor checked (in full below)."
    )
