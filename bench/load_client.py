"""One simulated person of `bench/load.py`: signs in, then loops over the mix of actions,
timing each request."""

from __future__ import annotations

import random
import re
import time
from dataclasses import dataclass, field
from typing import Any

PASSWORD = "goodfit-demo"
SAVED = b"Interaction logged."  # the composer's confirmation
# (action, weight): what people do most is look at the board and at deals.
MIX = [
    ("board", 20),
    ("deal page", 25),
    ("log interaction", 10),
    ("search", 15),
    ("API deal list", 15),
    ("discovery answer", 15),
]

# --- one simulated person ---------------------------------------------------------------


@dataclass
class Sample:
    action: str
    ms: float
    error: str = ""


@dataclass
class Client:
    """A signed-in browser: its own keep-alive connection, session and CSRF cookies."""

    port: int
    fixtures: dict[str, Any]
    user: str
    token: str
    rng: random.Random
    cookies: dict[str, str] = field(default_factory=dict)
    connection: Any = None

    def request(self, method: str, path: str, body: str = "", **headers: str) -> tuple:
        """One request; like a browser, sent once more on a fresh connection when a kept-
        alive one turns out to have been closed by the server meanwhile."""
        import http.client

        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        reused = self.connection is not None
        try:
            return self._send(method, path, body, headers)
        except (ConnectionError, http.client.RemoteDisconnected):
            if not reused:
                raise
            return self._send(method, path, body, headers)

    def _send(self, method: str, path: str, body: str, headers: dict[str, str]) -> tuple:
        import http.client

        if self.connection is None:
            self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            self.connection.request(method, path, body=body or None, headers=headers)
            response = self.connection.getresponse()
            content = response.read()
        except (OSError, http.client.HTTPException):
            self.connection.close()
            self.connection = None
            raise
        for cookie in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = cookie.partition("=")
            self.cookies[name] = rest.split(";", 1)[0]
        return response.status, content

    def post(self, path: str, fields: dict[str, str]) -> tuple:
        from urllib.parse import urlencode

        fields = {**fields, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")}
        headers = {"HX-Request": "true", "X-CSRFToken": self.cookies.get("csrftoken", "")}
        return self.request("POST", path, urlencode(fields), **headers)

    def sign_in(self) -> None:
        login = self.fixtures["login"]
        status, page = self.request("GET", login)
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        fields = {"username": self.user, "password": PASSWORD}
        from urllib.parse import urlencode

        fields["csrfmiddlewaretoken"] = token.group(1).decode() if token else ""
        status, _ = self.request("POST", login, urlencode(fields))
        if status != 302 or "sessionid" not in self.cookies:
            raise RuntimeError(f"{self.user} could not sign in (HTTP {status})")

    def act(self, action: str) -> str:
        """Do one thing; returns what went wrong, or an empty string."""
        deal = self.rng.choice(self.fixtures["deals"])
        if action == "board":
            return _failure(*self.request("GET", self.fixtures["board"]))
        if action == "deal page":
            return _failure(*self.request("GET", deal["page"]))
        if action == "search":
            path = f"{self.fixtures['search']}?q={deal['word']}"
            return _failure(*self.request("GET", path))
        if action == "API deal list":
            return self._api()
        if action == "log interaction":
            return self._log(deal)
        key, value = deal["question"], self.rng.choice(deal["values"])
        return _failure(*self.post(deal["answer"], {"field": key, f"a-{key}": value}))

    def _log(self, deal: dict[str, Any]) -> str:
        # A day ago in any time zone, so it is never in the future where the member is.
        yesterday = time.strftime("%Y-%m-%dT%H:%M", time.gmtime(time.time() - 86400))
        note = f"Load test call {self.rng.randrange(10**6)}"
        fields = {"channel": "call", "direction": "out", "summary": note}
        status, content = self.post(deal["compose"], {**fields, "occurred_at": yesterday})
        # The composer answers 200 with its errors too: only the confirmation means saved.
        return _failure(status, content) or ("" if SAVED in content else "not saved")

    def _api(self) -> str:
        saved, self.cookies = self.cookies, {}  # a script: its token, no session
        try:
            auth = {"Authorization": f"Bearer {self.token}"}
            return _failure(*self.request("GET", self.fixtures["api"], **auth))
        finally:
            self.cookies = saved


def _failure(status: int, content: bytes) -> str:
    return "" if status == 200 else f"HTTP {status}"


def _actions(rng: random.Random) -> str:
    names = [name for name, _ in MIX]
    return rng.choices(names, weights=[weight for _, weight in MIX])[0]


def run_client(client: Client, until: float, think: float, samples: list[Sample]) -> None:
    while time.monotonic() < until:
        action = _actions(client.rng)
        started = time.perf_counter()
        try:
            error = client.act(action)
        except Exception as exc:  # a broken connection is an error to count, not a crash
            error = type(exc).__name__
        samples.append(Sample(action, (time.perf_counter() - started) * 1000, error))
        if think:
            time.sleep(client.rng.uniform(0.5 * think, 1.5 * think))
