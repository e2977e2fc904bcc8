"""Feeds and page lists: RSS and Atom entries followed to their pages through the HTTP client,
served by a local server; entry content when there is no page to follow; robots.txt."""

import json
from pathlib import Path

import pytest

from veille.ingest import HttpClient, read_inputs
from veille.ingest.feeds import read_feed, url_list
from veille.schema import Document, Problem

from local_http import LocalServer, Page

PAGES = Path(__file__).parent / "data" / "html"
PAGE_IDS = sorted(p.stem for p in PAGES.glob("*.html"))


@pytest.fixture
def server():
    with LocalServer() as local:
        for page_id in PAGE_IDS:
            local.routes[f"/articles/{page_id}.html"] = Page((PAGES / f"{page_id}.html").read_bytes())
        yield local


def client() -> HttpClient:
    return HttpClient(timeout=2, retries=1, backoff=0.01)


def title(page_id: str) -> str:
    return json.loads((PAGES / f"{page_id}.json").read_text(encoding="utf-8"))["title"].strip()


def rss(items: list[tuple[str, str, str]], language: str = "fr-FR") -> bytes:
    """An RSS 2.0 feed of (title, link, pubDate) items."""
    body = "".join(f"<item><title>{t}</title><link>{link}</link><pubDate>{date}</pubDate>"
                   f"<description>Résumé : {t}</description></item>" for t, link, date in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Le Fil</title>'
            f"<language>{language}</language>{body}</channel></rss>").encode("utf-8")


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
  <title>Dépêches</title>
  <entry>
    <id>urn:depeche:1</id>
    <title>Le Sénat adopte le budget</title>
    <updated>2019-11-14T23:30:00-05:00</updated>
    <content type="html">&lt;p&gt;Le Sénat a adopté mardi le budget de la Sécurité sociale.&lt;/p&gt;&lt;script&gt;track()&lt;/script&gt;&lt;p&gt;Le texte retourne à l'Assemblée nationale.&lt;/p&gt;</content>
  </entry>
  <entry>
    <id>urn:depeche:2</id>
    <title>Rien</title>
    <updated>2019-11-15T08:00:00Z</updated>
  </entry>
</feed>
""".encode("utf-8")


def test_an_rss_file_is_followed_to_its_pages_through_the_local_server(server, tmp_path):
    feed = tmp_path / "fil.rss"
    feed.write_bytes(rss([(title(i), server.url(f"/articles/{i}.html"), "Wed, 20 May 2020 22:03:43 +0200")
                          for i in PAGE_IDS[:2]] + [("Disparu", server.url("/articles/gone.html"), "")]))
    first, second, gone = read_inputs([str(feed)], client=client())
    assert [first.id, second.id] == [server.url(f"/articles/{i}.html") for i in PAGE_IDS[:2]]
    assert [first.title, second.title] == [title(i) for i in PAGE_IDS[:2]]
    assert first.text.startswith(first.title + "\n\n") and len(first.text) > 1500
    assert first.url.startswith("https://actu.orange.fr/")  # the page's own address
    assert gone == Problem(document=server.url("/articles/gone.html"), stage="read", reason="HTTP 404 Not Found")
    assert server.hits["/robots.txt"] == 1  # asked once per site


def test_a_feed_url_is_read_like_a_feed_file(server):
    server.routes["/rss.xml"] = Page(rss([(title(i), server.url(f"/articles/{i}.html"), "")
                                          for i in PAGE_IDS]), content_type="application/rss+xml")
    documents = list(read_inputs([server.url("/rss.xml")], client=client()))
    assert [d.title for d in documents] == [title(i) for i in PAGE_IDS]


def test_an_atom_entry_without_a_page_gives_its_own_content(tmp_path):
    feed = tmp_path / "depeches.atom"
    feed.write_bytes(ATOM)
    document, empty = read_inputs([str(feed)])
    assert document == Document(
        id="urn:depeche:1", title="Le Sénat adopte le budget", date="2019-11-14", outlet="Dépêches", lang="fr",
        text="Le Sénat adopte le budget\n\nLe Sénat a adopté mardi le budget de la Sécurité sociale.\n\n"
             "Le texte retourne à l'Assemblée nationale.")
    assert empty == Problem(document="urn:depeche:2", stage="read", reason="feed entry without text")


def test_without_following_an_rss_entry_is_its_title_and_summary(server, tmp_path):
    feed = tmp_path / "fil.xml"
    feed.write_bytes(rss([("Un titre", server.url("/articles/x.html"), "Tue, 02 Jun 2020 23:30:00 -0400")]))
    [document] = read_inputs([str(feed)], follow=False)
    assert (document.text, document.date, document.url) == (
        "Un titre\n\nRésumé : Un titre", "2020-06-02", server.url("/articles/x.html"))
    assert server.hits == {}


@pytest.mark.parametrize("content, urls", [
    ("https://a.fr/1\n\n# a comment\nhttp://b.fr/2?x=1\n", ["https://a.fr/1", "http://b.fr/2?x=1"]),
    ("https://a.fr/1\nLe président a parlé.\n", None),
    ("# only a comment\n", None),
    ("https://a.fr/un lien cassé\n", None),
])
def test_a_page_list_is_text_whose_every_line_is_an_address(content, urls):
    assert url_list(content) == urls


def test_a_page_list_file_reads_each_page(server, tmp_path):
    pages = tmp_path / "pages.txt"
    pages.write_text("".join(server.url(f"/articles/{i}.html") + "\n" for i in PAGE_IDS[:2]), encoding="utf-8")
    assert [d.title for d in read_inputs([str(pages)], client=client())] == [title(i) for i in PAGE_IDS[:2]]


def test_robots_txt_is_respected(server):
    server.routes["/robots.txt"] = Page(b"User-agent: *\nDisallow: /articles/\n", content_type="text/plain")
    url = server.url(f"/articles/{PAGE_IDS[0]}.html")
    assert list(read_inputs([url], client=client())) == [
        Problem(document=url, stage="read", reason="disallowed by robots.txt")]
    assert server.hits[f"/articles/{PAGE_IDS[0]}.html"] == 0


def test_the_client_says_who_it_is(server):
    agents = []

    def echo(handler):
        agents.append(handler.headers["User-Agent"])
        handler.send_response(200)
        handler.send_header("Content-Length", "2")
        handler.end_headers()
        handler.wfile.write(b"ok")

    server.routes["/who"] = echo
    assert client().get(server.url("/who")).body == b"ok"
    assert agents and agents[0].startswith("veille")


@pytest.mark.parametrize("raw, date", [
    ("Wed, 20 May 2020 23:30:00 -0400", "2020-05-20"),  # the outlet's own day, not UTC's
    ("2019-11-14T23:30:00+01:00", "2019-11-14"),
    ("", None),
])
def test_an_entry_keeps_the_day_its_outlet_gave(raw, date):
    [entry] = read_feed(rss([("T", "https://a.fr/1", raw)]), "feed").entries
    assert (entry.key, entry.date, entry.lang, entry.outlet) == ("https://a.fr/1", date, "fr", "Le Fil")


def test_a_feed_pointing_to_feeds_or_lists_is_not_followed_round_in_circles(server):
    server.routes["/loop.xml"] = Page(rss([("Moi", server.url("/loop.xml"), "")]), content_type="application/rss+xml")
    server.routes["/list.txt"] = Page(server.url("/list.txt").encode(), content_type="text/plain")
    assert list(read_inputs([server.url("/loop.xml"), server.url("/list.txt")], client=client())) == [
        Problem(document=server.url("/loop.xml"), stage="read",
                reason="a feed reached through another source is not followed"),
        Problem(document=server.url("/list.txt"), stage="read",
                reason="a page list reached through another source is not followed")]
