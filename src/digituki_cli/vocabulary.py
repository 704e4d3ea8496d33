"""The codebook: every vocabulary of the dataset as an enum with a description for each value.

No Pydantic here: the command line imports these for its option choices, and `--help` and
shell completion must not pay for loading Pydantic.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic import GetJsonSchemaHandler


class DescribedEnum(StrEnum):
    """A string enum whose every value has a human description (the codebook)."""

    description: str

    def __new__(cls, value: str, description: str) -> DescribedEnum:
        member = str.__new__(cls, value)
        member._value_ = value
        member.description = description
        return member

    @classmethod
    def summary(cls) -> str:
        """What the codebook is about: its docstring on one line (a message id in the catalogue)."""
        return " ".join((cls.__doc__ or "").split())

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: Any, handler: GetJsonSchemaHandler
    ) -> dict[str, Any]:
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

    @classmethod
    def _missing_(cls, value: object) -> Answer | None:
        # PyYAML reads unquoted yes/no as booleans (YAML 1.1); take them for what they mean.
        if isinstance(value, bool):
            return cls.YES if value else cls.NO
        return None


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
    GUIDES = (
        "guides",
        (
            "Guide material on using the county's services, where the report does not say "
            "whether it is on the web or printed."
        ),
    )
    PHONE = "phone", "Help by telephone (including a switchboard or advice line)."
    EMAIL = "email", "Help by e-mail."
    CHAT = "chat", "Help in a chat service."
    IN_APP = "in-app", "Messaging inside the county's app, or a feedback form."
    ADVICE_SERVICE = (
        "advice-service",
        (
            "An advice or contact service that clients can turn to, where the report does not "
            "say by which medium (phone, e-mail, chat or a visit)."
        ),
    )
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
    """Who gives clients support with the county's own digital services (digimentors support
    the colleagues who do)."""

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
    def group(self) -> str:
        """The region's group of classifications that this section's text supports."""
        return "funding" if self is SectionName.ORGANISATION_FUNDING else self.value

    @property
    def report_heading(self) -> str:
        """The heading the report gives the section (in Finnish)."""
        return self.description.split(":")[0]


class GapKind(DescribedEnum):
    """A gap in digital support that the report reveals."""

    FUNDING_UNCLEAR = "funding-unclear", "Funding or organisation after the project is unclear."
    FUNDING_NOT_REPORTED = (
        "funding-not-reported",
        ("The report does not say how support is funded after the project."),
    )
    NO_GENERAL_SUPPORT = (
        "no-general-support",
        ("General support is not offered; clients are referred to a named kind of partner."),
    )
    NO_GENERAL_SUPPORT_NO_REFERRAL = (
        "no-general-support-no-referral",
        ("General support is not offered and no referral target is named."),
    )
    NO_REMOTE_CHANNEL = (
        "no-remote-channel",
        "The report names no help by phone, e-mail, chat or app, nor any other contact service.",
    )
    CONTACT_MEDIUM_NOT_STATED = (
        "contact-medium-not-stated",
        "A contact or advice service is named, but not by which medium.",
    )
    MISSING_SECTION = "missing-section", "The report lacks one of the region's four sections."
    NOT_INTERVIEWED = "not-interviewed", "The region was not interviewed; the report is silent."


class StatField(DescribedEnum):
    """A classification that `digituki stats` counts across the interviewed regions."""

    GENERAL_SUPPORT = "general_support", "General support level (one per region)."
    FUNDING = "funding", "Funding after the project (one per region)."
    PROFESSIONAL_DUTY = "professional_duty", "Professionals' duty to give support (one per region)."
    CHANNELS = "channels", "Channels of support with the county's services (several per region)."
    PROVIDERS = "providers", "Who gives that support (several per region)."
    PARTNERS = "partners", "Cooperation partners (several per region)."
