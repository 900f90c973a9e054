"""Real nginx serving a built site with the include the build wrote beside it.

It runs as the current user, in the foreground of a child process, on a free
port of 127.0.0.1, with everything nginx writes (pid, error and access logs,
every temporary folder) under a temporary prefix, so it needs no root and
leaves nothing behind. The server block is what the README tells a site owner
to write: `root` and the generated include, and with `brotli=True` the
README's `brotli_static on;` (Debian's libnginx-mod-http-brotli-static, loaded
at the top of the configuration as a `-c` configuration must).
"""

from __future__ import annotations

import grp
import os
import pwd
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path
from types import TracebackType

from sitebuild import nginx_conf

NGINX = "/usr/sbin/nginx"
MIME_TYPES = Path("/etc/nginx/mime.types")
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
TEMP_PATHS = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
START_TIMEOUT_S = 10


def available() -> str | None:
    """None when nginx can run here, else why not (naming the Debian package)."""
    if shutil.which("nginx", path="/usr/sbin:/usr/bin") is None or not MIME_TYPES.is_file():
        return "real-nginx tests need Debian's nginx-light (or nginx): apt-get install -y nginx-light"
    return None


def brotli_available() -> str | None:
    """None when nginx can serve the build's brotli copies here, else why not."""
    if not BROTLI_MODULE.is_file():
        return ("nginx's brotli_static needs Debian's libnginx-mod-http-brotli-static: "
                "apt-get install -y libnginx-mod-http-brotli-static")
    return available()


def configuration(site: Path, prefix: Path, port: int, brotli: bool = False) -> str:
    """The whole nginx.conf: an unprivileged, single-process server for `site`,
    sending the build's brotli copies too when `brotli`."""
    temp_paths = "\n".join(f"    {name}_temp_path {prefix / name};" for name in TEMP_PATHS)
    # Started as root, nginx would run its worker as `nobody`, who cannot read
    # the test's private temporary folders: keep the worker as this user.
    user = f"user {pwd.getpwuid(os.getuid()).pw_name} {grp.getgrgid(os.getgid()).gr_name};" if os.geteuid() == 0 else ""
    load_brotli = f"load_module {BROTLI_MODULE};" if brotli else ""
    brotli_static = "brotli_static on;" if brotli else ""
    return f"""{load_brotli}
daemon off;
{user}
worker_processes 1;
pid {prefix / "nginx.pid"};
error_log {prefix / "error.log"} warn;
events {{ worker_connections 256; }}
http {{
    include {MIME_TYPES};
    default_type application/octet-stream;
    access_log {prefix / "access.log"};
{temp_paths}
    sendfile on;
    server {{
        listen 127.0.0.1:{port};
        root {site};
        include {nginx_conf.path_for(site)};
        {brotli_static}
    }}
}}
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class NginxServer:
    """nginx serving the built `site` on 127.0.0.1 while the context is open."""

    def __init__(self, site: Path, prefix: Path, brotli: bool = False) -> None:
        self.site = site
        self.prefix = prefix
        self.brotli = brotli
        self.port = free_port()
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    @property
    def error_log(self) -> str:
        path = self.prefix / "error.log"
        return path.read_text(encoding="utf-8", errors="replace") if path.is_file() else ""

    def __enter__(self) -> NginxServer:
        conf = self.prefix / "nginx.conf"
        conf.write_text(configuration(self.site, self.prefix, self.port, self.brotli), encoding="utf-8")
        command = [NGINX, "-t", "-q", "-p", str(self.prefix), "-c", str(conf)]
        checked = subprocess.run(command, capture_output=True, text=True, check=False)
        if checked.returncode != 0:
            raise RuntimeError(f"nginx refused the configuration:\n{checked.stderr}")
        self._process = subprocess.Popen([NGINX, "-p", str(self.prefix), "-c", str(conf)], stderr=subprocess.PIPE)
        deadline = time.monotonic() + START_TIMEOUT_S
        while not self._accepts():
            if self._process.poll() is not None or time.monotonic() > deadline:
                self.__exit__(None, None, None)
                raise RuntimeError(f"nginx did not start on port {self.port}:\n{self.error_log}")
            time.sleep(0.05)
        return self

    def _accepts(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                return True
        except OSError:
            return False

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        """Graceful stop (QUIT), then a hard one if nginx does not end."""
        if self._process is None or self._process.poll() is not None:
            return
        self._process.send_signal(signal.SIGQUIT)
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
