"""HTML pages to Documents: the article's main text, title, date, address and site name.

The text of a page Document is its headline, a blank line, then the body's paragraphs
separated by blank lines, the layout of veille's text files: the components read the first
line as the headline and skip credit lines, and every offset indexes this text.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from veille.schema import Document, Problem

_HTML_LANG = re.compile(rb"<html\b[^>]*?\blang\s*=\s*[\"']?([a-zA-Z]{2,3})\b", re.IGNORECASE)
_CHARSET = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?([-\w:.]+)", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u3000]+")
_MARKUP = re.compile(rb"<\s*(!doctype\s+html|html|head|body|p|div|article|title|meta|br)\b", re.IGNORECASE)
# Block elements of a fragment: each starts a new paragraph of text.
_BLOCKS = ("p", "div", "br", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article")


def looks_like_html(head: bytes) -> bool:
    """Whether the first bytes of a file are HTML markup rather than text."""
    return bool(_MARKUP.search(head[:4096]))


def declared_charset(head: bytes) -> str | None:
    match = _CHARSET.search(head[:4096])
    return match.group(1).decode("ascii", "ignore") if match else None


def declared_language(head: bytes) -> str | None:
    match = _HTML_LANG.search(head[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def tidy(text: str) -> str:
    """Paragraphs with single spaces inside, one blank line between them."""
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n\n".join(line for line in lines if line)


def read_html(html: str, name: str, url: str | None = None, doc_id: str | None = None,
              date: str | None = None, lang: str | None = None) -> Document | Problem:
    """The article of a page, or a Problem (stage "clean") when the page has none."""
    try:
        page = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                           include_tables=False, favor_precision=True)
    except Exception as error:  # noqa: BLE001 - a hostile page must not stop a run
        return Problem(document=name, stage="clean", reason=f"unreadable HTML: {type(error).__name__}: {error}")
    body = tidy(page.text or "") if page else ""
    if not body:
        return Problem(document=name, stage="clean", reason="no article text found in the page")
    title = " ".join((page.title or "").split()) or None
    if title and not body.startswith(title):
        body = f"{title}\n\n{body}"
    page_url = page.url or url
    return Document(id=doc_id or page_url or name, text=body, date=page.date or date, title=title, url=page_url,
                    outlet=page.sitename or _host(page_url), lang=lang or "fr")


def fragment_text(fragment: str) -> str:
    """The text of an HTML fragment (a feed entry's content), paragraphs kept, scripts dropped."""
    if not fragment.strip():
        return ""
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return tidy(fragment)
    for element in root.xpath("//script|//style|//noscript"):
        element.drop_tree()
    for element in root.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
        if element.tag != "br":
            element.text = "\n" + (element.text or "")
    return tidy(root.text_content())


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None
