"""Reading runs from watch files (GPX, TCX, FIT, gzipped, in folders or a Strava export ZIP)
with maintained parsers: no parser here is written by hand."""
