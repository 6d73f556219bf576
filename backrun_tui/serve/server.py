"""backrun in a browser, through textual-serve, locked to its owner.

Every route lives under a random token in the path (`/TOKEN/`, `/TOKEN/ws`, `/TOKEN/static/...`):
any request without it gets 403 and a page that reveals nothing. One browser at a time: while a
session is open, another tab or device gets an "already open elsewhere" page, never a second
backrun on the same files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import textual_serve
from aiohttp import web
from textual_serve.server import Server

TEMPLATES = Path(__file__).parent / "templates"
STATICS = Path(textual_serve.__file__).parent / "static"  # textual-serve's own browser side
FORBIDDEN = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>403</title></head>
<body><h1>403 Forbidden</h1></body></html>"""
OPEN_ELSEWHERE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>backrun</title>
<style>body{font:18px/1.5 system-ui,sans-serif;background:#0c181f;color:#eef;max-width:32rem;
margin:3rem auto;padding:0 1rem}</style></head><body>
<h1>backrun is already open elsewhere</h1>
<p>Another tab or device has this backrun open. Use that one, or close it there (q, then quit),
and reload this page.</p></body></html>"""


class OwnerServer(Server):
    """textual-serve's server with every route under `token`, and one session at a time."""

    def __init__(self, command: str, token: str, host: str, port: int) -> None:
        super().__init__(command, host=host, port=port, title="backrun")
        self.token = token
        self.statics_path = STATICS
        self.templates_path = TEMPLATES
        self.session_open = False

    @property
    def link(self) -> str:
        return f"{self.public_url}/{self.token}/"

    async def _make_app(self) -> web.Application:
        import aiohttp_jinja2
        import jinja2

        app = web.Application(middlewares=[forbid_the_rest])
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path))
        base = f"/{self.token}"
        app.add_routes(
            [
                web.get(f"{base}/", self.handle_index, name="index"),
                web.get(f"{base}/ws", self.handle_websocket, name="websocket"),
                web.get(f"{base}/download/{{key}}", self.handle_download, name="download"),
                web.static(f"{base}/static", self.statics_path, name="static"),
            ]
        )
        app.on_startup.append(self.on_startup)
        app.on_shutdown.append(self.on_shutdown)
        return app

    async def on_startup(self, app: web.Application) -> None:
        """Quiet: `backrun serve` prints the link and its QR code itself."""

    async def handle_index(self, request: web.Request) -> Any:
        if self.session_open:
            return web.Response(text=OPEN_ELSEWHERE, content_type="text/html", status=409)
        return await super().handle_index(request)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        if self.session_open:  # a second tab that loaded before the first connected
            websocket = web.WebSocketResponse()
            await websocket.prepare(request)
            await websocket.close(message=b"backrun is already open elsewhere")
            return websocket
        self.session_open = True
        try:
            return await super().handle_websocket(request)
        finally:  # the app has quit and saved: another browser may open it now
            self.session_open = False


@web.middleware
async def forbid_the_rest(request: web.Request, handler: Any) -> web.StreamResponse:
    """Anything the routes do not know (a wrong or missing token): 403, and nothing else."""
    try:
        response: web.StreamResponse = await handler(request)
    except web.HTTPNotFound:
        return forbidden()
    except web.HTTPMethodNotAllowed:
        return forbidden()
    if response.status == 404:
        return forbidden()
    return response


def forbidden() -> web.Response:
    return web.Response(text=FORBIDDEN, content_type="text/html", status=403)
