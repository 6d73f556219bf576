"""Running: the runs, the run log, running load, pain against running, and the week's schedule."""
