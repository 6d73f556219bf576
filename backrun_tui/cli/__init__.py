"""The command line: parsing, the plain commands, and the composition root that starts the app."""
