"""Finds the shipped styles/ and data/ folders, in a wheel install or in a source tree."""

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def resource_dir(name: str) -> Path:
    """Return the folder `name` ("styles" or "data"): inside the package when installed from
    a wheel, else beside the package in a source tree or editable install."""
    inside = _PACKAGE_DIR / name
    if inside.is_dir():
        return inside
    return _PACKAGE_DIR.parent / name


def styles_dir() -> Path:
    return resource_dir("styles")


def catalog_path() -> Path:
    return resource_dir("data") / "catalog.json"
