"""`backrun serve`: the same app in a browser (a phone or tablet beside the mat), on this
computer only unless `--host` says otherwise, behind a new random link each time.

The server holds the data folder's lock for as long as it runs, so a backrun in a terminal says
"already running"; the app it starts for the browser is let in by a key only the server's own
children have (`store.lock.write_serve_key`)."""

from __future__ import annotations

import io
import ipaddress
import os
import secrets
import shlex
import socket
import subprocess
import sys
from pathlib import Path

import segno

from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.serve.server import OwnerServer
from backrun_tui.store.errors import StoreError
from backrun_tui.store.lock import (
    SERVE_KEY_ENV,
    AlreadyRunningError,
    DataDirLock,
    remove_serve_key,
    write_serve_key,
)
from backrun_tui.store.repository import Store

DEFAULT_PORT = 8000
LOCAL_ONLY = ("127.0.0.1", "localhost", "::1")
TRY_ANOTHER = "Another program may use that port: try another, such as --port 8765."
CHECK_HOST = "--host must be an address of this computer, or 0.0.0.0 for all of them."


def port_problem(host: str, port: int) -> str:
    """Why backrun could not listen there ("" when it can), found before the link is shown."""
    try:
        infos = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM)
    except OSError as error:
        return f"no such address: {error.strerror or error}"
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        if os.name != "nt":
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does
        try:
            probe.bind(address)
        except OSError as error:
            return str(error.strerror or error)
    return ""


def serve(data_dir: Path, catalog: Catalog, host: str, port: int, *, default_dir: Path) -> int:
    """Hold the folder, print the link and its QR code, serve until Ctrl+C; always let go."""
    lock = DataDirLock(data_dir)
    try:
        lock.acquire()
        Store.open(
            data_dir, known_ids=catalog.exercises
        ).close()  # problems said here, not in the browser
    except AlreadyRunningError as error:
        print(f"backrun: {error}", file=sys.stderr)
        return 3
    except (StoreError, OSError) as error:
        lock.release()
        print(f"backrun: {error}", file=sys.stderr)
        return 2
    problem = port_problem(host, port)
    if problem:
        lock.release()
        hint = TRY_ANOTHER if "in use" in problem.lower() else CHECK_HOST
        print(f"backrun: cannot listen on {host}:{port} ({problem}). {hint}", file=sys.stderr)
        return 2
    key = secrets.token_urlsafe(32)
    try:
        write_serve_key(data_dir, key)
        os.environ[SERVE_KEY_ENV] = key  # the apps the server starts inherit it
        server = OwnerServer(app_command(data_dir), secrets.token_urlsafe(24), host, port)
        server.public_url = f"http://{link_host(host)}:{port}"
        again = network_command(data_dir, port, default_dir=default_dir)
        print(introduction(server.link, host, phone_command=again), flush=True)
        try:
            server.serve()
        except OSError as error:
            print(
                f"backrun: cannot listen on {host}:{port} ({error.strerror}). "
                "Another program may use that port: try --port 8765.",
                file=sys.stderr,
            )
            return 2
        print("backrun serve stopped.", file=sys.stderr)
        return 0
    finally:
        os.environ.pop(SERVE_KEY_ENV, None)
        remove_serve_key(data_dir)
        lock.release()


def app_command(data_dir: Path) -> str:
    """The shell command textual-serve runs for each browser: this backrun on this folder. On
    POSIX the shell execs it, so the process the server can stop is the app itself."""
    words = [sys.executable, "-m", "backrun_tui", "--data-dir", str(data_dir)]
    return subprocess.list2cmdline(words) if os.name == "nt" else "exec " + shlex.join(words)


def link_host(host: str) -> str:
    """The address a phone would use: this computer's address on the network when serving on
    all of them, else the host as given."""
    if host in ("0.0.0.0", "::", ""):
        return network_address()
    try:
        if ipaddress.ip_address(host).version == 6:
            return f"[{host}]"
    except ValueError:
        pass  # a name
    return host


def network_address() -> str:
    """This computer's address on its local network (no packet is sent)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # a documentation address: only picks the route
            return str(probe.getsockname()[0])
        except OSError:
            return "127.0.0.1"


def introduction(link: str, host: str, *, phone_command: str) -> str:
    """What the terminal says once the server is up: the link (the only line with the token),
    its QR code when a phone can use it, and otherwise the command that lets a phone in."""
    lines = [
        "backrun is served in your browser. Open this link (it changes every time):",
        "",
        f"  {link}",
        "",
    ]
    if host in LOCAL_ONLY:
        lines += [
            f"A phone cannot open this link: {host} is this computer's own address. To use a phone",
            "on the same Wi-Fi, stop this server (Ctrl+C) and start it for your network:",
            "",
            f"  {phone_command}",
            "",
            "It then shows a link and a QR code for the phone. Anyone on your network who has that",
            "link can see and change your plan and history: share it with no one.",
        ]
    else:
        qr = io.StringIO()
        segno.make(link, error="m").terminal(out=qr, compact=True)
        lines += [
            qr.getvalue().rstrip("\n"),
            "",
            "Warning: anyone on your network who has this link can see and change your plan and "
            "history. Share it with no one; Ctrl+C stops it.",
        ]
    lines.append("One browser at a time. Ctrl+C stops the server; the app quits as on Ctrl+Q.")
    return "\n".join(lines)


def network_command(data_dir: Path, port: int, *, default_dir: Path) -> str:
    """The exact `backrun serve` that opens this folder to the local network."""
    words = ["backrun", "serve", "--host", "0.0.0.0"]
    if port != DEFAULT_PORT:
        words += ["--port", str(port)]
    if data_dir.resolve() != default_dir.expanduser().resolve():
        words += ["--data-dir", str(data_dir)]
    return subprocess.list2cmdline(words) if os.name == "nt" else shlex.join(words)
