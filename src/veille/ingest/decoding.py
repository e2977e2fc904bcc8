"""Bytes to text, with a clear reason when the bytes are not text."""

from __future__ import annotations

# Control characters other than tab, newline, carriage return and form feed.
_CONTROL = set(range(32)) - {9, 10, 12, 13}


class NotText(ValueError):
    """The input cannot be read as a document; the message says why."""

    def __init__(self, stage: str, reason: str) -> None:
        super().__init__(reason)
        self.stage = stage
        self.reason = reason


def decode(data: bytes, max_bytes: int) -> str:
    """The text of `data`: UTF-8, else Windows-1252 (a superset of Latin-1 in practice)."""
    if len(data) > max_bytes:
        raise NotText("read", f"too large: {len(data) / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit")
    if not data.strip():
        raise NotText("read", "empty document")
    sample = data[:65536]
    if b"\x00" in sample or sum(b in _CONTROL for b in sample) > len(sample) * 0.05:
        raise NotText("decode", "binary content, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError as error:
            raise NotText("decode", f"not UTF-8 nor Windows-1252 text ({error.reason} at byte {error.start})") from None
