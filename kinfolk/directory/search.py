"""Words search over Service.search_text: one interface, one implementation per database.

Each word a person types must be found in a service (name, description, organisation, or a
category with its synonyms), in any of its forms ("walks" finds "walking"). A word the
directory does not have is taken as a typo and replaced by the nearest words it does have.

- PostgreSQL: full-text search (english stemming, GIN index) and pg_trgm word similarity
  (GIN trigram index) to find the nearest words for a typo.
- SQLite, the embedded default: FTS5 (porter stemming) kept in step by triggers, and a second
  FTS5 index without stemming whose vocabulary gives the nearest words for a typo.
"""

import difflib
import re

from django.db import connection
from django.db.models import F, Q, QuerySet, Value
from django.db.models.expressions import RawSQL

MAX_WORDS = 8
MAX_WORD_LENGTH = 40
CLOSE_ENOUGH = 0.75  # difflib ratio: "walkng" to "walking" is 0.92, "walk" to "talk" 0.75
TRIGRAM_THRESHOLD = 0.45  # pg_trgm word similarity for candidates; difflib then decides
WORD = re.compile(r"[^\W_]+")
# The Snowball English stop words (PostgreSQL's 'english' configuration ignores the same).
STOP_WORDS = frozenset(
    """i me my myself we our ours ourselves you your yours yourself yourselves he him his himself
    she her hers herself it its itself they them their theirs themselves what which who whom this
    that these those am is are was were be been being have has had having do does did doing a an
    the and but if or because as until while of at by for with about against between into through
    during before after above below to from up down in out on off over under again further then
    once here there when where why how all any both each few more most other some such no nor not
    only own same so than too very s t can will just don should now""".split()
)


def words_of(text: str) -> list[str]:
    """The words to look for: letters and digits only, lower case, no stop words, at most 8."""
    found = [w for w in WORD.findall((text or "").lower()) if w not in STOP_WORDS]
    return [w[:MAX_WORD_LENGTH] for w in found[:MAX_WORDS]]


def closest(word: str, vocabulary) -> list[str]:
    return difflib.get_close_matches(word, vocabulary, n=3, cutoff=CLOSE_ENOUGH)


class PostgresSearch:
    """Full-text search for word forms; trigram word similarity to find what a typo meant."""

    def _vector(self):
        from django.contrib.postgres.search import SearchVector

        return SearchVector("search_text", config="english")

    def matching(self, words: list[str]):
        from django.contrib.postgres.search import SearchQuery, SearchVectorExact

        query = SearchQuery(words[0], config="english")
        for word in words[1:]:
            query |= SearchQuery(word, config="english")
        return SearchVectorExact(self._vector(), query)

    def has(self, word: str, among: QuerySet) -> bool:
        return among.filter(self.matching([word])).exists()

    def close_words(self, word: str, among: QuerySet) -> list[str]:
        from django.contrib.postgres.lookups import TrigramWordSimilar

        with connection.cursor() as cursor:  # a dropped letter scores 0.57; the default is 0.6
            cursor.execute(
                "SELECT set_config('pg_trgm.word_similarity_threshold', %s, false)",
                [str(TRIGRAM_THRESHOLD)],
            )
        texts = among.filter(TrigramWordSimilar(F("search_text"), Value(word)))
        vocabulary = {w for text in texts.values_list("search_text", flat=True)[:50]
                      for w in WORD.findall(text)}  # fmt: skip
        return closest(word, vocabulary)


class SqliteSearch:
    """FTS5 with porter stemming for word forms; the unstemmed index's vocabulary for typos."""

    def matching(self, words: list[str]) -> Q:
        expression = " OR ".join(f'"{w}"' for w in words)
        return Q(
            pk__in=RawSQL(
                "SELECT service_id FROM directory_service_fts WHERE directory_service_fts MATCH %s",
                [expression],
            )
        )

    def has(self, word: str, among: QuerySet) -> bool:
        return among.filter(self.matching([word])).exists()

    def close_words(self, word: str, among: QuerySet) -> list[str]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT term FROM directory_service_vocabulary WHERE term >= %s AND term < %s",
                [word[0], chr(ord(word[0]) + 1)],
            )
            same_start = [row[0] for row in cursor.fetchall()]
        found = closest(word, same_start)
        if not found:
            with connection.cursor() as cursor:
                cursor.execute("SELECT term FROM directory_service_vocabulary")
                found = closest(word, [row[0] for row in cursor.fetchall()])
        return [w for w in found if self.has(w, among)]


def backend():
    return PostgresSearch() if connection.vendor == "postgresql" else SqliteSearch()


def words_filter(found: QuerySet, text: str, among: QuerySet) -> QuerySet:
    """Services having every word (any form); a word nobody has counts as its nearest words."""
    engine = backend()
    for word in words_of(text):
        meant = [word] if engine.has(word, among) else engine.close_words(word, among)
        if not meant:
            return found.none()
        found = found.filter(engine.matching(meant))
    return found


def suggestion(text: str, among: QuerySet) -> str | None:
    """What the person probably meant, if a word they typed is not in the directory."""
    engine = backend()
    out, changed = [], False
    for word in WORD.findall((text or "").lower())[:MAX_WORDS]:
        if word in STOP_WORDS or engine.has(word, among):
            out.append(word)
            continue
        meant = engine.close_words(word[:MAX_WORD_LENGTH], among)
        if not meant:
            return None
        out.append(meant[0])
        changed = True
    return " ".join(out) if changed else None


# The indexes, created by migration 0002 (and again after any migration on SQLite, whose table
# rebuilds drop triggers).

SQLITE_INDEX = [
    """CREATE VIRTUAL TABLE IF NOT EXISTS directory_service_fts USING fts5(
        service_id UNINDEXED, search_text, tokenize = 'porter unicode61 remove_diacritics 2')""",
    """CREATE VIRTUAL TABLE IF NOT EXISTS directory_service_words USING fts5(
        service_id UNINDEXED, search_text, tokenize = 'unicode61 remove_diacritics 2',
        detail = none)""",
    """CREATE VIRTUAL TABLE IF NOT EXISTS directory_service_vocabulary
        USING fts5vocab(directory_service_words, 'row')""",
    """CREATE TRIGGER IF NOT EXISTS directory_service_search_insert
        AFTER INSERT ON directory_service BEGIN
        INSERT INTO directory_service_fts (service_id, search_text)
            VALUES (new.id, new.search_text);
        INSERT INTO directory_service_words (service_id, search_text)
            VALUES (new.id, new.search_text);
        END""",
    """CREATE TRIGGER IF NOT EXISTS directory_service_search_update
        AFTER UPDATE OF search_text ON directory_service BEGIN
        UPDATE directory_service_fts SET search_text = new.search_text
            WHERE service_id = new.id;
        UPDATE directory_service_words SET search_text = new.search_text
            WHERE service_id = new.id;
        END""",
    """CREATE TRIGGER IF NOT EXISTS directory_service_search_delete
        AFTER DELETE ON directory_service BEGIN
        DELETE FROM directory_service_fts WHERE service_id = old.id;
        DELETE FROM directory_service_words WHERE service_id = old.id;
        END""",
]
SQLITE_REBUILD = [
    "DELETE FROM directory_service_fts",
    "DELETE FROM directory_service_words",
    "INSERT INTO directory_service_fts (service_id, search_text) "
    "SELECT id, search_text FROM directory_service",
    "INSERT INTO directory_service_words (service_id, search_text) "
    "SELECT id, search_text FROM directory_service",
]
SQLITE_TRIGGERS = {
    "directory_service_search_insert",
    "directory_service_search_update",
    "directory_service_search_delete",
}
POSTGRES_INDEX = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS directory_service_search_fts ON directory_service USING gin "
    "(to_tsvector('english'::regconfig, COALESCE(search_text, '')))",
    "CREATE INDEX IF NOT EXISTS directory_service_search_trgm ON directory_service USING gin "
    "(search_text gin_trgm_ops)",
]


def ensure_index(using_connection=None) -> None:
    """Create the search index for this database if it is missing (and fill it on SQLite)."""
    conn = using_connection or connection
    if "directory_service" not in conn.introspection.table_names():
        return
    with conn.cursor() as cursor:
        if conn.vendor == "postgresql":
            for sql in POSTGRES_INDEX:
                cursor.execute(sql)
            return
        if conn.vendor != "sqlite":
            return
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        if SQLITE_TRIGGERS <= {row[0] for row in cursor.fetchall()}:
            return
        for sql in SQLITE_INDEX + SQLITE_REBUILD:
            cursor.execute(sql)


def drop_index(using_connection=None) -> None:
    conn = using_connection or connection
    with conn.cursor() as cursor:
        if conn.vendor == "postgresql":
            cursor.execute("DROP INDEX IF EXISTS directory_service_search_fts")
            cursor.execute("DROP INDEX IF EXISTS directory_service_search_trgm")
        elif conn.vendor == "sqlite":
            for name in sorted(SQLITE_TRIGGERS):
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
            for table in ("vocabulary", "words", "fts"):
                cursor.execute(f"DROP TABLE IF EXISTS directory_service_{table}")
