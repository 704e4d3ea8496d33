"""Headless Chromium driven over the DevTools protocol on a pipe, with the standard library only.

`--remote-debugging-pipe` makes Chromium read commands from fd 3 and write replies and events
to fd 4, each a JSON message ended by a NUL byte: no websocket library, no port, no network.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

BINARY_ENV = "DIGITUKI_CHROMIUM"
BINARIES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# Chromium as root in a container: no sandbox, no GPU, and nothing that calls home.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--mute-audio",
)
TIMEOUT = 30.0


def find_chromium() -> str | None:
    explicit = os.environ.get(BINARY_ENV)
    if explicit:
        return explicit
    return next((found for name in BINARIES if (found := shutil.which(name))), None)


class BrowserError(Exception):
    pass


class Browser:
    """One Chromium process; `page()` opens a tab to drive."""

    def __init__(self, binary: str):
        self._profile = tempfile.mkdtemp(prefix="digituki-chromium-")
        self._log_path = Path(self._profile) / "stderr.log"
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()
        # Copies at 10 or above, so that moving them to 3 and 4 in the child clobbers neither.
        child_in = fcntl.fcntl(to_browser_r, fcntl.F_DUPFD_CLOEXEC, 10)
        child_out = fcntl.fcntl(from_browser_w, fcntl.F_DUPFD_CLOEXEC, 10)
        os.close(to_browser_r)
        os.close(from_browser_w)

        def move_pipes() -> None:  # in the child, before exec; dup2 makes them inheritable
            os.dup2(child_in, 3)
            os.dup2(child_out, 4)

        with self._log_path.open("wb") as log:
            self._process = subprocess.Popen(
                [
                    binary,
                    *FLAGS,
                    f"--user-data-dir={self._profile}",
                    "--remote-debugging-pipe",
                    "about:blank",
                ],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=log,
                # Python's own fds are not inheritable (PEP 446): only 0-4 reach Chromium.
                close_fds=False,
                preexec_fn=move_pipes,
            )
        os.close(child_in)
        os.close(child_out)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []

    def send(
        self, method: str, params: dict[str, Any] | None = None, session: str | None = None
    ) -> Any:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        try:
            os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        except BrokenPipeError:
            raise BrowserError(f"Chromium has gone away: {self.log_tail()}") from None
        while True:
            for index, reply in enumerate(self.events):
                if reply.get("id") == self._next_id:
                    del self.events[index]
                    if "error" in reply:
                        raise BrowserError(f"{method}: {reply['error']}")
                    return reply.get("result", {})
            self._read()

    def wait_for(
        self, method: str, session: str | None = None, timeout: float = TIMEOUT
    ) -> dict[str, Any]:
        """The first event of this method (for the session) not yet waited for."""
        deadline = time.monotonic() + timeout
        while True:
            for index, event in enumerate(self.events):
                if event.get("method") == method and event.get("sessionId") == session:
                    return self.events.pop(index)
            self._read(deadline - time.monotonic())

    def _read(self, timeout: float = TIMEOUT) -> None:
        if timeout <= 0:
            raise BrowserError("timed out waiting for Chromium")
        ready, _, _ = select.select([self._from_browser], [], [], timeout)
        if not ready:
            raise BrowserError(f"timed out waiting for Chromium: {self.log_tail()}")
        chunk = os.read(self._from_browser, 1 << 20)
        if not chunk:
            raise BrowserError(f"Chromium closed the pipe: {self.log_tail()}")
        self._buffer += chunk
        *messages, self._buffer = self._buffer.split(b"\0")
        self.events.extend(json.loads(m) for m in messages)

    def page(self) -> Page:
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})
        return Page(self, session["sessionId"])

    def log_tail(self) -> str:
        try:
            return self._log_path.read_text(errors="replace")[-2000:]
        except OSError:
            return ""

    def close(self) -> None:
        try:
            if self._process.poll() is None:
                with contextlib.suppress(BrowserError):
                    self.send("Browser.close")
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        finally:
            for fd in (self._to_browser, self._from_browser):
                with contextlib.suppress(OSError):
                    os.close(fd)
            shutil.rmtree(self._profile, ignore_errors=True)


class Page:
    """A tab that records every console error, uncaught exception, log error and request."""

    def __init__(self, browser: Browser, session: str):
        self.browser = browser
        self.session = session
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.send(f"{domain}.enable")

    def send(self, method: str, params: dict[str, Any] | None = None) -> Any:
        return self.browser.send(method, params, self.session)

    def viewport(self, width: int, height: int, mobile: bool = False) -> None:
        self.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile},
        )

    def open(self, url: str) -> None:
        self.send("Page.navigate", {"url": url})
        self.browser.wait_for("Page.loadEventFired", self.session)

    def evaluate(self, expression: str) -> Any:
        result = self.send(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": True},
        )
        if "exceptionDetails" in result:
            raise BrowserError(f"{expression!r}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def _mine(self) -> list[dict[str, Any]]:
        # Drain what has arrived, then keep this session's events (they stay for later calls).
        while select.select([self.browser._from_browser], [], [], 0.2)[0]:
            self.browser._read()
        return [e for e in self.browser.events if e.get("sessionId") == self.session]

    def errors(self) -> list[str]:
        """Console errors, uncaught exceptions and the browser's own error log entries."""
        found = []
        for event in self._mine():
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.exceptionThrown":
                details = params["exceptionDetails"]
                found.append(details.get("exception", {}).get("description") or details["text"])
            elif method == "Runtime.consoleAPICalled" and params["type"] in ("error", "assert"):
                found.append(
                    " ".join(str(a.get("value", a.get("description"))) for a in params["args"])
                )
            elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
                found.append(f"{params['entry']['source']}: {params['entry']['text']}")
        return found

    def requests(self) -> list[str]:
        return [
            e["params"]["request"]["url"]
            for e in self._mine()
            if e.get("method") == "Network.requestWillBeSent"
        ]

    def screenshot(self, width: int, height: int) -> bytes:
        shot = self.send(
            "Page.captureScreenshot",
            {
                "format": "png",
                "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
            },
        )
        return base64.b64decode(shot["data"])

    def pdf(self) -> bytes:
        return base64.b64decode(self.send("Page.printToPDF", {"printBackground": True})["data"])
