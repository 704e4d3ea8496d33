"""Writing a file whole or not at all: the one atomic writer of digituki.

`export`, the `-o FILE` of every query command and the dataset cache (cache.py) all write
through `write_atomic`: a temporary file beside the target is filled, then renamed into
place, so a reader never sees half a file and a failed write leaves none. Standard library,
errors.py and i18n.py only, so that any layer may use it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from .errors import DigitukiError, UsageError, os_reason
from .i18n import _

STDOUT = "-"


def to_stdout(output: str | None) -> bool:
    """Whether an -o value means standard output: none given, or '-'."""
    return output is None or output == STDOUT


def refuse_binary_on_terminal(fmt: str) -> None:
    """Raise UsageError (exit 2) if stdout is a terminal: a binary format (xlsx, sqlite) would
    only garble it. `fmt` is the format's code, as the user gave it."""
    if sys.stdout.isatty():
        raise UsageError(
            _("{format} is a binary format and is not written to a terminal").format(format=fmt),
            hint=_("give -o FILE, e.g. -o digituki.{format}, or redirect stdout to a file").format(
                format=fmt
            ),
        )


def write_bytes(path: Path, data: bytes) -> None:
    """The bytes to the file, flushed to the disk (a `fill` for write_atomic)."""
    with path.open("wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())


def built(fill: Callable[[Path], None]) -> bytes:
    """What `fill` writes to a file, built in a scratch folder and read back (for targets that
    cannot be renamed over: stdout, a device)."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="digituki-") as scratch:
        path = Path(scratch) / "export"
        fill(path)
        return path.read_bytes()


def write_atomic(
    target: Path, fill: Callable[[Path], None], force: bool, mode: int | None = None
) -> int:
    """Fill a temporary file beside the target, then rename it into place; return its size
    in bytes.

    Without force an existing target is never replaced, even if one appears meanwhile. A
    symbolic link is followed (the file it names is replaced, the link stays). The file gets
    `mode` if given (the cache: 0o600), else a replaced file keeps its permissions and a new
    one gets those of any new file (0o666 less the umask). A target that is not a regular file (a device such as
    /dev/null, a pipe) is written into, never replaced. Raises DigitukiError (exit 1) if the
    target exists (without force), is a directory, lies in no directory, or cannot be
    written; the temporary file is removed whatever happens.
    """
    real = Path(os.path.realpath(target))
    if real.is_dir():
        raise DigitukiError(
            _("{target} is a directory").format(target=target), hint=_("give a file name with -o")
        )
    if real.exists() and not real.is_file():
        return _write_in_place(real, fill)
    if real.exists() and not force:
        raise file_exists(target)
    parent = real.parent
    if not parent.is_dir():
        raise _cannot_write(target, _("no such directory {path}").format(path=parent))
    temp = _create_temp(real)
    try:
        fill(temp)
        size = temp.stat().st_size
        if mode is not None:
            os.chmod(temp, mode)
        elif real.exists():
            os.chmod(temp, real.stat().st_mode & 0o7777)
        _publish(temp, real, force)
    except OSError as exc:
        raise _cannot_write(target, os_reason(exc)) from None
    finally:
        temp.unlink(missing_ok=True)
    return size


def file_exists(target: Path) -> DigitukiError:
    """The error for a target that exists and may not be replaced (no --force)."""
    return DigitukiError(
        _("{target} exists").format(target=target), hint=_("add --force to replace it")
    )


def _cannot_write(target: Path, reason: str) -> DigitukiError:
    return DigitukiError(_("cannot write {target}: {reason}").format(target=target, reason=reason))


def _write_in_place(device: Path, fill: Callable[[Path], None]) -> int:
    data = built(fill)
    try:
        with device.open("wb") as stream:
            stream.write(data)
    except OSError as exc:
        raise _cannot_write(device, os_reason(exc)) from None
    return len(data)


def _create_temp(target: Path) -> Path:
    while True:
        temp = target.with_name(f".{target.name}.{os.urandom(4).hex()}.tmp")
        try:
            # 0o666 less the umask: the file gets the permissions any new file would.
            os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            continue
        except OSError as exc:
            raise _cannot_write(target, os_reason(exc)) from None
        return temp


def _publish(temp: Path, target: Path, force: bool) -> None:
    if force:
        os.replace(temp, target)
        return
    try:
        os.link(temp, target)  # fails if the target exists: no check-then-replace race
    except FileExistsError:
        raise file_exists(target) from None
    except OSError:
        # A file system without hard links: check, then rename.
        if target.exists():
            raise file_exists(target) from None
        os.replace(temp, target)
