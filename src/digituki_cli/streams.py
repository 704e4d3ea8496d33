"""The process's output and exit policy: what a failed write, an encoding or Ctrl-C means.

One place decides, for every command:

- A write to stdout that fails is never success. The reader of a pipe went away
  (`digituki list | head -1`): exit 141 at once and quietly, as a process killed by
  SIGPIPE. Any other failure (a full disk, a closed stdout): the usual one-line error,
  exit 1. Every byte is written or the run fails: short writes are retried, where
  Python's own unbuffered stdout (PYTHONUNBUFFERED=1) would drop the rest silently.
- stderr carries only messages. If it is closed or cannot be written, they are lost and
  nothing else changes: never the exit code.
- Machine formats (JSON, CSV, Markdown, HTML, SQLite) are UTF-8 bytes, whatever the locale
  or PYTHONIOENCODING says. Text for the terminal is in the terminal's encoding; a
  character it cannot show becomes the nearest ASCII (≠ -> *, ä -> a) or an escape
  (\\u2192), never an encoding error.
- Ctrl-C (SIGINT) at any moment once Python has started: exit 130 with one short line,
  never a traceback.
  entry.py installs the handler before anything heavy is imported.

Only the standard library is imported at module level (entry.py imports this module first).
"""

from __future__ import annotations

import codecs
import errno
import io
import os
import signal
import sys

TYPE_CHECKING = False  # typing itself costs milliseconds before the SIGINT handler is in place
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import NoReturn, TextIO

    from _typeshed import ReadableBuffer

EXIT_INTERRUPTED = 130  # 128 + SIGINT
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE: what a shell reports for a process killed by it
TRANSLITERATE = "digituki-transliterate"  # the codec error handler of text streams


# --- Ctrl-C ---


class Interrupted(BaseException):
    """Ctrl-C. It unwinds the stack as KeyboardInterrupt does, so `finally` blocks remove
    temporary files; it is not a KeyboardInterrupt, because Typer would turn that into a
    silent exit 130 and Click into "Aborted!": only this module decides."""


_interrupted = False


def _on_interrupt(signum: int, frame: object) -> None:
    global _interrupted
    if _interrupted:  # a second Ctrl-C while the first one unwinds: leave now
        os._exit(EXIT_INTERRUPTED)
    _interrupted = True
    raise Interrupted


def _unraisable(hook: sys.UnraisableHookArgs) -> None:
    # Ctrl-C that lands in a finaliser (__del__, a weak reference callback) is not raised
    # there but reported as "Exception ignored in ...": it is still Ctrl-C.
    if isinstance(hook.exc_value, Interrupted):
        os._exit(interrupted())
    sys.__unraisablehook__(hook)


def catch_interrupts() -> None:
    """From now on Ctrl-C raises Interrupted (a second one exits at once)."""
    signal.signal(signal.SIGINT, _on_interrupt)
    sys.unraisablehook = _unraisable


def interrupted() -> int:
    """Say on stderr, in one line, that the run was interrupted; return the exit code.

    In the language of the run if i18n is loaded by then, else in English: importing it
    now could meet it half-imported (Ctrl-C while it loads).
    """
    i18n = sys.modules.get(f"{__package__}.i18n")
    _: Callable[[str], str] = getattr(i18n, "_", str)
    say(_("Interrupted"))
    return EXIT_INTERRUPTED


# --- the process's standard streams ---


class _Descriptor(io.RawIOBase):
    """A standard stream's file descriptor, written whole: `os.write` may take only part
    of the bytes (a pipe whose reader leaves mid-write), and the rest is written again; a
    descriptor left non-blocking by whoever shares it is waited for, not given up on.

    On the first failure the stream goes dead (later writes are dropped, so that nothing
    fails twice); stdout then stops the run by the policy (`_write_failed`), stderr stays
    quiet. `fd` None: the stream was closed when the process started.
    """

    def __init__(self, fd: int | None, quiet: bool) -> None:
        super().__init__()
        self._fd = fd
        self._quiet = quiet
        self._dead = False

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return self._fd is not None and os.isatty(self._fd)

    def fileno(self) -> int:
        if self._fd is None:
            raise OSError(errno.EBADF, os.strerror(errno.EBADF))
        return self._fd

    def write(self, data: ReadableBuffer, /) -> int:
        view = memoryview(data).cast("B")
        if self._dead:
            return len(view)
        try:
            if self._fd is None:
                raise OSError(errno.EBADF, _closed_reason())
            done = 0
            while done < len(view):
                try:
                    done += os.write(self._fd, view[done:])
                except BlockingIOError:  # a descriptor its owner made non-blocking: wait
                    import select

                    select.select([], [self._fd], [])
        except OSError as exc:
            self._dead = True
            if not self._quiet:
                _write_failed(exc)
        return len(view)


def _closed_reason() -> str:
    from .i18n import _

    return _("standard output is closed")


def _write_failed(exc: OSError) -> NoReturn:
    """The policy for a write to stdout that failed: 141 for a pipe without a reader,
    else a DigitukiError (one line, exit 1), which the command line reports as any other."""
    if exc.errno == errno.EPIPE:
        raise SystemExit(EXIT_BROKEN_PIPE)
    from .errors import DigitukiError, os_reason
    from .i18n import _

    reason = os_reason(exc)
    raise DigitukiError(_("cannot write the output: {reason}").format(reason=reason))


def take_over() -> None:
    """Set up the process's stdout and stderr for this policy (the console script only:
    tests in the same process keep their own streams). Call before anything is written.

    A standard descriptor that was closed at start-up is held open on /dev/null, so that
    no file opened later lands on it and receives output or messages meant for it.
    """
    _hold_closed_descriptors()
    sys.stdout = _text_stream(1, sys.stdout, quiet=False)
    sys.stderr = _text_stream(2, sys.stderr, quiet=True)


def _hold_closed_descriptors() -> None:
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            held = os.open(os.devnull, os.O_RDWR)  # the lowest free descriptor: this one
            if held > 2:
                os.close(held)


def _text_stream(fd: int, given: TextIO | None, quiet: bool) -> TextIO:
    codecs.register_error(TRANSLITERATE, _transliterate)
    raw = _Descriptor(fd if given is not None else None, quiet)
    # Python chose the encoding from PYTHONIOENCODING and the locale: keep it.
    encoding = given.encoding if given is not None else "utf-8"
    # stderr gets each message at once (its lines), as Python's own stderr does.
    return io.TextIOWrapper(
        io.BufferedWriter(raw), encoding, TRANSLITERATE, line_buffering=quiet or raw.isatty()
    )


def prepare() -> None:
    """Per run of the command line (also in tests): the text streams never fail on a
    character their encoding lacks (see `_transliterate`)."""
    codecs.register_error(TRANSLITERATE, _transliterate)
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors=TRANSLITERATE)


def finish(main: Callable[[], object]) -> int:
    """Run main() and return the process's exit code: main's, unless stdout, flushed at the
    end, fails (a success then fails by the policy; an error keeps its own code)."""
    try:
        main()
        code = 0
    except SystemExit as exit_:
        code = _status(exit_.code)
    try:
        sys.stdout.flush()  # main() flushed its output; an error may have left some behind
    except SystemExit as exit_:  # the reader of the pipe went away
        code = code or _status(exit_.code)
    except Exception:  # the DigitukiError of _write_failed: main's error is reported
        code = code or 1
    return code


def _status(code: object) -> int:
    if code is None:
        return 0
    return code if isinstance(code, int) else 1


def say(line: str) -> None:
    """One line on stderr; a closed or broken stderr loses it, nothing more."""
    stream = sys.stderr
    if stream is None:  # closed, before take_over()
        return
    try:
        stream.write(line + "\n")
        stream.flush()
    except (OSError, ValueError):
        return


# --- what is written: machine formats as UTF-8, terminal text as the terminal can show ---


def write_machine(text: str) -> None:
    """A machine format's text (JSON, CSV, Markdown, HTML) on stdout as UTF-8 bytes,
    whatever the locale or PYTHONIOENCODING; a stream with no bytes below it (an in-memory
    one, in tests) takes the text."""
    if getattr(sys.stdout, "buffer", None) is None:
        sys.stdout.write(text)
        return
    write_binary(text.encode("utf-8"))


def write_binary(data: bytes) -> None:
    """Bytes on stdout (SQLite, or text already encoded), after any text written before."""
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def _transliterate(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: '≠' -> '*', 'ä' -> 'a', anything else as an escape ('\\u2192'),
    so that no meaning is lost where the terminal's encoding has no such character."""
    from .glyphs import ASCII_STAND_INS
    from .text import strip_accents

    assert isinstance(error, UnicodeEncodeError)
    out = []
    for char in error.object[error.start : error.end]:
        stand_in = ASCII_STAND_INS.get(char)
        if stand_in is None:
            ascii_letters = strip_accents(char).encode("ascii", "ignore")
            stand_in = ascii_letters.decode() or char.encode("ascii", "backslashreplace").decode()
        out.append(stand_in)
    return "".join(out), error.end
