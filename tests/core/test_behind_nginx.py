"""`goodfit serve` behind a real TLS proxy: Debian's nginx on loopback, started here.

Through the proxy the site answers 200 over HTTPS with Secure cookies and HSTS (not a
redirect to https:// forever), and the login lockout records the client's address from
X-Forwarded-For, not the proxy's.
"""

from __future__ import annotations

import http.client
import os
import re
import shutil
import sqlite3
import ssl
import subprocess
import sys
import time
from http.cookies import SimpleCookie
from pathlib import Path

import pytest

from tests.core.test_serve import (
    STARTUP_SECONDS,
    _environment,
    _free_port,
    _get,
    _stop,
)

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
pytestmark = [
    pytest.mark.skipif(
        bool(os.environ.get("GOODFIT_DATABASE_URL")), reason="runs on SQLite in the SQLite pass"
    ),
    pytest.mark.skipif(
        not Path(NGINX).exists(), reason="needs nginx: apt-get install -y nginx-light"
    ),
]

NGINX_CONF = """
{user}
worker_processes 1;
pid {dir}/nginx.pid;
error_log {dir}/error.log;
events {{ worker_connections 64; }}
http {{
  access_log off;
  client_body_temp_path {dir}/body;
  proxy_temp_path {dir}/proxy;
  fastcgi_temp_path {dir}/fastcgi;
  uwsgi_temp_path {dir}/uwsgi;
  scgi_temp_path {dir}/scgi;
  server {{
    listen 127.0.0.1:{port} ssl;
    ssl_certificate {dir}/cert.pem;
    ssl_certificate_key {dir}/key.pem;
    location / {{
      proxy_pass http://127.0.0.1:{upstream};
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    }}
  }}
}}
"""


def _certificate(folder: Path) -> None:
    key, cert = str(folder / "key.pem"), str(folder / "cert.pem")
    request = ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
    subprocess.run(
        ["openssl", *request, "-subj", "/CN=127.0.0.1", "-keyout", key, "-out", cert],
        check=True,
        capture_output=True,
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A data directory with an admin, `goodfit serve` behind the proxy, and nginx."""
    data = tmp_path_factory.mktemp("proxied")
    env = {**_environment(data), "GOODFIT_HTTPS": "1", "GOODFIT_BEHIND_PROXY": "1"}
    setup = ["setup", "--team", "Proxied", "--username", "ada"]
    subprocess.run([sys.executable, "-m", "goodfit", *setup], env=env, check=True)
    upstream = _free_port()
    command = [sys.executable, "-m", "goodfit", "serve", "--port", str(upstream)]
    server = subprocess.Popen(
        [*command, "--workers", "1"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    _wait(lambda: _get(upstream, "/healthz").status == 200, server)
    proxy_dir = tmp_path_factory.mktemp("nginx")
    _certificate(proxy_dir)
    port = _free_port()
    user = "user root;" if os.geteuid() == 0 else ""
    conf = NGINX_CONF.format(user=user, dir=proxy_dir, port=port, upstream=upstream)
    (proxy_dir / "nginx.conf").write_text(conf)
    nginx = subprocess.Popen(
        [NGINX, "-c", str(proxy_dir / "nginx.conf"), "-p", str(proxy_dir), "-g", "daemon off;"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    _wait(lambda: _https(port, "GET", "/healthz")[0].status == 200, nginx)
    yield data, port
    nginx.terminate()
    nginx.wait(timeout=30)
    _stop(server)


def _wait(ready, process) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if ready():
                return
        except OSError:
            time.sleep(0.2)
    process.kill()
    pytest.fail(f"did not start: {process.communicate()[0]!r}")


def _https(port: int, method: str, path: str, body: str = "", headers=None):
    context = ssl.create_default_context()
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE  # self-signed
    connection = http.client.HTTPSConnection("127.0.0.1", port, timeout=30, context=context)
    connection.request(method, path, body=body or None, headers=headers or {})
    response = connection.getresponse()
    return response, response.read().decode()


def test_through_the_proxy_the_site_answers_over_https_with_secure_cookies(site):
    _, port = site
    response, html = _https(port, "GET", "/login/")
    assert response.status == 200, response.getheader("Location")
    assert "max-age=" in response.getheader("Strict-Transport-Security", "")
    cookies = " ".join(response.headers.get_all("Set-Cookie") or [])
    assert "csrftoken=" in cookies and "Secure" in cookies
    assert 'name="csrfmiddlewaretoken"' in html


def test_the_login_lockout_sees_the_client_not_the_proxy(site):
    data, port = site
    response, html = _https(port, "GET", "/login/")
    cookie = SimpleCookie(response.getheader("Set-Cookie", ""))["csrftoken"].value
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    answer, _ = _https(
        port,
        "POST",
        "/login/",
        body=f"username=ada&password=wrong-guess&csrfmiddlewaretoken={token}",
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={cookie}",
            "Referer": f"https://127.0.0.1:{port}/login/",
            "X-Forwarded-For": "198.51.100.7",
        },
    )
    assert answer.status == 200  # the form again, with its error
    with sqlite3.connect(data / "goodfit.sqlite3") as db:
        addresses = {row[0] for row in db.execute("SELECT ip_address FROM axes_accessattempt")}
    assert addresses == {"198.51.100.7"}
