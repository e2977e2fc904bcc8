"""A real HTTP server on 127.0.0.1, started by the tests that need one, serving what each test
puts in its routes, including the misbehaviours of real servers."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Page:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"


class Handler(BaseHTTPRequestHandler):
    server: LocalServer

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        path = self.path.split("?")[0]
        self.server.hits[path] += 1
        route = self.server.routes.get(path, Page(b"not found", 404, "text/plain"))
        if isinstance(route, list):  # answers in turn, the last one repeated
            route = route.pop(0) if len(route) > 1 else route[0]
        if callable(route):
            route(self)
            return
        self.send_response(route.status)
        self.send_header("Content-Type", route.content_type)
        self.send_header("Content-Length", str(len(route.body)))
        self.end_headers()
        self.wfile.write(route.body)

    def log_message(self, format, *args) -> None:
        pass


class LocalServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.routes: dict[str, Page | list[Page] | Callable[[Handler], None]] = {}
        self.hits: Counter[str] = Counter()
        self.released = threading.Event()  # lets handlers that never answer go at shutdown
        self.sent: Counter[str] = Counter()  # bytes written by streaming handlers

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{path}"

    def handle_error(self, request, client_address) -> None:
        pass  # clients that hang up on purpose (size limits, timeouts)

    def __enter__(self) -> LocalServer:
        threading.Thread(target=self.serve_forever, args=(0.02,), daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.released.set()
        self.shutdown()
        self.server_close()


def never_answers(handler: Handler) -> None:
    handler.server.released.wait(30)


def endless(total: int, declared: bool = False, chunk: int = 1 << 20) -> Callable[[Handler], None]:
    """A response of `total` bytes of text, streamed, its length declared or not."""

    def stream(handler: Handler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/plain; charset=utf-8")
        handler.send_header("Connection", "close")
        if declared:
            handler.send_header("Content-Length", str(total))
        handler.end_headers()
        block = b"Le texte sans fin. " * (chunk // 19)
        try:
            while handler.server.sent[handler.path] < total and not handler.server.released.is_set():
                handler.wfile.write(block)
                handler.server.sent[handler.path] += len(block)
        except OSError:
            pass  # the client hung up: that is the point

    return stream
