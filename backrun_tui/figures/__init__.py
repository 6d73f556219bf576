"""How each exercise is done, as a stick figure: the poses (data/poses.json), checked on load,
and one drawing of them for the terminal (braille dots) and for paper (SVG)."""
