"""A stranger cannot lock a member out: failures by username alone only add a short,
growing wait, and the member and their admins are told."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.test import Client

from goodfit.core.login_throttle import LONGEST_WAIT, login_wait_seconds
from goodfit.core.models import Role
from tests.factories import MembershipFactory

NOW = dt.datetime(2025, 5, 6, 9, 0, tzinfo=dt.UTC)
RIGHT = {"username": "olivia", "password": "correct-horse-battery"}
WRONG = {"username": "olivia", "password": "wrong"}


def _from(address):
    return Client(REMOTE_ADDR=address)


@pytest.fixture
def admin(team):
    user = MembershipFactory(team=team, role=Role.ADMIN, user__username="ada").user
    user.email = "ada@example.com"
    user.save()
    return user


@pytest.fixture
def olivia(owner):
    owner.email = "olivia@example.com"
    owner.save()
    return owner


def test_failures_from_many_addresses_add_a_growing_wait_not_a_lockout(olivia, admin):
    with time_machine.travel(NOW, tick=False) as clock:
        for n in range(5):
            assert _from(f"198.51.100.{n}").post("/login/", WRONG).status_code == 200
        assert login_wait_seconds("olivia") == 1
        waiting = _from("203.0.113.7").post("/login/", RIGHT)
        assert waiting.status_code == 429
        assert "try again in 1 second" in waiting.content.decode()
        assert waiting["Retry-After"] == "1"
        clock.shift(dt.timedelta(seconds=1))
        assert _from("203.0.113.7").post("/login/", RIGHT).status_code == 302


def test_the_wait_doubles_and_stops_at_a_minute(olivia):
    with time_machine.travel(NOW, tick=False) as clock:
        waits = []
        for n in range(12):
            clock.shift(dt.timedelta(seconds=LONGEST_WAIT))
            _from(f"198.51.100.{n}").post("/login/", WRONG)
            waits.append(login_wait_seconds("olivia"))
        assert waits == [0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 60, 60]
        # A quarter of an hour later the failures are forgotten.
        clock.shift(dt.timedelta(minutes=16))
        assert login_wait_seconds("olivia") == 0


def test_the_member_and_the_admins_are_told_once(olivia, admin):
    with time_machine.travel(NOW, tick=False) as clock:
        for n in range(8):
            clock.shift(dt.timedelta(seconds=LONGEST_WAIT))
            _from(f"198.51.100.{n}").post("/login/", WRONG)
    assert len(mail.outbox) == 1
    notice = mail.outbox[0]
    assert notice.to == ["ada@example.com", "olivia@example.com"]
    assert "not locked" in notice.body


def test_a_stranger_at_the_members_own_address_does_not_lock_them_out_for_long(olivia):
    """Behind one proxy every client has the same address: the stranger's failures lock
    that address for the username, as before; other usernames are not touched."""
    with time_machine.travel(NOW, tick=False):
        for _ in range(5):
            _from("192.0.2.1").post("/login/", WRONG)
        other = {"username": "tom", "password": "correct-horse-battery"}
        MembershipFactory(team=olivia.membership.team, user__username="tom")
        assert _from("192.0.2.1").post("/login/", other).status_code == 302
