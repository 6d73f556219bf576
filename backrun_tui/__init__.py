"""backrun: a terminal coach that gets runners out of back pain."""

__version__ = "0.1.0"
