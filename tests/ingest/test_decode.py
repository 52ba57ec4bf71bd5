from __future__ import annotations

import codecs

import pytest

from detente.errors import BinaryInput, EncodingError
from detente.ingest.decode import binary_kind, clear_cp1252, decode

ENGLISH = "The envoy from Quito said the talks in Lima had ended without a deal."


def test_utf8_with_and_without_bom() -> None:
    data = ENGLISH.replace("envoy", "envoy’s aide").encode("utf-8")
    assert decode(data, origin="x") == (ENGLISH.replace("envoy", "envoy’s aide"), "utf-8")
    assert decode(codecs.BOM_UTF8 + data, origin="x").text.startswith("The envoy")


def test_utf16_with_bom() -> None:
    data = ENGLISH.encode("utf-16")
    assert decode(data, origin="x") == (ENGLISH, "utf-16")


def test_windows_1252_when_clearly_that() -> None:
    text = "The minister’s “firm” reply – in São Paulo – surprised Bogotá and Zürich."
    decoded = decode(text.encode("cp1252"), origin="x")
    assert decoded == (text, "cp1252")


@pytest.mark.parametrize(
    "data",
    [
        "Отношения между Москвой и Киевом ухудшились.".encode("koi8_r"),
        "外務省は月曜日に声明を発表した。".encode("shift_jis"),
        b"The envoy \x81\x8d\x8f spoke",  # bytes undefined in Windows-1252
        ENGLISH.encode("ascii") + bytes(range(0xC0, 0xFF)),  # too many high bytes in a run
    ],
)
def test_other_encodings_are_reported(data: bytes) -> None:
    with pytest.raises(EncodingError, match="not valid UTF-8"):
        decode(data, origin="f.txt")


def test_clear_cp1252_refuses_utf8_runs() -> None:
    assert clear_cp1252("café in Zürich".encode()) is None


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"%PDF-1.7\n...", "a PDF document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "a PNG image"),
        (b"abc\x00def", "binary content"),
        (bytes(range(1, 9)) * 40, "binary content"),
    ],
)
def test_binary_kinds(head: bytes, kind: str) -> None:
    assert binary_kind(head) == kind
    with pytest.raises(BinaryInput, match=kind):
        decode(head, origin="x")


def test_text_is_not_binary() -> None:
    assert binary_kind(ENGLISH.encode() + b"\n\tTabbed line\r\n") is None
