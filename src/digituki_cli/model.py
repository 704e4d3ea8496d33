"""The dataset's shape: Pydantic models over the codebook's vocabularies (vocabulary.py).

Classified values wrap their value in `Evidenced`, which holds the report's own words.
Models are built lazily (defer_build): a run served from the cache never builds them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator

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
    "Answer",
    "Channel",
    "Cooperation",
    "Dataset",
    "DescribedEnum",
    "Evidenced",
    "EvidencedAnswer",
    "EvidencedChannel",
    "EvidencedDuty",
    "EvidencedFunding",
    "EvidencedLanguage",
    "EvidencedLevel",
    "EvidencedPartner",
    "EvidencedProvider",
    "EvidencedText",
    "Funding",
    "FundingAfterProject",
    "GeneralSupport",
    "GeneralSupportLevel",
    "Language",
    "Names",
    "Partner",
    "ProfessionalDuty",
    "Provider",
    "Region",
    "RegionKind",
    "Section",
    "SectionName",
    "Sections",
    "ServiceSupport",
    "Source",
]

SCHEMA_VERSION = 1


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, validate_default=True, defer_build=True)


T = TypeVar("T", covariant=True)


class Evidenced(Strict, Generic[T]):
    """A classified value with the report's words that support it."""

    value: T
    evidence: tuple[str, ...] = Field(
        default=(), description="Quotes copied verbatim from the region's own text."
    )
    note: str | None = Field(
        default=None, description="Why this reading was chosen, where the text is ambiguous."
    )


# Named subclasses rather than bare Evidenced[X]: they pickle (for the cache) and give the
# JSON Schema readable names.
class EvidencedAnswer(Evidenced[Answer]):
    # PyYAML reads unquoted yes/no as booleans (YAML 1.1); accept them for what they mean.
    _from_yaml_bool = field_validator("value", mode="before")(
        lambda v: ("yes" if v else "no") if isinstance(v, bool) else v
    )


class EvidencedLevel(Evidenced[GeneralSupportLevel]):
    pass


class EvidencedChannel(Evidenced[Channel]):
    pass


class EvidencedProvider(Evidenced[Provider]):
    pass


class EvidencedDuty(Evidenced[ProfessionalDuty]):
    pass


class EvidencedLanguage(Evidenced[Language]):
    pass


class EvidencedPartner(Evidenced[Partner]):
    pass


class EvidencedFunding(Evidenced[FundingAfterProject]):
    pass


class EvidencedText(Evidenced[str | None]):
    pass


def _not_reported(enum_value: Any) -> Any:
    return Field(default_factory=lambda: {"value": enum_value})


class GeneralSupport(Strict):
    level: EvidencedLevel = _not_reported(GeneralSupportLevel.NOT_REPORTED)
    referral_targets: tuple[EvidencedPartner, ...] = ()
    assisted_authorization: EvidencedAnswer = _not_reported(Answer.NOT_REPORTED)


class ServiceSupport(Strict):
    channels: tuple[EvidencedChannel, ...] = ()
    providers: tuple[EvidencedProvider, ...] = ()
    professional_duty: EvidencedDuty = _not_reported(ProfessionalDuty.NOT_REPORTED)
    plain_language: EvidencedAnswer = _not_reported(Answer.NOT_REPORTED)
    guide_languages: tuple[EvidencedLanguage, ...] = ()


class Cooperation(Strict):
    partners: tuple[EvidencedPartner, ...] = ()


class Funding(Strict):
    after_project: EvidencedFunding = _not_reported(FundingAfterProject.NOT_REPORTED)
    project_funded: EvidencedAnswer = _not_reported(Answer.NOT_REPORTED)
    responsible_unit: EvidencedText = _not_reported(None)


class Names(Strict):
    fi: str
    sv: str
    en: str


class Section(Strict):
    heading: str = Field(description="The section's heading as printed in the report.")
    page: int = Field(ge=1, description="The report page on which the section starts.")
    text: str = Field(
        description="The section's text, verbatim; paragraphs separated by a blank line."
    )


class Sections(Strict):
    service_support: Section | None = None
    general_support: Section | None = None
    cooperation: Section | None = None
    organisation_funding: Section | None = None

    def present(self) -> list[tuple[SectionName, Section]]:
        return [
            (name, section)
            for name in SectionName
            if (section := getattr(self, name.value)) is not None
        ]


class Region(Strict):
    id: str = Field(pattern=r"^[a-z][a-z-]*[a-z]$")
    kind: RegionKind
    names: Names = Field(description="Official names.")
    short_names: Names = Field(description="The names people use in running text.")
    aliases: tuple[str, ...] = Field(default=(), description="Brand names and abbreviations.")
    interviewed: bool
    page: int | None = Field(default=None, ge=1, description="Where the region's model starts.")
    sections: Sections = Field(default_factory=Sections)
    general_support: GeneralSupport = Field(default_factory=GeneralSupport)
    service_support: ServiceSupport = Field(default_factory=ServiceSupport)
    cooperation: Cooperation = Field(default_factory=Cooperation)
    funding: Funding = Field(default_factory=Funding)
    notes: tuple[str, ...] = Field(default=(), description="Remarks on the region as a whole.")

    def all_names(self) -> list[str]:
        """Every name a person may type for this region, original spelling, no repeats."""
        candidates = [
            self.id,
            *self.short_names.model_dump().values(),
            *self.names.model_dump().values(),
            *self.aliases,
        ]
        return list(dict.fromkeys(candidates))


class Source(Strict):
    title: str
    authors: tuple[str, ...]
    date: dt.date
    commissioner: str
    interview_period: str
    file: str = Field(description="The report's text, relative to the dataset file.")


class Dataset(Strict):
    schema_version: int = SCHEMA_VERSION
    source: Source
    regions: tuple[Region, ...]

    def region(self, region_id: str) -> Region:
        return next(r for r in self.regions if r.id == region_id)
