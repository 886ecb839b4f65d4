"""Session rows hold a digest of the key: a copy of the database signs nobody in."""

from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client

from goodfit.core.sessions import SessionStore, session_digest


def _sign_in(client):
    response = client.post("/login/", {"username": "olivia", "password": "correct-horse-battery"})
    assert response.status_code == 302
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def test_the_cookie_value_is_not_stored(owner, client):
    key = _sign_in(client)
    assert not Session.objects.filter(session_key=key).exists()
    assert Session.objects.filter(session_key=session_digest(key)).exists()
    assert not any(key in row.session_data for row in Session.objects.all())
    assert client.get("/today/").status_code == 200


def test_a_stored_row_used_as_a_cookie_signs_nobody_in(owner, client):
    _sign_in(client)
    stolen = Session.objects.get().session_key
    thief = Client()
    thief.cookies[settings.SESSION_COOKIE_NAME] = stolen
    response = thief.get("/today/")
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_sign_out_deletes_the_row(owner, client):
    _sign_in(client)
    assert Session.objects.count() == 1
    client.post("/logout/")
    assert Session.objects.count() == 0
    assert client.get("/today/").status_code == 302


def test_the_key_changes_at_sign_in_and_the_old_row_goes(owner, client):
    client.get("/login/")
    store = SessionStore()
    store["seen"] = True
    store.create()
    client.cookies[settings.SESSION_COOKIE_NAME] = store.session_key
    new_key = _sign_in(client)
    assert new_key != store.session_key
    assert not SessionStore().exists(store.session_key)
    assert SessionStore().exists(new_key)
    assert SessionStore(new_key).load()["_auth_user_id"] == str(owner.pk)
