"""Bytes to text, with a clear reason when the bytes are not text."""

from __future__ import annotations

import codecs

# Control characters other than tab, newline, carriage return and form feed.
_CONTROL = bytes(sorted(set(range(32)) - {9, 10, 12, 13}))


class NotText(ValueError):
    """The input cannot be read as a document; the message says why."""

    def __init__(self, stage: str, reason: str) -> None:
        super().__init__(reason)
        self.stage = stage
        self.reason = reason


def too_large(size: int, max_bytes: int) -> NotText:
    return NotText("read", f"too large: {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit")


def check_bytes(data: bytes, max_bytes: int) -> None:
    """Raise NotText when `data` is too large, empty, or binary."""
    if len(data) > max_bytes:
        raise too_large(len(data), max_bytes)
    if not data.strip():
        raise NotText("read", "empty document")
    sample = data[:65536]
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    if b"\x00" in sample or controls > len(sample) * 0.05:
        raise NotText("decode", "binary content, not text")


def decode(data: bytes, max_bytes: int, charset: str | None = None) -> str:
    """The text of `data`: in its declared charset when it has a valid one, else UTF-8,
    else Windows-1252 (a superset of Latin-1 in practice).

    UTF-8 text with a few broken bytes (a bad copy, a cut) stays UTF-8, the broken bytes
    becoming U+FFFD, rather than turning every accent of the text into mojibake."""
    check_bytes(data, max_bytes)
    for encoding in filter(None, (_codec(charset), "utf-8-sig")):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    if _mostly_utf8(data):
        return data.decode("utf-8-sig", errors="replace")
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as error:
        raise NotText("decode", f"not UTF-8 nor Windows-1252 text ({error.reason} at byte {error.start})") from None


def _mostly_utf8(data: bytes) -> bool:
    """Whether the non-ASCII bytes of `data` are mostly valid UTF-8 sequences."""
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    valid = sum(1 for c in text if ord(c) > 127 and c != "\ufffd")
    return valid > broken


def _codec(charset: str | None) -> str | None:
    """A Python codec for a declared charset; Latin-1 declarations are read as Windows-1252,
    as browsers do, so that curly quotes and the euro sign survive."""
    if not charset:
        return None
    try:
        name = codecs.lookup(charset.strip().strip("\"'")).name
    except LookupError:
        return None
    return "cp1252" if name in {"latin-1", "iso8859-1", "ascii"} else name
