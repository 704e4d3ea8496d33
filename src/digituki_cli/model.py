"""The dataset's vocabulary and shape: Pydantic models and the codebook as enums.

Every enum value carries a description, so `digituki schema` documents the codebook.
Classified values wrap their value in `Evidenced`, which holds the report's own words.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, GetJsonSchemaHandler, field_validator
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

SCHEMA_VERSION = 1


class DescribedEnum(StrEnum):
    """A string enum whose every value has a human description (the codebook)."""

    description: str

    def __new__(cls, value: str, description: str) -> DescribedEnum:
        member = str.__new__(cls, value)
        member._value_ = value
        member.description = description
        return member

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        # oneOf with const + description puts the codebook into editors' completion.
        return {
            "title": cls.__name__,
            "description": (cls.__doc__ or "").strip(),
            "oneOf": [{"const": m.value, "description": m.description} for m in cls],
        }


class RegionKind(DescribedEnum):
    """What kind of organiser of social and health services a region is."""

    COUNTY = "county", "A wellbeing services county (hyvinvointialue)."
    CITY = "city", "A city that organises its own social and health services (Helsinki)."
    JOINT_AUTHORITY = "joint-authority", "A joint authority (HUS-yhtymä)."
    AUTONOMOUS_REGION = "autonomous-region", "An autonomous region (Ahvenanmaa / Åland)."


class Answer(DescribedEnum):
    """A yes/no fact, or that the report does not say."""

    YES = "yes", "The report says so."
    NO = "no", "The report says it is not so."
    NOT_REPORTED = "not-reported", "The report does not say."


class GeneralSupportLevel(DescribedEnum):
    """Yleinen digituki: help with devices and with services other than the county's own."""

    OFFERED = "offered", "The county itself gives general digital support."
    LIMITED = (
        "limited",
        (
            "Only as much as needed to use the county's own services "
            "(e.g. the client's device or strong authentication)."
        ),
    )
    NOT_OFFERED = (
        "not-offered",
        ("The county does not give general digital support; it usually refers clients elsewhere."),
    )
    UNDER_REVIEW = "under-review", "Whether to give general support is being considered."
    NOT_REPORTED = "not-reported", "The report does not say."


class Channel(DescribedEnum):
    """How clients get help with the county's own digital services."""

    WEB_GUIDES = "web-guides", "Instructions on the county's website, as text or video."
    PRINTED_GUIDES = (
        "printed-guides",
        "Printed instructions: guide leaflets or paper versions of guides.",
    )
    PHONE = "phone", "Help by telephone (including a switchboard or advice line)."
    EMAIL = "email", "Help by e-mail."
    CHAT = "chat", "Help in a chat service."
    IN_APP = "in-app", "Messaging inside the county's app, or a feedback form."
    SERVICE_POINT = (
        "service-point",
        ("Fixed premises where anyone can drop in for support or use a computer."),
    )
    OUTREACH = (
        "outreach",
        (
            "Support taken out to events, municipalities, shopping centres, pop-ups or tours "
            "(jalkautuva digituki)."
        ),
    )
    PRESENTATIONS = "presentations", "Info sessions and lectures, on site or online."
    LOCAL_MEDIA = "local-media", "Tips in local newspapers."


class Provider(DescribedEnum):
    """Who gives clients support with the county's own digital services."""

    PROFESSIONALS = (
        "professionals",
        ("Social and health professionals, as part of their client work."),
    )
    DIGITAL_TEAM = "digital-team", "A dedicated person, team or unit for digital support."
    CUSTOMER_SERVICE = (
        "customer-service",
        ("A central customer service, switchboard or advice line."),
    )
    DIGIMENTORS = "digimentors", "Professionals designated to build colleagues' digital skills."
    VOLUNTEERS = "volunteers", "Volunteers and peer supporters."
    STUDENTS = "students", "Students (e.g. in vocational or higher education)."
    PARTNER_ORGANISATIONS = (
        "partner-organisations",
        ("NGOs, municipalities or others helping with the county's services."),
    )


class ProfessionalDuty(DescribedEnum):
    """Whether professionals must give or arrange digital support."""

    EXPLICIT = (
        "explicit",
        (
            "The report says professionals are obliged or required to give or arrange digital support."
        ),
    )
    PART_OF_WORK = (
        "part-of-work",
        ("Professionals give digital support as part of their work; no obligation is stated."),
    )
    NOT_REPORTED = "not-reported", "The report does not say."


class Language(DescribedEnum):
    """A language of guide material."""

    FI = "fi", "Finnish."
    SV = "sv", "Swedish."
    EN = "en", "English."


class Partner(DescribedEnum):
    """A kind of organisation the county works with on digital support (or refers clients to)."""

    MUNICIPALITIES = "municipalities", "Municipalities and cities."
    LIBRARIES = "libraries", "Libraries."
    NGOS = (
        "ngos",
        ("NGOs: järjestöt, yhdistykset, the third sector, pensioners' and family organisations."),
    )
    PARISHES = "parishes", "Parishes (seurakunnat)."
    EDUCATION = (
        "education",
        ("Vocational and higher education institutions, adult education centres."),
    )
    KELA = "kela", "Kela, the Social Insurance Institution of Finland."
    DVV = "dvv", "DVV, the Digital and Population Data Services Agency."
    SUPPORT_NETWORK = "support-network", "A regional digital support network (digitukiverkosto)."
    OTHER_COUNTIES = "other-counties", "Other wellbeing services counties."
    INTERNAL = "internal", "Cooperation between the county's own functions."


class FundingAfterProject(DescribedEnum):
    """How digital support is organised and funded after the project funding ends."""

    REGULAR_BUDGET = (
        "regular-budget",
        ("Continues within regular operations or budget, including 'no separate funding needed'."),
    )
    UNCLEAR = "unclear", "The report says the arrangement or funding after the project is unclear."
    NOT_REPORTED = "not-reported", "The report does not say."


class SectionName(DescribedEnum):
    """The report's four sections of a county's description."""

    SERVICE_SUPPORT = (
        "service_support",
        ("Asiointitilanteisiin liittyvä digituki: support in service situations."),
    )
    GENERAL_SUPPORT = "general_support", "Yleinen digituki: general digital support."
    COOPERATION = "cooperation", "Yhteistyöt: cooperation."
    ORGANISATION_FUNDING = (
        "organisation_funding",
        ("Digituen organisointi ja rahoitus: organisation and funding."),
    )

    @property
    def report_heading(self) -> str:
        """The heading the report gives the section (in Finnish)."""
        return self.description.split(":")[0]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, validate_default=True)


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


class EvidencedAnswer(Evidenced[Answer]):
    # PyYAML reads unquoted yes/no as booleans (YAML 1.1); accept them for what they mean.
    _from_yaml_bool = field_validator("value", mode="before")(
        lambda v: ("yes" if v else "no") if isinstance(v, bool) else v
    )


def _not_reported(enum_value: Any) -> Any:
    return Field(default_factory=lambda: {"value": enum_value})


class GeneralSupport(Strict):
    level: Evidenced[GeneralSupportLevel] = _not_reported(GeneralSupportLevel.NOT_REPORTED)
    referral_targets: tuple[Evidenced[Partner], ...] = ()
    assisted_authorization: EvidencedAnswer = _not_reported(Answer.NOT_REPORTED)


class ServiceSupport(Strict):
    channels: tuple[Evidenced[Channel], ...] = ()
    providers: tuple[Evidenced[Provider], ...] = ()
    professional_duty: Evidenced[ProfessionalDuty] = _not_reported(ProfessionalDuty.NOT_REPORTED)
    plain_language: EvidencedAnswer = _not_reported(Answer.NOT_REPORTED)
    guide_languages: tuple[Evidenced[Language], ...] = ()


class Cooperation(Strict):
    partners: tuple[Evidenced[Partner], ...] = ()


class Funding(Strict):
    after_project: Evidenced[FundingAfterProject] = _not_reported(FundingAfterProject.NOT_REPORTED)
    project_funded: EvidencedAnswer = _not_reported(Answer.NOT_REPORTED)
    responsible_unit: Evidenced[str | None] = _not_reported(None)


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
