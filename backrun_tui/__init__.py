"""backrun: a terminal coach that gets runners out of back pain."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("backrun")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
