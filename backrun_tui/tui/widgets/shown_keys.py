"""Which of a screen's keys are offered to the runner now: what the footer, the legend and the
touch buttons show."""

from __future__ import annotations

from collections.abc import Iterator

from textual.screen import Screen


def shown_keys(screen: Screen[object]) -> Iterator[tuple[str, str, str, str]]:
    """(key, action, what it does, the key as shown) for each binding the footer shows now,
    one per action."""
    seen: set[tuple[str, str]] = set()
    for active in screen.active_bindings.values():
        binding = active.binding
        if not (active.enabled and binding.show and binding.description):
            continue
        if (binding.action, binding.description) in seen:
            continue
        seen.add((binding.action, binding.description))
        shown_as = screen.app.get_key_display(binding)
        yield binding.key, binding.action, binding.description, shown_as
