"""`veille watch`: new entries of a local feed are picked up within one cycle, a restart
processes nothing twice, network errors are survived, and Ctrl-C stops between documents."""

import os
import signal
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from veille.cli import app
from veille.ingest import HttpClient, Reader
from veille.store import Store
from veille.watch import parse_every, poll, watch

from local_http import LocalServer, Page, never_answers

pytestmark = pytest.mark.model

PAGES = Path(__file__).parent / "data" / "html"
PAGE_IDS = sorted(p.stem for p in PAGES.glob("*.html"))


def rss(server: LocalServer, page_ids) -> Page:
    items = "".join(f"<item><title>{i}</title><link>{server.url(f'/articles/{i}.html')}</link></item>"
                    for i in page_ids)
    return Page(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Fil</title>{items}</channel></rss>'
                .encode(), content_type="application/rss+xml")


@pytest.fixture
def server():
    with LocalServer() as local:
        for page_id in PAGE_IDS:
            local.routes[f"/articles/{page_id}.html"] = Page((PAGES / f"{page_id}.html").read_bytes())
        local.routes["/rss.xml"] = rss(local, PAGE_IDS[:2])
        yield local


def reader() -> Reader:
    return Reader(client=HttpClient(timeout=0.3, retries=1, backoff=0.01))


def page_hits(server: LocalServer) -> int:
    return sum(n for path, n in server.hits.items() if path.startswith("/articles/"))


@pytest.mark.parametrize("text, seconds", [("90", 90), ("30s", 30), ("15m", 900), ("1h", 3600), ("0.5m", 30)])
def test_periods_are_read_with_their_unit(text, seconds):
    assert parse_every(text) == seconds


@pytest.mark.parametrize("text", ["", "quinze minutes", "15 min", "-1m"])
def test_a_period_that_is_not_one_is_refused(text):
    with pytest.raises(ValueError, match="not a period"):
        parse_every(text)


def test_a_new_entry_is_picked_up_in_the_next_cycle_and_a_restart_processes_nothing_twice(nlp, server, tmp_path):
    sources = [server.url("/rss.xml")]
    with Store(tmp_path / "v.duckdb") as store:
        first = poll(nlp, sources, store, reader(), 1)
        assert (first.new, first.added, sum(first.problems.values())) == (2, 2, 0)
        server.routes["/rss.xml"] = rss(server, PAGE_IDS[:3])
        second = poll(nlp, sources, store, reader(), 2)
        assert (second.new, second.added) == (1, 1)
    fetched = page_hits(server)
    with Store(tmp_path / "v.duckdb") as store:  # a restart
        again = poll(nlp, sources, store, reader(), 1)
        assert (again.new, again.added) == (0, 0)
        assert store.counts()["documents"] == 3
    assert page_hits(server) == fetched == 3


def test_a_page_that_fails_for_a_while_is_tried_again_next_cycle(nlp, server, tmp_path):
    flaky = f"/articles/{PAGE_IDS[0]}.html"
    good = server.routes[flaky]
    server.routes[flaky] = Page(b"busy", 503)
    with Store(tmp_path / "v.duckdb") as store:
        first = poll(nlp, [server.url("/rss.xml")], store, reader(), 1)
        assert (first.added, first.retry, first.problems["read"]) == (1, 1, 1)
        server.routes[flaky] = good
        second = poll(nlp, [server.url("/rss.xml")], store, reader(), 2)
        assert (second.new, second.added, second.retry) == (1, 1, 0)


def test_an_unreachable_source_does_not_stop_the_others(nlp, server, tmp_path):
    server.routes["/dead.xml"] = never_answers
    server.routes["/gone.xml"] = Page(b"", 404)
    sources = [server.url("/dead.xml"), server.url("/gone.xml"), server.url("/rss.xml")]
    with Store(tmp_path / "v.duckdb") as store:
        summary = poll(nlp, sources, store, reader(), 1)
        assert summary.unreadable == sources[:2] and summary.added == 2
        assert "2 sources unreadable" in summary.line()
        assert {p["document"] for p in store.problems()} == set(sources[:2])


def test_a_stop_request_ends_the_watch_between_documents_without_waiting(nlp, server, tmp_path):
    stop, lines = threading.Event(), []

    def log(line):
        lines.append(line)
        stop.set()  # as Ctrl-C would, during the first cycle's last line

    with Store(tmp_path / "v.duckdb") as store:
        started = time.monotonic()
        summaries = watch(nlp, [server.url("/rss.xml")], store, reader(), every=3600, stop=stop, log=log)
        assert time.monotonic() - started < 30 and len(summaries) == 1
        assert "cycle 1: 2 new, 2 added" in lines[0]
        server.routes["/rss.xml"] = rss(server, PAGE_IDS[:3])
        stopped = poll(nlp, [server.url("/rss.xml")], store, reader(), 2, stop=stop)
        assert stopped.interrupted and stopped.new == 0 and page_hits(server) == 2


def test_the_command_logs_a_line_per_cycle(server, tmp_path):
    result = CliRunner().invoke(app, ["watch", server.url("/rss.xml"), "--db", str(tmp_path / "v.duckdb"),
                                      "--every", "0s", "--cycles", "2", "--timeout", "1"])
    assert result.exit_code == 0, result.output
    assert "cycle 1: 2 new, 2 added" in result.stdout and "cycle 2: 0 new, 0 added" in result.stdout


def test_ctrl_c_stops_the_command_cleanly(server, tmp_path):
    db = tmp_path / "v.duckdb"
    default = signal.getsignal(signal.SIGINT)

    def press_ctrl_c():
        deadline = time.monotonic() + 60
        while page_hits(server) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        # only once the command listens for it: a stray Ctrl-C would stop the test run
        if signal.getsignal(signal.SIGINT) is not default:
            os.kill(os.getpid(), signal.SIGINT)

    threading.Thread(target=press_ctrl_c, daemon=True).start()
    result = CliRunner().invoke(app, ["watch", server.url("/rss.xml"), "--db", str(db), "--every", "1h"])
    assert result.exit_code == 0, result.output
    assert "stopping after the current document" in result.stdout
    assert signal.getsignal(signal.SIGINT) is default
    with Store(db, read_only=True) as store:
        assert store.counts()["documents"] == 2
