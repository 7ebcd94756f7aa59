"""Bytes that are not UTF-8 from the terminal (a Latin-1 "é", a lone surrogate's bytes) are read as
U+FFFD by the real Linux driver's input thread, which otherwise died with UnicodeDecodeError."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator

import pytest
from textual import events
from textual.drivers import linux_driver, linux_inline_driver

from selfassess.tui import input_decoding


@pytest.fixture
def installed(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for module in (linux_driver, linux_inline_driver):  # put back after the test
        monkeypatch.setattr(module, "getincrementaldecoder", module.getincrementaldecoder)
    input_decoding.install()
    yield


def typed(data: bytes) -> tuple[str, list[BaseException]]:
    """Feed ``data`` to LinuxDriver.run_input_thread through a pipe; the characters of the key events it
    produced, and any exception the thread raised."""
    read_end, write_end = os.pipe()
    driver = linux_driver.LinuxDriver.__new__(linux_driver.LinuxDriver)
    driver.fileno, driver._debug, driver.exit_event = read_end, False, threading.Event()
    keys: list[str] = []
    driver.process_message = lambda m: keys.append(m.character or "") if isinstance(m, events.Key) else None  # type: ignore[method-assign]
    failures: list[BaseException] = []

    def run() -> None:
        try:
            driver.run_input_thread()
        except BaseException as exc:
            failures.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    os.write(write_end, data)
    os.close(write_end)
    thread.join(0.5)
    driver.exit_event.set()
    thread.join()
    os.close(read_end)
    return "".join(keys), failures


@pytest.mark.parametrize("data", [b"caf\xe9xy", b" sur:\xed\xa0\x80:end", b"ok\xff\xfe!"])
def test_undecodable_bytes_are_read_as_replacement_characters(installed, data: bytes) -> None:
    text, failures = typed(data)
    assert failures == []
    assert text == data.decode("utf-8", errors="replace")
    assert "\ufffd" in text


def test_good_utf8_split_across_reads_still_decodes(installed) -> None:
    decoder = linux_driver.getincrementaldecoder("utf-8")()
    assert decoder.decode("Zoë".encode()[:3]) + decoder.decode("Zoë".encode()[3:]) == "Zoë"
