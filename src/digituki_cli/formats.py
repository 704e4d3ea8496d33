"""The output formats the command line offers: enums with no dependencies, imported at start-up
(render.py and export.py, which use them, load only when a command runs)."""

from __future__ import annotations

from enum import StrEnum


class Format(StrEnum):
    """What a query command prints: a table for people, or a file format (xlsx is binary)."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    MARKDOWN = "markdown"
    XLSX = "xlsx"


class ExportFormat(StrEnum):
    """What `export` writes the whole dataset as (sqlite and xlsx are binary)."""

    JSON = "json"
    CSV = "csv"
    MARKDOWN = "markdown"
    SQLITE = "sqlite"
    HTML = "html"
    YAML = "yaml"  # the dataset file itself, to copy and keep (record.copy_dataset)
    XLSX = "xlsx"


class CsvDialect(StrEnum):
    """How CSV is written: `standard` (comma, LF; a BOM only in a file) for scripts and most
    programs, `excel-fi` (semicolon, CRLF, always a BOM) for Excel set to a Finnish, Swedish
    or other locale whose list separator is the semicolon: it opens with a double click."""

    STANDARD = "standard"
    EXCEL_FI = "excel-fi"
