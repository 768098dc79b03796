"""What the database itself refuses about arrangements, on PostgreSQL and SQLite (ADR 0030).

A CHECK constraint sees one row; these rules look at other tables (the introduction, the
household and its other arrangements), so they are triggers:

- an arrangement points at an introduction that both sides agreed to (stage "agreed" or
  "arranged", both agreements recorded), between the same person and household, of the same
  kind, in the same area;
- a new (or re-opened) arrangement is with a household in its area that is approved now (not
  applying, deferred, declined, suspended or no longer a carer);
- an arrangement that takes a place (living together, short breaks, home from hospital) needs a
  free one: fewer of the household's active arrangements that take a place than its places;
- a household's places cannot drop below the people living there now.

Places in use are counted from active arrangements, never kept as a separate number. On
PostgreSQL the arrangement trigger locks the household row before it counts, so two
arrangements started at the same moment cannot both take the last place; SQLite lets one
writer at a time, so its count is always current.

The migration `0002_arrangement_integrity` creates them; a `post_migrate` handler puts them
back after any later migration on SQLite, whose table rebuilds drop a table's triggers.
"""

from django.db import connection as default_connection

# Each refusal's words: the same on both databases, so a service can tell which rule refused.
NOT_AGREED = "an arrangement needs an introduction that both sides agreed to"
NOT_THE_SAME = (
    "an arrangement is between the person and the household of its introduction, of the kind "
    "they agreed, in the same area"
)
NOT_APPROVED = "a new arrangement needs a household in its area that is approved now"
NO_FREE_PLACE = "the household has no free place"
FEWER_PLACES = "a household cannot have fewer places than people living there now"
REFUSALS = (NOT_AGREED, NOT_THE_SAME, NOT_APPROVED, NO_FREE_PLACE, FEWER_PLACES)

TAKES_A_PLACE_SQL = "('long_term', 'short_breaks', 'home_from_hospital')"

POSTGRES_UP = [
    f"""CREATE OR REPLACE FUNCTION sharedlives_arrangement_rules() RETURNS trigger AS $$
    DECLARE
      intro record;
      household record;
      used integer;
    BEGIN
      IF TG_OP = 'INSERT'
         OR NEW.introduction_id IS DISTINCT FROM OLD.introduction_id
         OR NEW.person_id IS DISTINCT FROM OLD.person_id
         OR NEW.carer_id IS DISTINCT FROM OLD.carer_id
         OR NEW.arrangement_type IS DISTINCT FROM OLD.arrangement_type
         OR NEW.area_id IS DISTINCT FROM OLD.area_id THEN
        SELECT stage, person_agreed_at, carer_agreed_at, person_id, carer_id,
               arrangement_type, area_id
          INTO intro FROM sharedlives_introduction WHERE id = NEW.introduction_id;
        IF NOT FOUND OR intro.stage NOT IN ('agreed', 'arranged')
           OR intro.person_agreed_at IS NULL OR intro.carer_agreed_at IS NULL THEN
          RAISE EXCEPTION '{NOT_AGREED}' USING ERRCODE = 'check_violation';
        END IF;
        IF intro.person_id <> NEW.person_id OR intro.carer_id <> NEW.carer_id
           OR intro.arrangement_type <> NEW.arrangement_type
           OR intro.area_id <> NEW.area_id THEN
          RAISE EXCEPTION '{NOT_THE_SAME}' USING ERRCODE = 'check_violation';
        END IF;
      END IF;
      IF NEW.status = 'active' AND (
           TG_OP = 'INSERT' OR OLD.status <> 'active'
           OR NEW.carer_id <> OLD.carer_id OR NEW.arrangement_type <> OLD.arrangement_type) THEN
        -- The household's row lock: whoever starts an arrangement there second waits here,
        -- then counts what the first one committed.
        SELECT status, places, area_id INTO household
          FROM sharedlives_carer WHERE id = NEW.carer_id FOR UPDATE;
        IF NOT FOUND OR household.status <> 'approved' OR household.area_id <> NEW.area_id THEN
          RAISE EXCEPTION '{NOT_APPROVED}' USING ERRCODE = 'check_violation';
        END IF;
        IF NEW.arrangement_type IN {TAKES_A_PLACE_SQL} THEN
          SELECT count(*) INTO used FROM sharedlives_arrangement
           WHERE carer_id = NEW.carer_id AND status = 'active'
             AND arrangement_type IN {TAKES_A_PLACE_SQL} AND id IS DISTINCT FROM NEW.id;
          IF used >= household.places THEN
            RAISE EXCEPTION '{NO_FREE_PLACE}' USING ERRCODE = 'check_violation';
          END IF;
        END IF;
      END IF;
      RETURN NEW;
    END; $$ LANGUAGE plpgsql""",
    "DROP TRIGGER IF EXISTS sharedlives_arrangement_rules ON sharedlives_arrangement",
    """CREATE TRIGGER sharedlives_arrangement_rules
       BEFORE INSERT OR UPDATE ON sharedlives_arrangement
       FOR EACH ROW EXECUTE FUNCTION sharedlives_arrangement_rules()""",
    f"""CREATE OR REPLACE FUNCTION sharedlives_carer_places_rule() RETURNS trigger AS $$
    BEGIN
      IF NEW.places < (SELECT count(*) FROM sharedlives_arrangement
                        WHERE carer_id = NEW.id AND status = 'active'
                          AND arrangement_type IN {TAKES_A_PLACE_SQL}) THEN
        RAISE EXCEPTION '{FEWER_PLACES}' USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END; $$ LANGUAGE plpgsql""",
    "DROP TRIGGER IF EXISTS sharedlives_carer_places_rule ON sharedlives_carer",
    """CREATE TRIGGER sharedlives_carer_places_rule
       BEFORE UPDATE OF places ON sharedlives_carer
       FOR EACH ROW WHEN (NEW.places < OLD.places)
       EXECUTE FUNCTION sharedlives_carer_places_rule()""",
]
POSTGRES_DOWN = [
    "DROP TRIGGER IF EXISTS sharedlives_carer_places_rule ON sharedlives_carer",
    "DROP FUNCTION IF EXISTS sharedlives_carer_places_rule()",
    "DROP TRIGGER IF EXISTS sharedlives_arrangement_rules ON sharedlives_arrangement",
    "DROP FUNCTION IF EXISTS sharedlives_arrangement_rules()",
]

# SQLite: one trigger per kind of write; its body refuses at the first rule broken, in order.
_INTRODUCTION_CHANGED = (
    "(NEW.introduction_id IS NOT OLD.introduction_id OR NEW.person_id IS NOT OLD.person_id"
    " OR NEW.carer_id IS NOT OLD.carer_id OR NEW.arrangement_type IS NOT OLD.arrangement_type"
    " OR NEW.area_id IS NOT OLD.area_id)"
)
_PLACE_NEWLY_TAKEN = (
    "(OLD.status <> 'active' OR NEW.carer_id <> OLD.carer_id"
    " OR NEW.arrangement_type <> OLD.arrangement_type)"
)
_SQLITE_RULES = [
    # (the refusal, when it applies to an UPDATE, the condition that breaks it)
    (
        NOT_AGREED,
        _INTRODUCTION_CHANGED,
        """NOT EXISTS (SELECT 1 FROM sharedlives_introduction i
            WHERE i.id = NEW.introduction_id AND i.stage IN ('agreed', 'arranged')
              AND i.person_agreed_at IS NOT NULL AND i.carer_agreed_at IS NOT NULL)""",
    ),
    (
        NOT_THE_SAME,
        _INTRODUCTION_CHANGED,
        """EXISTS (SELECT 1 FROM sharedlives_introduction i
            WHERE i.id = NEW.introduction_id
              AND (i.person_id <> NEW.person_id OR i.carer_id <> NEW.carer_id
                   OR i.arrangement_type <> NEW.arrangement_type OR i.area_id <> NEW.area_id))""",
    ),
    (
        NOT_APPROVED,
        _PLACE_NEWLY_TAKEN,
        """NEW.status = 'active' AND NOT EXISTS (SELECT 1 FROM sharedlives_carer c
            WHERE c.id = NEW.carer_id AND c.status = 'approved' AND c.area_id = NEW.area_id)""",
    ),
    (
        NO_FREE_PLACE,
        _PLACE_NEWLY_TAKEN,
        f"""NEW.status = 'active' AND NEW.arrangement_type IN {TAKES_A_PLACE_SQL}
            AND (SELECT count(*) FROM sharedlives_arrangement a
                  WHERE a.carer_id = NEW.carer_id AND a.status = 'active'
                    AND a.arrangement_type IN {TAKES_A_PLACE_SQL} AND a.id IS NOT NEW.id)
                >= COALESCE(
                    (SELECT places FROM sharedlives_carer c WHERE c.id = NEW.carer_id), 0)""",
    ),
]


def _sqlite_triggers() -> dict[str, str]:
    triggers = {}
    for write in ("insert", "update"):
        name = f"sharedlives_arrangement_rules_{write}"
        body = " ".join(
            f"SELECT RAISE(ABORT, '{refusal}') WHERE "
            + (f"{applies} AND " if write == "update" else "")
            + f"({condition});"
            for refusal, applies, condition in _SQLITE_RULES
        )
        triggers[name] = (
            f"CREATE TRIGGER IF NOT EXISTS {name} BEFORE {write.upper()} "
            f"ON sharedlives_arrangement BEGIN {body} END"
        )
    triggers["sharedlives_carer_places_rule"] = (
        "CREATE TRIGGER IF NOT EXISTS sharedlives_carer_places_rule "
        "BEFORE UPDATE OF places ON sharedlives_carer "
        f"WHEN NEW.places < (SELECT count(*) FROM sharedlives_arrangement a "
        f"WHERE a.carer_id = NEW.id AND a.status = 'active' "
        f"AND a.arrangement_type IN {TAKES_A_PLACE_SQL}) "
        f"BEGIN SELECT RAISE(ABORT, '{FEWER_PLACES}'); END"
    )
    return triggers


SQLITE_TRIGGERS = _sqlite_triggers()


def install_rules(connection=None) -> None:
    """Create (or replace) the rules' triggers on this database."""
    conn = connection or default_connection
    statements = {"postgresql": POSTGRES_UP, "sqlite": list(SQLITE_TRIGGERS.values())}
    with conn.cursor() as cursor:
        for statement in statements.get(conn.vendor, []):
            cursor.execute(statement)


def rules_missing(connection=None) -> bool:
    """Whether any of the rules' triggers is missing (a SQLite table rebuild drops them)."""
    conn = connection or default_connection
    names = {
        "postgresql": {"sharedlives_arrangement_rules", "sharedlives_carer_places_rule"},
        "sqlite": set(SQLITE_TRIGGERS),
    }.get(conn.vendor, set())
    query = {
        "postgresql": "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal",
        "sqlite": "SELECT name FROM sqlite_master WHERE type = 'trigger'",
    }.get(conn.vendor)
    if not query:
        return False
    with conn.cursor() as cursor:
        cursor.execute(query)
        return not names <= {row[0] for row in cursor.fetchall()}


def ensure_rules(connection=None) -> None:
    """Put the rules' triggers back after every migration. On SQLite they are always made
    again: a later migration that rebuilds a table they read (SQLite rebuilds a table to add a
    column) leaves them pointing at a table that was dropped, present but broken."""
    conn = connection or default_connection
    tables = set(conn.introspection.table_names())
    if not {"sharedlives_arrangement", "sharedlives_carer", "sharedlives_introduction"} <= tables:
        return
    if not _migration_applied(conn):
        return
    if conn.vendor == "sqlite":
        drop_rules(conn)
        install_rules(conn)
    elif rules_missing(conn):
        install_rules(conn)


def _migration_applied(conn) -> bool:
    """Whether the migration that brings the rules is applied (not unapplied by a rollback)."""
    from django.db.migrations.recorder import MigrationRecorder

    return any(
        app == "sharedlives" and name.endswith("_arrangement_integrity")
        for app, name in MigrationRecorder(conn).applied_migrations()
    )


def drop_rules(connection=None) -> None:
    """Remove the rules' triggers (the migration's way back)."""
    conn = connection or default_connection
    with conn.cursor() as cursor:
        if conn.vendor == "postgresql":
            for statement in POSTGRES_DOWN:
                cursor.execute(statement)
        elif conn.vendor == "sqlite":
            for name in SQLITE_TRIGGERS:
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")


def refusal_in(error: Exception) -> str | None:
    """Which of these rules the database gave as its reason for refusing a write, if any."""
    text = str(error)
    return next((refusal for refusal in REFUSALS if refusal in text), None)
