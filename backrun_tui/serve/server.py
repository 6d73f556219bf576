"""backrun in a browser, through textual-serve, locked to its owner.

Every route lives under a random token in the path (`/TOKEN/`, `/TOKEN/ws`, `/TOKEN/static/...`):
any request without it gets 403 and a page that reveals nothing. One browser at a time: while a
session is open, another tab or device gets an "already open elsewhere" page, never a second
backrun on the same files."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import signal
import sys
from pathlib import Path
from typing import Any

import textual_serve
from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.server import Server

from backrun_tui.serve.guard import (
    END_GRACE,
    DropReport,
    InputBudget,
    size_from,
    stop_app,
)

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


HIDDEN = "[link]"  # what stands for the token in anything the server prints or logs
NOT_A_BROWSER = "This address is the backrun app's live connection: open the link instead.\n"


class OwnerServer(Server):
    """textual-serve's server with every route under `token`, and one session at a time."""

    def __init__(self, command: str, token: str, host: str, port: int) -> None:
        super().__init__(command, host=host, port=port, title="backrun")
        self.token = token
        self.statics_path = STATICS
        self.templates_path = TEMPLATES
        self.session_open = False
        self.services: set[AppService] = set()

    @property
    def link(self) -> str:
        return f"{self.public_url}/{self.token}/"

    async def web_app(self) -> web.Application:
        """The web application: every route under the token, the rest refused."""
        import aiohttp_jinja2
        import jinja2

        app = web.Application(middlewares=[forbid_the_rest])
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path))
        base = f"/{self.token}"
        app.add_routes(
            [
                web.get(f"{base}/", self.handle_index, name="index"),
                web.get(f"{base}/ws", self.handle_app_socket, name="websocket"),
                web.get(f"{base}/download/{{key}}", self.handle_download, name="download"),
                web.static(f"{base}/static", self.statics_path, name="static"),
            ]
        )
        app.on_startup.append(self.on_startup)
        app.on_shutdown.append(self.stop_every_app)
        app.on_response_prepare.append(name_no_server_software)
        return app

    def initialize_logging(self) -> None:
        """Warnings and errors only, as plain lines with the token blacked out (textual-serve's
        own handler printed tracebacks with their local variables, the token among them)."""
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("backrun serve: %(name)s: %(message)s"))
        handler.addFilter(TokenBlackout(self.token))
        logging.basicConfig(level=logging.WARNING, handlers=[handler], force=True)

    def say(self, line: str) -> None:
        """A line for the server's terminal, never with the token in it."""
        print(line.replace(self.token, HIDDEN), file=sys.stderr, flush=True)

    async def on_startup(self, app: web.Application) -> None:
        """Quiet: `backrun serve` prints the link and its QR code itself."""

    async def handle_index(self, request: web.Request) -> Any:
        if self.session_open:
            return web.Response(text=OPEN_ELSEWHERE, content_type="text/html", status=409)
        return await super().handle_index(request)

    async def handle_app_socket(self, request: web.Request) -> web.StreamResponse:
        websocket = web.WebSocketResponse(heartbeat=15)
        if not websocket.can_prepare(request).ok:  # a plain GET: answered, not left hanging
            return web.Response(text=NOT_A_BROWSER, content_type="text/plain", status=400)
        if self.session_open:  # a second tab that loaded before the first connected
            await websocket.prepare(request)
            await websocket.close(message=b"backrun is already open elsewhere")
            return websocket
        self.session_open = True
        try:
            await self._run_app(request, websocket)
        finally:  # the app has quit and saved: another browser may open it now
            self.session_open = False
        return websocket

    async def _run_app(self, request: web.Request, websocket: web.WebSocketResponse) -> None:
        """textual-serve's session, with every message checked and a stop that always ends."""
        width = size_from(request.query.get("width"), 80)
        height = size_from(request.query.get("height"), 24)
        await websocket.prepare(request)

        async def close() -> None:
            await websocket.close()

        service = AppService(
            self.command,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=close,
            download_manager=self.download_manager,
            debug=self.debug,
        )
        self.services.add(service)
        try:
            await service.start(width, height)
            await self._process_messages(websocket, service)
        except asyncio.CancelledError:
            pass  # the server is stopping: the app is stopped below all the same
        except Exception as error:  # noqa: BLE001 - a broken browser must not end the server
            self.say(f"backrun serve: the browser's connection failed ({error!r})")
        finally:
            await stop_app(service)
            self.services.discard(service)
            with contextlib.suppress(Exception):
                await websocket.close()

    async def _process_messages(
        self, websocket: web.WebSocketResponse, app_service: AppService
    ) -> None:
        budget, report = InputBudget(), DropReport()
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                envelope = json.loads(message.data)
            except (ValueError, RecursionError):
                continue
            if not (isinstance(envelope, list) and len(envelope) == 2):
                continue
            kind, data = envelope
            if kind == "stdin" and isinstance(data, str):
                kept = budget.take(data)
                if len(kept) < len(data):
                    report.dropped(len(data) - len(kept))
                if kept:
                    await app_service.send_bytes(kept.encode("utf-8", "replace"))
            elif kind == "resize" and isinstance(data, dict):
                await app_service.set_terminal_size(
                    size_from(data.get("width"), 80), size_from(data.get("height"), 24)
                )
            elif kind == "ping" and isinstance(data, str) and len(data) <= 100:
                await websocket.send_json(["pong", data])
            elif kind == "blur":
                await app_service.blur()
            elif kind == "focus":
                await app_service.focus()

    async def stop_every_app(self, app: web.Application) -> None:
        """On Ctrl+C, before the connections are waited for: every app quits, or is ended."""
        await asyncio.gather(*(stop_app(service) for service in list(self.services)))

    def serve(self, debug: bool = False) -> None:
        """textual-serve's, with a short wait for open connections once the apps are gone."""
        self.debug = debug
        self.initialize_logging()
        loop = asyncio.new_event_loop()
        with contextlib.suppress(NotImplementedError):  # Windows: Ctrl+C raises as usual
            loop.add_signal_handler(signal.SIGINT, self.request_exit)
            loop.add_signal_handler(signal.SIGTERM, self.request_exit)
        web.run_app(
            self.web_app(),
            host=self.host,
            port=self.port,
            handle_signals=False,
            loop=loop,
            print=lambda *args: None,
            shutdown_timeout=END_GRACE,
            access_log=None,  # its lines would carry the secret token in the path
        )


class TokenBlackout(logging.Filter):
    """Takes the token out of a log line and its traceback before it is written."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        text = record.getMessage()
        if record.exc_info:
            text += "\n" + logging.Formatter().formatException(record.exc_info)
            record.exc_info, record.exc_text = None, None
        record.msg, record.args = text.replace(self.token, HIDDEN), None
        return True


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


async def name_no_server_software(request: web.Request, response: web.StreamResponse) -> None:
    """aiohttp would say "Python/3.x aiohttp/3.x" in every answer's Server header."""
    response.headers["Server"] = "backrun"


def forbidden() -> web.Response:
    return web.Response(text=FORBIDDEN, content_type="text/html", status=403)
