"""The ledger's rules, kept by the database itself on PostgreSQL and SQLite (ADR 0032).

- **Balanced by construction.** A movement row says from, to and how much; an AFTER INSERT
  trigger on it writes its two entries (minus on `from`, plus on `to`). An entry written any
  other way is refused unless it is exactly a missing leg of its movement, so no movement can
  have entries that do not sum to zero. On PostgreSQL a deferred constraint trigger also checks,
  at commit, that each movement's entries sum to zero.
- **Append-only.** UPDATE and DELETE on movements and entries are refused (and TRUNCATE on
  PostgreSQL): a mistake is put right by a reversal, never by changing the record.
- **No budget below zero.** After an entry on a budget's account, its balance (the sum of its
  entries) must not be below zero. On PostgreSQL the trigger first locks the budget's account
  row, so two transactions spending from one budget at once are checked one after the other.

A database owner can still switch these off (the test suite's flush does, as it does for the
audit log: kinfolk/core/tests/tamper.py).
"""

LEDGER_TABLES = ("budgets_movement", "budgets_entry")

LEG_OF_ITS_MOVEMENT = """
    (NEW.account_id = m.from_account_id AND NEW.amount_pence = -m.amount_pence)
    OR (NEW.account_id = m.to_account_id AND NEW.amount_pence = m.amount_pence)
"""

POSTGRES_UP = [
    """CREATE OR REPLACE FUNCTION budgets_ledger_refuse() RETURNS trigger AS $$
       BEGIN RAISE EXCEPTION 'the ledger is append-only: % on % refused', TG_OP, TG_TABLE_NAME;
       END; $$ LANGUAGE plpgsql;""",
    """CREATE OR REPLACE FUNCTION budgets_movement_legs() RETURNS trigger AS $$
       BEGIN
         INSERT INTO budgets_entry (area_id, movement_id, account_id, amount_pence)
           VALUES (NEW.area_id, NEW.id, NEW.from_account_id, -NEW.amount_pence);
         INSERT INTO budgets_entry (area_id, movement_id, account_id, amount_pence)
           VALUES (NEW.area_id, NEW.id, NEW.to_account_id, NEW.amount_pence);
         RETURN NULL;
       END; $$ LANGUAGE plpgsql;""",
    """CREATE TRIGGER budgets_movement_legs AFTER INSERT ON budgets_movement
       FOR EACH ROW EXECUTE FUNCTION budgets_movement_legs();""",
    f"""CREATE OR REPLACE FUNCTION budgets_entry_is_a_leg() RETURNS trigger AS $$
       DECLARE m budgets_movement%ROWTYPE;
       BEGIN
         SELECT * INTO m FROM budgets_movement WHERE id = NEW.movement_id;
         IF NOT FOUND OR NOT ({LEG_OF_ITS_MOVEMENT})
            OR EXISTS (SELECT 1 FROM budgets_entry e WHERE e.movement_id = NEW.movement_id
                       AND e.account_id = NEW.account_id) THEN
           RAISE EXCEPTION 'a ledger entry must be one leg of its movement'
             USING ERRCODE = 'check_violation';
         END IF;
         RETURN NEW;
       END; $$ LANGUAGE plpgsql;""",
    """CREATE TRIGGER budgets_entry_is_a_leg BEFORE INSERT ON budgets_entry
       FOR EACH ROW EXECUTE FUNCTION budgets_entry_is_a_leg();""",
    """CREATE OR REPLACE FUNCTION budgets_budget_not_below_zero() RETURNS trigger AS $$
       BEGIN
         IF NEW.amount_pence < 0 AND EXISTS (SELECT 1 FROM budgets_account
              WHERE id = NEW.account_id AND kind = 'budget') THEN
           PERFORM 1 FROM budgets_account WHERE id = NEW.account_id FOR UPDATE;
           IF (SELECT COALESCE(SUM(amount_pence), 0) FROM budgets_entry
               WHERE account_id = NEW.account_id) < 0 THEN
             RAISE EXCEPTION 'a budget cannot go below zero' USING ERRCODE = 'check_violation';
           END IF;
         END IF;
         RETURN NULL;
       END; $$ LANGUAGE plpgsql;""",
    """CREATE TRIGGER budgets_budget_not_below_zero AFTER INSERT ON budgets_entry
       FOR EACH ROW EXECUTE FUNCTION budgets_budget_not_below_zero();""",
    """CREATE OR REPLACE FUNCTION budgets_movement_balances() RETURNS trigger AS $$
       BEGIN
         IF (SELECT COALESCE(SUM(amount_pence), 0) FROM budgets_entry
             WHERE movement_id = NEW.movement_id) <> 0 THEN
           RAISE EXCEPTION 'movement % does not balance', NEW.movement_id
             USING ERRCODE = 'check_violation';
         END IF;
         RETURN NULL;
       END; $$ LANGUAGE plpgsql;""",
    """CREATE CONSTRAINT TRIGGER budgets_movement_balances AFTER INSERT ON budgets_entry
       DEFERRABLE INITIALLY DEFERRED
       FOR EACH ROW EXECUTE FUNCTION budgets_movement_balances();""",
    *[
        statement
        for table in LEDGER_TABLES
        for statement in (
            f"""CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table}
                FOR EACH ROW EXECUTE FUNCTION budgets_ledger_refuse();""",
            f"""CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table}
                FOR EACH STATEMENT EXECUTE FUNCTION budgets_ledger_refuse();""",
        )
    ],
]
POSTGRES_DOWN = [
    *[
        f"DROP TRIGGER IF EXISTS {table}_{name} ON {table};"
        for table in LEDGER_TABLES
        for name in ("append_only", "no_truncate")
    ],
    "DROP TRIGGER IF EXISTS budgets_movement_balances ON budgets_entry;",
    "DROP TRIGGER IF EXISTS budgets_budget_not_below_zero ON budgets_entry;",
    "DROP TRIGGER IF EXISTS budgets_entry_is_a_leg ON budgets_entry;",
    "DROP TRIGGER IF EXISTS budgets_movement_legs ON budgets_movement;",
    *[
        f"DROP FUNCTION IF EXISTS {name}();"
        for name in (
            "budgets_movement_balances",
            "budgets_budget_not_below_zero",
            "budgets_entry_is_a_leg",
            "budgets_movement_legs",
            "budgets_ledger_refuse",
        )
    ],
]

SQLITE_UP = [
    """CREATE TRIGGER budgets_movement_legs AFTER INSERT ON budgets_movement
       BEGIN
         INSERT INTO budgets_entry (area_id, movement_id, account_id, amount_pence)
           VALUES (NEW.area_id, NEW.id, NEW.from_account_id, -NEW.amount_pence);
         INSERT INTO budgets_entry (area_id, movement_id, account_id, amount_pence)
           VALUES (NEW.area_id, NEW.id, NEW.to_account_id, NEW.amount_pence);
       END;""",
    """CREATE TRIGGER budgets_entry_is_a_leg BEFORE INSERT ON budgets_entry
       WHEN NOT EXISTS (
         SELECT 1 FROM budgets_movement m WHERE m.id = NEW.movement_id AND (
           (NEW.account_id = m.from_account_id AND NEW.amount_pence = -m.amount_pence)
           OR (NEW.account_id = m.to_account_id AND NEW.amount_pence = m.amount_pence)))
         OR EXISTS (SELECT 1 FROM budgets_entry e WHERE e.movement_id = NEW.movement_id
                    AND e.account_id = NEW.account_id)
       BEGIN SELECT RAISE(ABORT, 'a ledger entry must be one leg of its movement'); END;""",
    # SQLite runs one writer at a time, so the sum it reads is the whole truth.
    """CREATE TRIGGER budgets_budget_not_below_zero AFTER INSERT ON budgets_entry
       WHEN NEW.amount_pence < 0
         AND EXISTS (SELECT 1 FROM budgets_account WHERE id = NEW.account_id AND kind = 'budget')
         AND (SELECT COALESCE(SUM(amount_pence), 0) FROM budgets_entry
              WHERE account_id = NEW.account_id) < 0
       BEGIN SELECT RAISE(ABORT, 'a budget cannot go below zero'); END;""",
    *[
        statement
        for table in LEDGER_TABLES
        for statement in (
            f"""CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table}
                BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: UPDATE refused'); END;""",
            f"""CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table}
                BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: DELETE refused'); END;""",
        )
    ],
]
SQLITE_DOWN = [
    *[
        f"DROP TRIGGER IF EXISTS {table}_{name};"
        for table in LEDGER_TABLES
        for name in ("no_update", "no_delete")
    ],
    "DROP TRIGGER IF EXISTS budgets_budget_not_below_zero;",
    "DROP TRIGGER IF EXISTS budgets_entry_is_a_leg;",
    "DROP TRIGGER IF EXISTS budgets_movement_legs;",
]
STATEMENTS = {"postgresql": (POSTGRES_UP, POSTGRES_DOWN), "sqlite": (SQLITE_UP, SQLITE_DOWN)}


def _run(schema_editor, index: int) -> None:
    for statement in STATEMENTS.get(schema_editor.connection.vendor, ([], []))[index]:
        # No parameters: the trigger bodies contain % placeholders of their own.
        schema_editor.execute(statement, params=None)


def ledger_rules_on(apps, schema_editor) -> None:
    """Put the ledger's triggers in place (forwards)."""
    _run(schema_editor, 0)


def ledger_rules_off(apps, schema_editor) -> None:
    """Take them away (backwards)."""
    _run(schema_editor, 1)
