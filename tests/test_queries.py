"""Queries on the real dataset; every expected id list was checked against the report."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from digituki_cli.model import (
    Channel,
    Dataset,
    FundingAfterProject,
    GeneralSupportLevel,
    Partner,
    ProfessionalDuty,
    Provider,
)
from digituki_cli.queries import Criteria, GapKind, compare, feature_matrices, filter_regions, gaps


def ids(dataset: Dataset, criteria: Criteria) -> list[str]:
    return [m.region.id for m in filter_regions(dataset.regions, criteria)]


def test_email(dataset: Dataset) -> None:
    # Kanta-Häme "sähköpostin välityksellä", Lappi and Länsi-Uusimaa and Satakunta
    # "sähköpostitse", Pohjois-Karjala "digisotekeskuksen yhteissähköpostiosoite".
    assert ids(dataset, Criteria(channels=(Channel.EMAIL,))) == [
        "kanta-hame", "lappi", "lansi-uusimaa", "pohjois-karjala", "satakunta",
    ]  # fmt: skip


def test_repeated_channel_means_all_of_them(dataset: Dataset) -> None:
    assert ids(dataset, Criteria(channels=(Channel.PHONE, Channel.EMAIL))) == [
        "kanta-hame", "lappi", "lansi-uusimaa", "satakunta",
    ]  # fmt: skip


def test_chat_and_in_app(dataset: Dataset) -> None:
    assert ids(dataset, Criteria(channels=(Channel.CHAT,))) == [
        "keski-pohjanmaa",
        "lansi-uusimaa",
        "satakunta",
    ]
    assert ids(dataset, Criteria(channels=(Channel.IN_APP,))) == ["paijat-hame"]


def test_who_cooperates_with_parishes(dataset: Dataset) -> None:
    assert ids(dataset, Criteria(partners=(Partner.PARISHES,))) == [
        "etela-karjala", "pohjois-karjala", "pohjois-pohjanmaa",
    ]  # fmt: skip


def test_funding_unclear_and_email(dataset: Dataset) -> None:
    criteria = Criteria(channels=(Channel.EMAIL,), after_project=FundingAfterProject.UNCLEAR)
    assert ids(dataset, criteria) == ["kanta-hame", "pohjois-karjala"]


def test_general_support_offered_or_limited_and_not_offered(dataset: Dataset) -> None:
    assert ids(dataset, Criteria(general_support=True)) == [
        "etela-karjala", "lansi-uusimaa", "pirkanmaa", "pohjois-savo",
    ]  # fmt: skip
    assert len(ids(dataset, Criteria(general_support=False))) == 13
    assert ids(dataset, Criteria(general_support_level=GeneralSupportLevel.UNDER_REVIEW)) == [
        "keski-suomi"
    ]


def test_flags(dataset: Dataset) -> None:
    assert ids(dataset, Criteria(assisted_mandates=True)) == ["kainuu", "lappi", "pirkanmaa"]
    assert ids(dataset, Criteria(plain_language=True)) == ["kymenlaakso", "lappi", "pohjois-savo"]
    assert ids(dataset, Criteria(project_funded=True)) == [
        "etela-savo", "ita-uusimaa", "kainuu", "kanta-hame", "pirkanmaa", "pohjanmaa",
        "pohjois-karjala", "pohjois-pohjanmaa", "pohjois-savo", "paijat-hame", "satakunta",
        "varsinais-suomi",
    ]  # fmt: skip


def test_explicit_obligation(dataset: Dataset) -> None:
    assert ids(dataset, Criteria(professional_duty=ProfessionalDuty.EXPLICIT)) == [
        "kainuu", "kanta-hame", "kymenlaakso", "lansi-uusimaa", "pohjois-karjala", "satakunta",
    ]  # fmt: skip


def test_any_means_at_least_one_condition(dataset: Dataset) -> None:
    # "Who already runs chat or phone support?": chat (Keski-Pohjanmaa, Länsi-Uusimaa,
    # Satakunta) or phone (those and Kanta-Häme, Lappi, Pohjanmaa), in the report's order.
    both = Criteria(channels=(Channel.CHAT, Channel.PHONE), match_any=True)
    matches = filter_regions(dataset.regions, both)
    assert [m.region.id for m in matches] == [
        "kanta-hame", "keski-pohjanmaa", "lappi", "lansi-uusimaa", "pohjanmaa", "satakunta",
    ]  # fmt: skip
    met = {m.region.id: [(r.what, r.value) for r in m.reasons] for m in matches}
    assert met["kanta-hame"] == [("channel", Channel.PHONE)]  # only what it met
    assert met["satakunta"] == [("channel", Channel.CHAT), ("channel", Channel.PHONE)]


def test_any_mixes_kinds_of_condition(dataset: Dataset) -> None:
    criteria = Criteria(
        partners=(Partner.PARISHES,), after_project=FundingAfterProject.UNCLEAR, match_any=True
    )
    matches = {m.region.id: m for m in filter_regions(dataset.regions, criteria)}
    assert list(matches) == [
        "etela-karjala", "kanta-hame", "keski-suomi", "pohjanmaa", "pohjois-karjala",
        "pohjois-pohjanmaa", "pohjois-savo",
    ]  # fmt: skip
    assert [r.what for r in matches["pohjois-karjala"].reasons] == ["partner", "funding"]
    assert [r.what for r in matches["etela-karjala"].reasons] == ["partner"]


def test_no_condition_matches_every_region_with_or_without_any(dataset: Dataset) -> None:
    every = [r.id for r in dataset.regions]
    assert ids(dataset, Criteria()) == every
    assert ids(dataset, Criteria(match_any=True)) == every
    assert Criteria(match_any=True).empty()
    assert not Criteria(plain_language=True, match_any=True).empty()


def test_interviewed_or_not(dataset: Dataset) -> None:
    assert len(ids(dataset, Criteria(interviewed=True))) == 18
    assert ids(dataset, Criteria(interviewed=False)) == [
        "keski-uusimaa", "vantaa-kerava", "etela-pohjanmaa", "helsinki", "hus", "ahvenanmaa",
    ]  # fmt: skip


def test_match_carries_its_evidence(dataset: Dataset) -> None:
    [match] = filter_regions(dataset.regions, Criteria(channels=(Channel.IN_APP,)))
    [reason] = match.reasons
    assert (reason.what, reason.value) == ("channel", Channel.IN_APP)
    assert reason.item is not None
    assert "voi yhteyttä ottaa palautelomakkeen kautta" in reason.item.evidence


def test_gaps_funding_unclear_lists_exactly_those_regions(dataset: Dataset) -> None:
    report = gaps(dataset.regions, after_project=FundingAfterProject.UNCLEAR)
    assert sorted({g.region.id for g in report.gaps}) == [
        "kanta-hame", "keski-suomi", "pohjanmaa", "pohjois-karjala", "pohjois-savo",
    ]  # fmt: skip


def test_gap_summary_counts(dataset: Dataset) -> None:
    summary = {each.kind: (each.count, each.total) for each in gaps(dataset.regions).summary}
    assert summary[GapKind.FUNDING_UNCLEAR] == (5, 18)
    assert summary[GapKind.FUNDING_NOT_REPORTED] == (3, 18)  # Kymenlaakso, Lappi, Länsi-Uusimaa
    assert summary[GapKind.NOT_INTERVIEWED] == (6, 24)
    assert summary[GapKind.NO_GENERAL_SUPPORT_NO_REFERRAL] == (5, 18)


def test_no_remote_channel(dataset: Dataset) -> None:
    report = gaps(dataset.regions, kinds=(GapKind.NO_REMOTE_CHANNEL,))
    assert [g.region.id for g in report.gaps] == [
        "etela-karjala", "etela-savo", "ita-uusimaa", "keski-suomi", "kymenlaakso",
        "pirkanmaa", "pohjois-savo", "varsinais-suomi",
    ]  # fmt: skip


def test_an_advice_service_of_unstated_medium_is_its_own_gap(dataset: Dataset) -> None:
    # Kainuu: "palveluneuvonnasta voi myös saada digitukea"; Pohjois-Pohjanmaa: "Pohteen
    # yleinen neuvontapalvelu sekä ikäihmisten Aino-neuvonta ... yhteydenottokanavien kautta".
    report = gaps(dataset.regions, kinds=(GapKind.CONTACT_MEDIUM_NOT_STATED,))
    assert [g.region.id for g in report.gaps] == ["kainuu", "pohjois-pohjanmaa"]
    kainuu = report.gaps[0]
    assert kainuu.evidence == (
        "Kainuun hyvinvointialueen palveluneuvonnasta voi myös saada digitukea.",
    )
    assert Channel.ADVICE_SERVICE in kainuu.values
    assert [(each.kind, each.count) for each in report.summary] == [
        (GapKind.CONTACT_MEDIUM_NOT_STATED, 2)
    ]


def test_no_region_is_both_without_remote_channel_and_of_unstated_medium(
    dataset: Dataset,
) -> None:
    report = gaps(dataset.regions)
    without = {g.region.id for g in report.gaps if g.kind is GapKind.NO_REMOTE_CHANNEL}
    unstated = {g.region.id for g in report.gaps if g.kind is GapKind.CONTACT_MEDIUM_NOT_STATED}
    assert not without & unstated
    assert len(without | unstated) == 10  # the regions with no phone, e-mail, chat or app


def test_channels_of_unstated_medium(dataset: Dataset) -> None:
    advice = filter_regions(dataset.regions, Criteria(channels=(Channel.ADVICE_SERVICE,)))
    assert [m.region.id for m in advice] == ["kainuu", "pohjois-pohjanmaa"]
    guides = filter_regions(dataset.regions, Criteria(channels=(Channel.GUIDES,)))
    assert [m.region.id for m in guides] == ["kainuu", "lappi"]


def test_compare_marks_differences(dataset: Dataset) -> None:
    comparison = compare([dataset.region("kainuu"), dataset.region("lappi")])
    differing = {row.attribute.key for row in comparison.rows if row.differ}
    assert "general_support" not in differing  # both not-offered
    assert {"channels", "professional_duty", "funding"} <= differing


def test_feature_matrix_covers_every_member(dataset: Dataset) -> None:
    channels, providers, partners = feature_matrices(dataset.regions)
    assert len(channels.members) == len(Channel)
    assert len(providers.members) == len(Provider)
    assert len(partners.members) == len(Partner)


criteria_strategy = st.builds(
    Criteria,
    general_support=st.none() | st.booleans(),
    channels=st.lists(st.sampled_from(list(Channel)), max_size=2).map(tuple),
    partners=st.lists(st.sampled_from(list(Partner)), max_size=2).map(tuple),
    after_project=st.none() | st.sampled_from(list(FundingAfterProject)),
    plain_language=st.booleans(),
    interviewed=st.none() | st.booleans(),
)


@given(criteria_strategy, criteria_strategy)
def test_filters_are_subsets_and_combine_as_intersection(first: Criteria, second: Criteria) -> None:
    from digituki_cli.load import load_dataset
    from digituki_cli.paths import bundled_dataset

    regions = load_dataset(bundled_dataset()).dataset.regions
    a = {m.region.id for m in filter_regions(regions, first)}
    b = {m.region.id for m in filter_regions(regions, second)}
    assert a <= {r.id for r in regions}
    both = Criteria(
        general_support=first.general_support
        if first.general_support is not None
        else second.general_support,
        channels=first.channels + second.channels,
        partners=first.partners + second.partners,
        after_project=first.after_project or second.after_project,
        plain_language=first.plain_language or second.plain_language,
        interviewed=first.interviewed if first.interviewed is not None else second.interviewed,
    )
    combined = {m.region.id for m in filter_regions(regions, both)}
    conflicting = (
        (
            first.general_support is not None
            and second.general_support not in (None, first.general_support)
        )
        or (
            first.after_project
            and second.after_project
            and first.after_project != second.after_project
        )
        or (first.interviewed is not None and second.interviewed not in (None, first.interviewed))
    )
    if not conflicting:
        assert combined == a & b


@given(criteria_strategy)
def test_any_is_the_union_of_the_single_conditions(criteria: Criteria) -> None:
    from dataclasses import replace

    from digituki_cli.load import load_dataset
    from digituki_cli.paths import bundled_dataset

    regions = load_dataset(bundled_dataset()).dataset.regions
    singles = [
        *(Criteria(channels=(c,)) for c in criteria.channels),
        *(Criteria(partners=(p,)) for p in criteria.partners),
        *(
            [Criteria(general_support=criteria.general_support)]
            * (criteria.general_support is not None)
        ),
        *([Criteria(after_project=criteria.after_project)] * (criteria.after_project is not None)),
        *([Criteria(plain_language=True)] * criteria.plain_language),
        *([Criteria(interviewed=criteria.interviewed)] * (criteria.interviewed is not None)),
    ]
    found = [m.region.id for m in filter_regions(regions, replace(criteria, match_any=True))]
    every = [m.region.id for m in filter_regions(regions, criteria)]
    if not singles:
        assert found == every == [r.id for r in regions]
        return
    union = {m.region.id for single in singles for m in filter_regions(regions, single)}
    assert found == [r.id for r in regions if r.id in union]  # the regions' order kept
    assert set(every) <= set(found)
