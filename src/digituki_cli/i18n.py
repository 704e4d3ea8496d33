"""The interface language: gettext catalogues in Finnish and Swedish, English as message ids.

Every human-facing text in the code is an English message id, marked with `_` (or
`ngettext` for plurals, `pgettext` with a context, `N_` where a text is only marked and
translated later, `label` and `describe` for the codebook) and translated from `locale/<lang>/LC_MESSAGES/digituki.mo`.
The `.po` files are kept with Babel (scripts/update_catalogues.py); a test fails when they
are out of date with the code. The language is chosen once per run (`set_language`), the way
gettext programs do; views and errors read it when they build their text.

Only the standard library's `gettext` is loaded at run time: start-up stays fast.
"""

from __future__ import annotations

import gettext as _gettext
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    import datetime as dt

    from .vocabulary import DescribedEnum

DOMAIN = "digituki"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"


class InterfaceLanguage(StrEnum):
    """A language the interface speaks (--lang); not the codebook's guide languages."""

    FI = "fi"
    SV = "sv"
    EN = "en"


LANGUAGES = tuple(language.value for language in InterfaceLanguage)
DEFAULT_LANGUAGE = "en"
LANG_ENV = "DIGITUKI_LANG"
# gettext's order: LANGUAGE (a colon-separated list), then the locale, most specific first.
LOCALE_ENVS = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


class LanguageError(ValueError):
    """A language that digituki does not speak, from --lang or DIGITUKI_LANG."""


_translations: dict[str, _gettext.NullTranslations] = {}
_current: _gettext.NullTranslations = _gettext.NullTranslations()
_language = DEFAULT_LANGUAGE


def _catalogue(lang: str) -> _gettext.NullTranslations:
    if lang not in _translations:
        if lang == DEFAULT_LANGUAGE:
            _translations[lang] = _gettext.NullTranslations()
        else:
            _translations[lang] = _gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang])
    return _translations[lang]


def set_language(lang: str) -> None:
    """Speak `lang` (fi, sv or en) from now on. Raises ValueError for any other code."""
    global _current, _language
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    _current, _language = _catalogue(lang), lang


def language() -> str:
    """The interface language now in use: fi, sv or en."""
    return _language


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Speak `lang` inside the block, then the language before it (for tests and exports)."""
    before = _language
    set_language(lang)
    try:
        yield
    finally:
        set_language(before)


def _(message: str) -> str:
    """The message (an English message id) in the interface language."""
    return _current.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural message for `count`, by the language's plural rule."""
    return _current.ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """The message in the language, told apart by `context` from the same English words
    elsewhere (a short column header that is a shorter word than the attribute's label)."""
    return _current.pgettext(context, message)


def N_(message: str) -> str:
    """Mark a message for the catalogue without translating it yet (translated where shown)."""
    return message


def label(member: DescribedEnum) -> str:
    """A codebook value's label: its code in English, a word in Finnish and Swedish.

    The catalogue holds it with the enum's class name as context (msgctxt) and the code as id.
    """
    return _current.pgettext(type(member).__name__, member.value)


def labels_in_every_language(member: DescribedEnum) -> list[str]:
    """A codebook value's labels in Finnish, Swedish and English (for reading option values)."""
    return [_catalogue(lang).pgettext(type(member).__name__, member.value) for lang in LANGUAGES]


def describe(member: DescribedEnum) -> str:
    """A codebook value's description (vocabulary.py's English text) in the language."""
    return _current.pgettext(type(member).__name__, member.description)


def either(choices: list[str]) -> str:
    """Choices joined with the language's 'or': "a or b" (Finnish "a tai b")."""
    return _(" or ").join(choices)


def codebook_description(codebook: type[DescribedEnum]) -> str:
    """What a codebook (a DescribedEnum class) is about: its docstring, in the language."""
    return _current.pgettext(codebook.__name__, codebook.summary())


class InThreeLanguages(Protocol):
    """Anything with a Finnish, Swedish and English text (model.Names, a publisher's name)."""

    @property
    def fi(self) -> str:
        """The Finnish text."""

    @property
    def sv(self) -> str:
        """The Swedish text."""

    @property
    def en(self) -> str:
        """The English text."""


def in_language(names: InThreeLanguages) -> str:
    """The text of a record in Finnish, Swedish and English (a region's or municipality's
    names, a publisher's) in the interface language."""
    chosen: str = getattr(names, _language)
    return chosen


def number(value: float, digits: int) -> str:
    """A decimal number as the language writes it (3.85 in English, 3,85 in Finnish)."""
    text = f"{value:.{digits}f}"
    return text if _language == "en" else text.replace(".", ",")


# CLDR's separators: Finnish and Swedish group digits with a no-break space and put one
# before the percent sign, so that a number never breaks over two lines.
_NBSP = "\u00a0"
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip


def integer(value: int) -> str:
    """A whole number with its digits grouped as the language does (1,033,222; 1 033 222)."""
    text = f"{value:,}"
    return text if _language == "en" else text.replace(",", _NBSP)


def percent(share: float, digits: int = 1) -> str:
    """A share (0.183) as a percentage in the language (18.3%; 18,3 %)."""
    text = number(100 * share, digits)
    return text + "%" if _language == "en" else text + _NBSP + "%"


def day(value: dt.date) -> str:
    """A date as the language writes it (31 December 2024; 31.12.2024)."""
    if _language == "en":
        return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"
    return f"{value.day}.{value.month}.{value.year}"


def language_code(value: str) -> str | None:
    """fi, sv or en for a value given for --lang or DIGITUKI_LANG; None if it is none of them."""
    code = value.strip().lower()
    return code if code in LANGUAGES else None


def locale_language(value: str) -> str | None:
    """The language of a locale name: fi_FI.UTF-8 -> fi, sv_FI -> sv, en_GB -> en; C, POSIX
    and languages digituki does not speak -> None."""
    code = re.split(r"[_.@-]", value.strip().lower(), maxsplit=1)[0]  # fil_PH is not Finnish
    return code if code in LANGUAGES else None


def resolve_language(option: str | None, environ: Mapping[str, str]) -> str:
    """The interface language: --lang, else DIGITUKI_LANG, else the locale, else English.

    The locale is read in the order of Python's gettext: the first of LANGUAGE, LC_ALL,
    LC_MESSAGES and LANG that is set and not empty decides. LANGUAGE may list languages
    (`sv:fi`): its first one that digituki speaks is taken, and if it names none, the
    next variable decides. A locale of another language (C, POSIX, de_DE) means English.
    Raises LanguageError (in the language the environment would choose) for a --lang or
    DIGITUKI_LANG value other than fi, sv or en.
    """
    if option is not None:
        code = language_code(option)
        if code is None:
            _fallback(environ)
            raise LanguageError(
                _("invalid value for '--lang': {value} (choose from {choices})").format(
                    value=repr(option), choices=", ".join(LANGUAGES)
                )
            )
        return code
    chosen = environ.get(LANG_ENV, "").strip()
    if chosen:
        code = language_code(chosen)
        if code is None:
            _fallback({k: v for k, v in environ.items() if k != LANG_ENV})
            raise LanguageError(
                _(
                    "{variable}={value} is not a language digituki speaks (choose from {choices})"
                ).format(variable=LANG_ENV, value=repr(chosen), choices=", ".join(LANGUAGES))
            )
        return code
    return _locale(environ)


def _locale(environ: Mapping[str, str]) -> str:
    for item in environ.get("LANGUAGE", "").split(":"):
        code = locale_language(item) if item else None
        if code is not None:
            return code
    locale = next((environ[n] for n in LOCALE_ENVS[1:] if environ.get(n)), "")
    return locale_language(locale) or DEFAULT_LANGUAGE


def _fallback(environ: Mapping[str, str]) -> None:
    """Speak the language the environment asks for, to say that --lang is wrong."""
    set_language(_locale(environ))
