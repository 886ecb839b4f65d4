"""Sessions kept in the database under a digest of their key, never the key itself.

The browser holds the key; the ``django_session`` row is stored under
``sha256(key)`` (cut to the column's 40 characters, 160 bits), so a copy of the
database or a backup gives no session that can be replayed. Lookups hash the key
from the cookie the same way; everything else is Django's database store.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.contrib.sessions.backends.db import SessionStore as DatabaseStore
from django.utils import timezone

KEY_LENGTH = 40  # django_session.session_key is a varchar(40)


def session_digest(session_key: str) -> str:
    return hashlib.sha256(session_key.encode()).hexdigest()[:KEY_LENGTH]


class SessionStore(DatabaseStore):
    def _get_session_from_db(self) -> Any:
        if self.session_key is None:
            return None
        row = self.model.objects.filter(
            session_key=session_digest(self.session_key), expire_date__gt=timezone.now()
        ).first()
        if row is None:
            self._session_key = None
        return row

    async def _aget_session_from_db(self) -> Any:
        if self.session_key is None:
            return None
        row = await self.model.objects.filter(
            session_key=session_digest(self.session_key), expire_date__gt=timezone.now()
        ).afirst()
        if row is None:
            self._session_key = None
        return row

    def exists(self, session_key: str) -> bool:
        return super().exists(session_digest(session_key))

    async def aexists(self, session_key: str) -> bool:
        return await super().aexists(session_digest(session_key))

    def create_model_instance(self, data: dict[str, Any]) -> Any:
        row = super().create_model_instance(data)
        row.session_key = session_digest(row.session_key)
        return row

    async def acreate_model_instance(self, data: dict[str, Any]) -> Any:
        row = await super().acreate_model_instance(data)
        row.session_key = session_digest(row.session_key)
        return row

    def delete(self, session_key: str | None = None) -> None:
        session_key = session_key or self.session_key
        if session_key is not None:
            self.model.objects.filter(session_key=session_digest(session_key)).delete()

    async def adelete(self, session_key: str | None = None) -> None:
        session_key = session_key or self.session_key
        if session_key is not None:
            await self.model.objects.filter(session_key=session_digest(session_key)).adelete()
