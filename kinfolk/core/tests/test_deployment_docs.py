"""The database-role SQL in docs/deployment.md is the SQL the PostgreSQL role test runs."""

import re
from pathlib import Path

DEPLOYMENT_DOC = Path(__file__).resolve().parents[3] / "docs" / "deployment.md"


def _grants_block() -> str:
    section = DEPLOYMENT_DOC.read_text().split("## Database roles", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sql\n(.*?)```", section, flags=re.DOTALL)
    return next(block for block in blocks if "ON core_auditlog" in block)


def database_roles_sql(*, app_role: str, owner_role: str, database: str) -> list[str]:
    """The documented grants, for the given role and database names, after creating the role."""
    sql = re.sub(r"\bkinfolk_app\b", app_role, _grants_block())
    sql = re.sub(r"\bkinfolk_owner\b", owner_role, sql)
    sql = re.sub(r"\bDATABASE kinfolk\b", f'DATABASE "{database}"', sql)
    statements = [s.strip() for s in sql.split(";") if s.strip()]
    return [f"CREATE ROLE {app_role} NOLOGIN", *statements]


def test_the_documented_app_role_may_only_read_and_append_to_the_audit_log():
    statements = database_roles_sql(app_role="app", owner_role="owner", database="db")
    audit = [s for s in statements if "core_auditlog" in s]
    assert audit == [
        "REVOKE ALL ON core_auditlog FROM app",
        "GRANT SELECT, INSERT ON core_auditlog TO app",
    ]
    assert not any("TRUNCATE" in s or "ALL PRIVILEGES" in s for s in statements)
