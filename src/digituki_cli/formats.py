"""The output formats the command line offers: enums with no dependencies, imported at start-up
(render.py and export.py, which use them, load only when a command runs)."""

from __future__ import annotations

from enum import StrEnum


class Format(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    MARKDOWN = "markdown"


class ExportFormat(StrEnum):
    JSON = "json"
    CSV = "csv"
    MARKDOWN = "markdown"
    SQLITE = "sqlite"
    HTML = "html"
    YAML = "yaml"  # the dataset file itself, to copy and keep (record.copy_dataset)
