"""The dataset's shape: frozen dataclasses over the codebook's vocabularies (vocabulary.py).

These are plain dataclasses (without slots: they unpickle several times faster from the
cache), not Pydantic models, so that a run served from the cache never imports Pydantic.
validation.py validates YAML into them with Pydantic, which reads `__pydantic_config__` and
each field's metadata (description, pattern, ge), and builds the JSON Schema from them.
Classified values are `Evidenced`: the value with its source's own words (the report's, or a
newer source's), and the earlier observations of it as its history (schema version 3).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Generic, TypeVar

from .vocabulary import (
    Answer,
    Channel,
    DescribedEnum,
    FundingAfterProject,
    GeneralSupportLevel,
    Language,
    Partner,
    ProfessionalDuty,
    Provider,
    RegionKind,
    SectionName,
)

__all__ = [
    "REPORT_ID",
    "SCHEMA_VERSION",
    "AddedSource",
    "Answer",
    "Channel",
    "Cooperation",
    "Dataset",
    "DescribedEnum",
    "Evidenced",
    "FormerMunicipality",
    "Funding",
    "FundingAfterProject",
    "GeneralSupport",
    "GeneralSupportLevel",
    "Language",
    "Municipality",
    "Names",
    "Note",
    "Observation",
    "Partner",
    "Population",
    "ProfessionalDuty",
    "Provider",
    "Region",
    "RegionKind",
    "Removal",
    "Section",
    "SectionName",
    "Sections",
    "ServiceSupport",
    "Source",
    "Statistics",
    "to_jsonable",
]

# 2: notes are mappings in Finnish, Swedish and English (they were English strings).
# 3: newer sources besides the report; each value names its source and keeps its history
#    (a version-2 file is read as it is: sources.migrate).
SCHEMA_VERSION = 3
# The report's id among the sources: the source of every value that names none.
REPORT_ID = "report"
# The groups of a region that hold its classified values, in the schema's order (one place:
# checks, sources and queries walk them).
GROUPS = ("general_support", "service_support", "cooperation", "funding")

# Read by Pydantic when it validates these dataclasses: unknown keys are errors.
_STRICT: dict[str, Any] = {"extra": "forbid"}

T = TypeVar("T", covariant=True)


def described(description: str, default: Any = dataclasses.MISSING, **constraints: Any) -> Any:
    """A dataclass field with a description and constraints (pattern, ge), which Pydantic
    reads from the field's metadata when it validates and builds the JSON Schema."""
    metadata = {"description": description, **constraints}
    if callable(default) and not isinstance(default, str | tuple):
        return field(default_factory=default, metadata=metadata)
    return field(default=default, metadata=metadata)


@dataclass(frozen=True)
class Note:
    """A remark for the dataset's users, with the same content in Finnish, Swedish and English:
    what the report says (in its own Finnish words where they matter) and why the value follows.
    The Finnish text is written first, from the report's wording."""

    __pydantic_config__ = _STRICT

    fi: str = described("The note in Finnish.")
    sv: str = described("The note in Swedish.")
    en: str = described("The note in English.")

    def text(self, lang: str) -> str:
        """The note in `lang` (fi, sv or en). Raises ValueError for any other code."""
        if lang not in ("fi", "sv", "en"):
            raise ValueError(f"a note has no language {lang!r}")
        text: str = getattr(self, lang)
        return text


@dataclass(frozen=True)
class Observation(Generic[T]):
    """What one source says of a value: the value, the source's words, a note, which source
    and as of when. `source` and `observed` may be left out in the file: the loader fills them
    in (the report, and the source's date), so a loaded dataset always has both."""

    __pydantic_config__ = _STRICT

    value: T
    evidence: tuple[str, ...] = described(
        "Quotes copied verbatim from the source's text (for the report: the region's own text).",
        default=(),
    )
    note: Note | None = described(
        "What the source says and why the value follows, where that is not plain.", default=None
    )
    source: str | None = described(
        "The id of the source the quotes come from. Default: the report.", default=None
    )
    observed: dt.date | None = described(
        "The date the source says it (YYYY-MM-DD). Default: the source's date.", default=None
    )


@dataclass(frozen=True)
class Evidenced(Observation[T]):
    """A classified value: its newest observation, with the earlier ones as its history."""

    history: tuple[Observation[T], ...] = described(
        "Earlier observations of the value, oldest first.", default=()
    )


@dataclass(frozen=True)
class Removal(Evidenced[str]):
    """A member of a set that a newer source says is no longer there: the removal (its source,
    words and date) and, as its history, the member's observations before it."""

    field: str = dataclasses.field(
        kw_only=True,
        metadata={"description": "The set, as in the schema: e.g. service_support.channels."},
    )


def _not_reported(value: object) -> Callable[[], Evidenced[Any]]:
    return lambda: Evidenced(value)


@dataclass(frozen=True)
class GeneralSupport:
    """Yleinen digituki: help with devices and with services other than the county's own."""

    __pydantic_config__ = _STRICT

    level: Evidenced[GeneralSupportLevel] = field(
        default_factory=_not_reported(GeneralSupportLevel.NOT_REPORTED)
    )
    referral_targets: tuple[Evidenced[Partner], ...] = described(
        "Kinds of partner that clients are referred to for general support.", default=()
    )
    assisted_authorization: Evidenced[Answer] = described(
        "Help making Suomi.fi mandates (valtuutus) in person is available in the county.",
        default=_not_reported(Answer.NOT_REPORTED),
    )


@dataclass(frozen=True)
class ServiceSupport:
    """Asiointitilanteisiin liittyvä digituki: help with the county's own digital services."""

    __pydantic_config__ = _STRICT

    channels: tuple[Evidenced[Channel], ...] = ()
    providers: tuple[Evidenced[Provider], ...] = ()
    professional_duty: Evidenced[ProfessionalDuty] = field(
        default_factory=_not_reported(ProfessionalDuty.NOT_REPORTED)
    )
    plain_language: Evidenced[Answer] = described(
        "Plain language (selkokieli) is considered in materials.",
        default=_not_reported(Answer.NOT_REPORTED),
    )
    guide_languages: tuple[Evidenced[Language], ...] = described(
        "Languages of guide material, where the report states them.", default=()
    )


@dataclass(frozen=True)
class Cooperation:
    """Yhteistyöt: who the county works with on digital support, anywhere in its text."""

    __pydantic_config__ = _STRICT

    partners: tuple[Evidenced[Partner], ...] = ()


@dataclass(frozen=True)
class Funding:
    """Digituen organisointi ja rahoitus: how support is organised and funded."""

    __pydantic_config__ = _STRICT

    after_project: Evidenced[FundingAfterProject] = field(
        default_factory=_not_reported(FundingAfterProject.NOT_REPORTED)
    )
    project_funded: Evidenced[Answer] = described(
        "Support was developed with project funding.", default=_not_reported(Answer.NOT_REPORTED)
    )
    responsible_unit: Evidenced[str | None] = described(
        "The unit (or post) named, in the report's words, in its base form.",
        default=_not_reported(None),
    )


@dataclass(frozen=True)
class Names:
    """A name in Finnish, Swedish and English."""

    __pydantic_config__ = _STRICT

    fi: str
    sv: str
    en: str

    def all(self) -> tuple[str, str, str]:
        """The three names: (Finnish, Swedish, English)."""
        return (self.fi, self.sv, self.en)


@dataclass(frozen=True)
class Municipality:
    """A municipality of a region, as Statistics Finland classifies it (codes and names)."""

    __pydantic_config__ = _STRICT

    code: str = described("Statistics Finland's three-digit municipality code.", pattern=r"^\d{3}$")
    names: Names = described("Statistics Finland's names in Finnish, Swedish and English.")
    aliases: tuple[str, ...] = described(
        "Other names a person types, where the official label is not one (Maarianhamina).",
        default=(),
    )

    def all_names(self) -> list[str]:
        """Every name a person may type for the municipality, original spelling, no repeats."""
        return list(dict.fromkeys([*self.names.all(), *self.aliases]))


@dataclass(frozen=True)
class FormerMunicipality:
    """A municipality merged into another one of its region: a name people still type."""

    __pydantic_config__ = _STRICT

    code: str = described("Its three-digit code before the merger.", pattern=r"^\d{3}$")
    names: Names = described("Its names in Finnish, Swedish and English.")
    merged_into: str = described(
        "The code of the municipality of the same region that it became part of.",
        pattern=r"^\d{3}$",
    )
    merged_on: dt.date = described("The day the merger took effect.")

    def all_names(self) -> list[str]:
        """Its names (Finnish, Swedish, English), original spelling, each once."""
        return list(dict.fromkeys(self.names.all()))


@dataclass(frozen=True)
class Population:
    """How many people live in a region on a day: context, never a classification."""

    __pydantic_config__ = _STRICT

    residents: int = described("Residents (population) on the day.", ge=0)
    date: dt.date = described("The day the figure refers to; the same for every region.")
    publisher: Names | None = described(
        "Who published the figure, where not the dataset's statistics publisher.", default=None
    )


@dataclass(frozen=True)
class Section:
    """One of the report's four sections of a county's description."""

    __pydantic_config__ = _STRICT

    heading: str = described("The section's heading as printed in the report.")
    page: int = described("The report page on which the section starts.", ge=1)
    text: str = described("The section's text, verbatim; paragraphs separated by a blank line.")


@dataclass(frozen=True)
class Sections:
    """The report's four sections of a region's description; None where the report lacks
    one."""

    __pydantic_config__ = _STRICT

    service_support: Section | None = None
    general_support: Section | None = None
    cooperation: Section | None = None
    organisation_funding: Section | None = None

    def present(self) -> list[tuple[SectionName, Section]]:
        """The sections the report has for the region, in the report's order, each with its
        name."""
        return [
            (name, section)
            for name in SectionName
            if (section := getattr(self, name.value)) is not None
        ]


@dataclass(frozen=True)
class Region:
    """A wellbeing services county, or another region in the report's scope."""

    __pydantic_config__ = _STRICT

    id: str = described(
        "Stable identifier: lower-case ASCII words joined by '-'.", pattern=r"^[a-z]+(-[a-z]+)*$"
    )
    kind: RegionKind = described("What kind of organiser of services the region is.")
    names: Names = described("Official names in Finnish, Swedish and English.")
    short_names: Names = described("The names people use in running text.")
    interviewed: bool = described("Whether the report describes the region.")
    code: str | None = described(
        "Statistics Finland's code of the wellbeing services county (01-21; 90 Helsinki, "
        "91 Åland); none for the HUS Group.",
        default=None,
        pattern=r"^\d{2}$",
    )
    aliases: tuple[str, ...] = described("Brand names and abbreviations.", default=())
    page: int | None = described(
        "The report page where the region's model starts.", default=None, ge=1
    )
    population: Population | None = described(
        "Residents on the statistics' day (none for the HUS Group, whose residents are its "
        "member regions').",
        default=None,
    )
    municipalities: tuple[Municipality, ...] = described(
        "The municipalities whose services the region organises.", default=()
    )
    former_municipalities: tuple[FormerMunicipality, ...] = described(
        "Municipalities merged into one of `municipalities`.", default=()
    )
    sections: Sections = described("The report's text for the region.", default=Sections)
    general_support: GeneralSupport = field(default_factory=GeneralSupport)
    service_support: ServiceSupport = field(default_factory=ServiceSupport)
    cooperation: Cooperation = field(default_factory=Cooperation)
    funding: Funding = field(default_factory=Funding)
    notes: tuple[Note, ...] = described("Remarks on the region as a whole.", default=())
    removed: tuple[Removal, ...] = described(
        "Members of sets that a newer source removed, each with its history.", default=()
    )

    def all_names(self) -> list[str]:
        """Every name a person may type for this region, original spelling, no repeats."""
        code = (self.code,) if self.code else ()
        names = [self.id, *code, *self.short_names.all(), *self.names.all(), *self.aliases]
        return list(dict.fromkeys(names))

    def municipality(self, code: str) -> Municipality | None:
        """The region's current municipality with this code, if it has one."""
        return next((m for m in self.municipalities if m.code == code), None)


@dataclass(frozen=True)
class Source:
    """The report the dataset is drawn from: the first source, whose id is REPORT_ID."""

    __pydantic_config__ = _STRICT

    title: str
    authors: tuple[str, ...]
    date: dt.date
    commissioner: str
    interview_period: str
    file: str = described("The report's text, relative to the dataset file.")
    url: str | None = described("Where the report is published.", default=None)


@dataclass(frozen=True)
class AddedSource:
    """A source newer than the report (a web page's passage, a board's decision, an e-mail),
    its text saved beside the dataset so that every quote from it can be checked."""

    __pydantic_config__ = _STRICT

    id: str = described(
        "Stable identifier: lower-case ASCII letters and digits joined by '-'.",
        pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$",
    )
    title: str = described("What the source is, e.g. a page's or a decision's title.", min_length=1)
    date: dt.date = described("When it was published, or read if it bears no date (YYYY-MM-DD).")
    file: str = described("Its text, relative to the dataset file.", min_length=1)
    publisher: str | None = described("Who published it (an organisation).", default=None)
    authors: tuple[str, ...] = described("Who wrote it, where that is known.", default=())
    url: str | None = described("Where to find it.", default=None)


@dataclass(frozen=True)
class Statistics:
    """Where the regions' official codes, municipalities and populations come from."""

    __pydantic_config__ = _STRICT

    publisher: Names = described("The statistics' publisher in Finnish, Swedish and English.")
    classification_date: dt.date = described(
        "The version of the classification of wellbeing services counties and municipalities."
    )
    licence: str = described("The licence of the publisher's data (e.g. CC BY 4.0).")
    files: str = described("The publisher's files as downloaded, relative to the dataset file.")


@dataclass(frozen=True)
class Dataset:
    """Every region of the report, with the report's metadata and the newer sources."""

    __pydantic_config__ = _STRICT

    source: Source
    regions: tuple[Region, ...]
    schema_version: int = SCHEMA_VERSION
    statistics: Statistics | None = described(
        "Where the codes, municipalities and populations come from; needed when regions carry any.",
        default=None,
    )
    sources: tuple[AddedSource, ...] = described(
        "Sources newer than the report, each with its text beside the dataset.", default=()
    )

    def region(self, region_id: str) -> Region:
        """The region with this id (an exact id: lookup.RegionIndex resolves names). Raises
        StopIteration if no region has it."""
        return next(r for r in self.regions if r.id == region_id)


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def to_jsonable(value: Any) -> Any:
    """A model as plain JSON data, fields in declaration order, enums as their codes."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {name: to_jsonable(getattr(value, name)) for name in _field_names(type(value))}
    if isinstance(value, tuple | list):
        return [to_jsonable(item) for item in value]
    if isinstance(value, DescribedEnum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
