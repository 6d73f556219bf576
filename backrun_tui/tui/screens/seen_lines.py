"""Which lines of a scrolling form have been on screen: the warning signs must all have been."""

from __future__ import annotations


class SeenLines:
    """The lines of a form (0 = its top) that have been inside its viewport at some moment,
    kept as a few merged [start, end) spans."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []

    def see(self, start: int, end: int) -> None:
        """Lines start..end-1 are on screen now."""
        if end <= start:
            return
        merged: list[tuple[int, int]] = []
        for span_start, span_end in sorted([*self.spans, (start, end)]):
            if merged and span_start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], span_end))
            else:
                merged.append((span_start, span_end))
        self.spans = merged

    def first_unseen(self, start: int, end: int) -> int | None:
        """The first line of start..end-1 never on screen, or None when all of them were."""
        line = start
        for span_start, span_end in self.spans:
            if span_start > line:
                break
            line = max(line, span_end)
        return line if line < end else None
