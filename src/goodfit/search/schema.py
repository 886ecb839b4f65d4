"""The search indexes, per database: SQLite FTS5 tables kept by triggers, PostgreSQL
trigram indexes on expressions.

Both are maintained by the database itself, so every write is indexed in its own
transaction, including the bulk inserts of the demo data and imports that bypass the
services. ``search_rebuild`` (a management command) rebuilds them from the tables.
"""

from __future__ import annotations

from typing import Any


def _sqlite_digits(column: str) -> str:
    """SQL for a phone number's digits: the separators of ``query.PHONE_PUNCTUATION`` removed."""
    expression = column
    for char in (" ", "-", "(", ")", "+", ".", "/"):
        expression = f"replace({expression}, '{char}', '')"
    return f"replace(replace({expression}, char(9), ''), char(160), '')"


def _prospect_values(row: str) -> str:
    return f"{row}.id, {row}.name, {row}.company, {row}.email, {_sqlite_digits(f'{row}.phone')}"


# Contentless FTS5 tables with the trigram tokenizer: substring search on every column,
# case-insensitive; rows are found by rowid = the source row's id.
SQLITE_CREATE = [
    "CREATE VIRTUAL TABLE search_prospect_fts USING fts5("
    "name, company, email, phone, content='', tokenize='trigram')",
    "CREATE VIRTUAL TABLE search_deal_fts USING fts5(title, content='', tokenize='trigram')",
    "CREATE TRIGGER search_prospect_ai AFTER INSERT ON pipeline_prospect BEGIN "
    "INSERT INTO search_prospect_fts(rowid, name, company, email, phone) "
    f"VALUES ({_prospect_values('new')}); END",
    "CREATE TRIGGER search_prospect_ad AFTER DELETE ON pipeline_prospect BEGIN "
    "INSERT INTO search_prospect_fts(search_prospect_fts, rowid, name, company, email, phone) "
    f"VALUES ('delete', {_prospect_values('old')}); END",
    "CREATE TRIGGER search_prospect_au AFTER UPDATE OF name, company, email, phone "
    "ON pipeline_prospect BEGIN "
    "INSERT INTO search_prospect_fts(search_prospect_fts, rowid, name, company, email, phone) "
    f"VALUES ('delete', {_prospect_values('old')}); "
    "INSERT INTO search_prospect_fts(rowid, name, company, email, phone) "
    f"VALUES ({_prospect_values('new')}); END",
    "CREATE TRIGGER search_deal_ai AFTER INSERT ON pipeline_deal BEGIN "
    "INSERT INTO search_deal_fts(rowid, title) VALUES (new.id, new.title); END",
    "CREATE TRIGGER search_deal_ad AFTER DELETE ON pipeline_deal BEGIN "
    "INSERT INTO search_deal_fts(search_deal_fts, rowid, title) "
    "VALUES ('delete', old.id, old.title); END",
    "CREATE TRIGGER search_deal_au AFTER UPDATE OF title ON pipeline_deal BEGIN "
    "INSERT INTO search_deal_fts(search_deal_fts, rowid, title) "
    "VALUES ('delete', old.id, old.title); "
    "INSERT INTO search_deal_fts(rowid, title) VALUES (new.id, new.title); END",
]
SQLITE_FILL = [
    "INSERT INTO search_prospect_fts(rowid, name, company, email, phone) "
    f"SELECT {_prospect_values('p')} FROM pipeline_prospect p",
    "INSERT INTO search_deal_fts(rowid, title) SELECT id, title FROM pipeline_deal",
]
SQLITE_EMPTY = [
    "INSERT INTO search_prospect_fts(search_prospect_fts) VALUES ('delete-all')",
    "INSERT INTO search_deal_fts(search_deal_fts) VALUES ('delete-all')",
]
SQLITE_DROP = [
    *(
        f"DROP TRIGGER IF EXISTS search_{table}_{when}"
        for table in ("prospect", "deal")
        for when in ("ai", "ad", "au")
    ),
    "DROP TABLE IF EXISTS search_prospect_fts",
    "DROP TABLE IF EXISTS search_deal_fts",
]

# The expressions the PostgreSQL queries compare, exactly as indexed.
PG_PROSPECT_TEXT = "lower(name || ' ' || company || ' ' || email)"
PG_PROSPECT_PHONE = "regexp_replace(phone, '[^0-9]', '', 'g')"
PG_DEAL_TEXT = "lower(title)"
PG_CREATE = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX search_prospect_text_trgm ON pipeline_prospect "
    f"USING gin (({PG_PROSPECT_TEXT}) gin_trgm_ops)",
    "CREATE INDEX search_prospect_phone_trgm ON pipeline_prospect "
    f"USING gin (({PG_PROSPECT_PHONE}) gin_trgm_ops)",
    "CREATE INDEX search_deal_title_trgm ON pipeline_deal "
    f"USING gin (({PG_DEAL_TEXT}) gin_trgm_ops)",
]
PG_INDEXES = ["search_prospect_text_trgm", "search_prospect_phone_trgm", "search_deal_title_trgm"]
PG_DROP = [f"DROP INDEX IF EXISTS {name}" for name in PG_INDEXES]


def _run(schema_editor: Any, statements: list[str]) -> None:
    for statement in statements:
        schema_editor.execute(statement, params=None)


def create(apps: Any, schema_editor: Any) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        _run(schema_editor, SQLITE_CREATE + SQLITE_FILL)
    elif vendor == "postgresql":
        _run(schema_editor, PG_CREATE)


def drop(apps: Any, schema_editor: Any) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        _run(schema_editor, SQLITE_DROP)
    elif vendor == "postgresql":
        _run(schema_editor, PG_DROP)


def rebuild(connection: Any) -> None:
    """Empty and refill the index from the tables (SQLite), or reindex (PostgreSQL)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            for statement in SQLITE_EMPTY + SQLITE_FILL:
                cursor.execute(statement)
        elif connection.vendor == "postgresql":
            for name in PG_INDEXES:
                cursor.execute(f"REINDEX INDEX {name}")
