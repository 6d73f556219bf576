"""The exercise sheet at the end of the HTML report: today's plan, each exercise with its figure
(the start and the top of the movement), its sets and reps and its cues, the page a
physiotherapist would hand out. It starts a page of its own and fits two A4 pages for six
exercises and the stretches."""

from __future__ import annotations

from html import escape

from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.coach.ladder.workout import session_items, target_text
from backrun_tui.coach.settings import Settings
from backrun_tui.figures.book import Book
from backrun_tui.report.export_data import Everything

SHEET_STYLE = """
.sheet h2 { margin-top: 0; }
.exercise { display: flex; gap: 1rem; align-items: flex-start; padding: 0.5rem 0;
            border-bottom: 1px solid #e2e5e9; break-inside: avoid; }
.exercise .figure { flex: none; width: 64mm; display: flex; justify-content: center; }
.exercise h3 { margin: 0; font-size: 1rem; }
.exercise ul { margin: 0.2rem 0 0; padding-left: 1.1rem; }
.exercise .dose { font-weight: 600; color: #1f5f8f; }
@media print { .sheet { break-before: page; } .exercise { padding: 0.3rem 0; }
  .exercise svg { print-color-adjust: exact; -webkit-print-color-adjust: exact; } }
"""
FIGURE_MM = 22  # how tall each figure prints


def exercise_sheet(data: Everything, catalog: Catalog) -> list[str]:
    """The sheet's HTML, or nothing when there is no plan yet."""
    if data.plan is None:
        return []
    settings: Settings = data.store.load_settings()
    items = session_items(catalog, data.plan, "full", settings.sets)
    if not items:
        return []
    figures = Book(catalog.exercises)
    parts = [
        '<section class="sheet">',
        "<h2>Exercise sheet</h2>",
        '<p class="note">Today&#8217;s plan, stretches first. Each figure shows the start and the '
        "top of the movement. Move slowly and stop anything that hurts.</p>",
    ]
    for item in items:
        exercise = catalog.get(item.exercise_id)
        sets = f"{item.sets} set{'s' if item.sets != 1 else ''}"
        figure = (
            figures.svg(
                exercise.id, height=FIGURE_MM, widest=64, title=f"{exercise.name}: start and top"
            )
            if figures.has(exercise.id)
            else ""
        )
        cues = "".join(f"<li>{escape(cue)}</li>" for cue in exercise.cues)
        parts.append(
            f'<div class="exercise"><div class="figure">{figure}</div>'
            f"<div><h3>{escape(exercise.name)}</h3>"
            f'<span class="dose">{sets} of {escape(target_text(exercise, settings))}</span>'
            f"<ul>{cues}</ul></div></div>"
        )
    if figures.problem:
        parts.append(f'<p class="note">{escape(figures.problem)}</p>')
    parts.append("</section>")
    return parts
