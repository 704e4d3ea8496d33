"""The gettext catalogues as the tests read them: every message in the three languages."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).resolve().parent.parent / "src" / "digituki_cli" / "locale"


@dataclass(frozen=True)
class Message:
    """One message (a plural form counts as its own message) with its texts by language."""

    context: str | None
    texts: dict[str, str]  # en (the message id), fi, sv


@cache
def translations() -> tuple[Message, ...]:
    """Every message of the Finnish and Swedish catalogues, plural forms one by one."""
    by_key: dict[tuple[str | None, str], dict[str, str]] = {}
    for lang in ("fi", "sv"):
        path = LOCALE_DIR / lang / "LC_MESSAGES" / "digituki.po"
        with path.open("rb") as stream:
            catalog = read_po(stream, locale=lang)
        for message in catalog:
            if not message.id:
                continue
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            for msgid, text in zip(ids, strings, strict=True):
                by_key.setdefault((message.context, msgid), {"en": msgid})[lang] = text
    return tuple(Message(context, texts) for (context, _), texts in by_key.items())
