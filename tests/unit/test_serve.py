"""`backrun serve` without a browser: every route needs the token, one session at a time, the
key that lets the server's own app past the lock, and what the terminal prints."""

from __future__ import annotations

import logging
import shlex
import socket
import sys
from pathlib import Path

from aiohttp.test_utils import TestClient, TestServer

from backrun_tui.serve.command import introduction, link_host, network_command, port_problem
from backrun_tui.serve.server import OwnerServer, TokenBlackout
from backrun_tui.store.lock import (
    DataDirLock,
    remove_serve_key,
    served_by_holder,
    write_serve_key,
)

TOKEN = "k3y-for-tests_0123456789"


async def client_for(server: OwnerServer) -> TestClient:
    client = TestClient(TestServer(await server.web_app()))
    await client.start_server()
    return client


async def test_nothing_is_served_without_the_token() -> None:
    server = OwnerServer("backrun", TOKEN, "127.0.0.1", 8000)
    client = await client_for(server)
    try:
        for path in ("/", "/ws", "/static/js/textual.js", f"/{TOKEN[:-1]}/", f"/x/{TOKEN}/"):
            response = await client.get(path)
            text = await response.text()
            assert response.status == 403, path
            assert "Forbidden" in text and "textual" not in text.lower()  # reveals nothing
        assert (await client.post(f"/{TOKEN}/")).status == 403
        page = await client.get(f"/{TOKEN}/")
        html = await page.text()
        assert page.status == 200
        assert f"/{TOKEN}/ws" in html and f"/{TOKEN}/static/js/textual.js" in html
        assert "googleapis" not in html  # nothing fetched from elsewhere
        assert (await client.get(f"/{TOKEN}/static/js/textual.js")).status == 200
    finally:
        await client.close()


async def test_a_second_browser_is_told_it_is_open_elsewhere() -> None:
    server = OwnerServer("backrun", TOKEN, "127.0.0.1", 8000)
    client = await client_for(server)
    try:
        server.session_open = True  # a browser has it
        page = await client.get(f"/{TOKEN}/")
        assert page.status == 409 and "already open elsewhere" in await page.text()
        server.session_open = False
        assert (await client.get(f"/{TOKEN}/")).status == 200
    finally:
        await client.close()


def test_only_the_servers_own_app_passes_the_lock(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    lock = DataDirLock(folder).acquire()
    try:
        write_serve_key(folder, "the-key")
        assert "the-key" not in (folder / "backrun.serve").read_text()  # only its digest
        assert served_by_holder(folder, "the-key")
        assert not served_by_holder(folder, "another-key")
        assert not served_by_holder(folder, "")
    finally:
        lock.release()
    assert not served_by_holder(folder, "the-key")  # the server is gone: lock as usual
    remove_serve_key(folder)
    assert not (folder / "backrun.serve").exists()


def test_the_terminal_gets_the_link_and_a_qr_code_only_where_a_phone_can_open_it() -> None:
    link = f"http://127.0.0.1:8000/{TOKEN}/"
    again = "backrun serve --host 0.0.0.0"
    local = introduction(link, "127.0.0.1", phone_command=again)
    assert local.count(TOKEN) == 1 and f"  {link}" in local
    assert "▀" not in local and "▄" not in local  # no QR code a phone could not use
    assert "A phone cannot open this link" in local and f"  {again}" in local
    assert "can see and change your plan and history" in local  # said before they do it
    shared_link = f"http://192.168.1.20:8000/{TOKEN}/"
    shared = introduction(shared_link, "0.0.0.0", phone_command=again)
    assert "▀" in shared and shared.count(TOKEN) == 1  # the QR code, in half blocks
    assert "Warning: anyone on your network who has this link" in shared
    assert "A phone cannot" not in shared
    assert link_host("::1") == "[::1]" and link_host("127.0.0.1") == "127.0.0.1"
    assert link_host("0.0.0.0") not in ("0.0.0.0", "")


def test_the_command_for_a_phone_keeps_the_port_and_folder(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert network_command(home, 8000, default_dir=home) == "backrun serve --host 0.0.0.0"
    other = tmp_path / "my data"
    said = network_command(other, 8765, default_dir=home)
    assert said.startswith("backrun serve --host 0.0.0.0 --port 8765 --data-dir ")
    assert shlex.split(said)[-1] == str(other)  # a path with a space, quoted


def test_log_lines_and_tracebacks_never_carry_the_token() -> None:
    record = logging.LogRecord(
        "aiohttp.server", logging.ERROR, "x", 1, "GET %s", (f"/{TOKEN}/",), None
    )
    try:
        raise RuntimeError(f"failed at /{TOKEN}/ws")
    except RuntimeError:
        record.exc_info = sys.exc_info()
    assert TokenBlackout(TOKEN).filter(record)
    written = logging.Formatter().format(record)
    assert TOKEN not in written and "failed at /[link]/ws" in written and "GET /[link]/" in written


def test_a_port_in_use_is_found_before_any_link_is_shown() -> None:
    with socket.socket() as taken:
        taken.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert "in use" in port_problem("127.0.0.1", port).lower()
    assert port_problem("127.0.0.1", port) == ""  # free again


async def test_a_plain_request_for_the_live_connection_is_answered() -> None:
    server = OwnerServer("backrun", TOKEN, "127.0.0.1", 8000)
    client = await client_for(server)
    try:
        response = await client.get(f"/{TOKEN}/ws")
        assert response.status == 400
        assert "open the link instead" in await response.text()
    finally:
        await client.close()


async def test_no_answer_names_the_server_software() -> None:
    server = OwnerServer("backrun", TOKEN, "127.0.0.1", 8000)
    client = await client_for(server)
    try:
        for path in ("/", f"/{TOKEN}/", f"/{TOKEN}/ws", f"/{TOKEN}/static/js/textual.js"):
            response = await client.get(path)
            said = " ".join(f"{k}: {v}" for k, v in response.headers.items()).lower()
            assert "aiohttp" not in said and "python" not in said, (path, said)
    finally:
        await client.close()
