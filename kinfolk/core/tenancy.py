"""The second wall between areas: row-level security on PostgreSQL (ADR 0023).

Selectors already read every area-owned row through its area (ADR 0003). On PostgreSQL the
database enforces the same thing underneath: each area-owned table has a policy that shows a
row only when its `area_id` is the area this connection is working in, a setting named
`kinfolk.area`:

- a request works in the area of the membership its actor acts through, or in no area at all
  (signed out, or no membership), and then sees no area-owned row;
- code outside a request (migrations, commands, the demo loader, audit checks, tasks) works
  across all areas (`all`) unless it narrows itself with `within_area(area)`;
- a connection that never said (someone at a `psql` prompt as Kinfolk's role) sees nothing.

SQLite has no row-level security: there the first wall (the selectors) is the only one.
"""

from contextlib import contextmanager

from django.apps import apps
from django.conf import settings
from django.core.checks import Tags, Warning, register
from django.db import connection as default_connection
from django.utils.functional import SimpleLazyObject, empty

SETTING = "kinfolk.area"
ALL_AREAS = "all"
NO_AREA = ""
POLICY = "kinfolk_area_wall"

# Tables with an area_id that the wall leaves open, and why (ADR 0023).
OPEN_TABLES = {
    "accounts_membership": (
        "how a request learns its area: sign-in, 'acting as' and API tokens read a user's "
        "memberships in every area before an area is chosen"
    ),
    "core_auditlog": (
        "one hash chain across all areas, appended to before an area is known (failed "
        "sign-ins) and verified whole; append-only triggers guard it instead"
    ),
    "directory_organization": (
        "public Open Referral UK data: every area's published listings are shown to everyone; "
        "the area only says who approves the listing"
    ),
}

# A row is visible when the connection works across all areas, or in the row's own area.
# The comparison stays `area_id = <a stable value>` so the area index still serves it.
_IN_THE_AREA = (
    f"(current_setting('{SETTING}', true) = '{ALL_AREAS}' OR area_id = "
    f"NULLIF(NULLIF(current_setting('{SETTING}', true), '{NO_AREA}'), '{ALL_AREAS}')::bigint)"
)


def _is_postgresql(connection) -> bool:
    return connection.vendor == "postgresql"


def area_owned_tables() -> dict[str, str]:
    """Every table the wall covers, with the condition that shows one of its rows.

    A table with an `area` foreign key is walled on its own `area_id`; a many-to-many table
    between a walled model and another is walled through its walled parent row.
    """
    tables = {}
    for model in apps.get_models():
        meta = model._meta
        if not meta.managed or meta.proxy:
            continue
        area = next((f for f in meta.local_fields if f.name == "area"), None)
        if area is None or area.related_model is not apps.get_model("core", "Area"):
            continue
        if meta.db_table not in OPEN_TABLES:
            tables[meta.db_table] = _IN_THE_AREA
        for m2m in meta.local_many_to_many:
            through = m2m.remote_field.through._meta
            if through.auto_created:
                parent = through.get_field(m2m.m2m_field_name()).column
                tables[through.db_table] = (
                    f"EXISTS (SELECT 1 FROM {meta.db_table} AS parent "
                    f"WHERE parent.{meta.pk.column} = {through.db_table}.{parent})"
                )
    return tables


def build_the_wall(using="default", **kwargs) -> list[str]:
    """Give every area-owned table its policy, where it has none yet (after each `migrate`).

    Runs as the tables' owner. FORCE makes the policy bind the owner too, so a deployment
    that migrates and serves as one role is walled all the same. Returns the tables changed.
    """
    from django.db import connections

    connection = connections[using]
    if not _is_postgresql(connection):
        return []
    existing = set(connection.introspection.table_names())
    wanted = {t: condition for t, condition in area_owned_tables().items() if t in existing}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = current_schema() AND c.relrowsecurity AND c.relforcerowsecurity "
            "AND EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = %s)",
            [POLICY],
        )
        walled = {name for (name,) in cursor.fetchall()}
        built = [table for table in wanted if table not in walled]
        for table in built:
            cursor.execute(f"DROP POLICY IF EXISTS {POLICY} ON {table}")
            cursor.execute(
                f"CREATE POLICY {POLICY} ON {table} "
                f"USING ({wanted[table]}) WITH CHECK ({wanted[table]})"
            )
            cursor.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
            cursor.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
    return built


def _set_area(connection, value: str) -> None:
    """Say which area this connection works in. Sent on the driver's own cursor, so it is
    not one of the page's queries (query counts in tests stay about the page)."""
    connection.ensure_connection()
    with connection.connection.cursor() as cursor:
        cursor.execute("SELECT set_config(%s, %s, false)", [SETTING, value])
    connection.kinfolk_area = value


def _switch_role(connection) -> None:
    role = getattr(settings, "KINFOLK_DATABASE_ROLE", "")
    if role:
        with connection.connection.cursor() as cursor:
            cursor.execute(f'SET ROLE "{role}"')


def on_new_connection(sender, connection, **kwargs) -> None:
    """A new connection takes Kinfolk's database role (if one is set) and works across all
    areas until a request or `within_area` narrows it."""
    if not _is_postgresql(connection):
        return
    _switch_role(connection)
    with connection.connection.cursor() as cursor:
        cursor.execute("SELECT set_config(%s, %s, false)", [SETTING, ALL_AREAS])
    connection.kinfolk_area = ALL_AREAS


def switch_role_now(connection=default_connection) -> None:
    """Take Kinfolk's database role on a connection opened before the role was set."""
    if _is_postgresql(connection) and connection.connection is not None:
        _switch_role(connection)


@contextmanager
def _working_in(value: str, connection):
    """Work in this area (or all, or none) for the duration, inside a request too."""
    if not _is_postgresql(connection):
        yield
        return
    before = getattr(connection, "kinfolk_area", None)
    before_override = getattr(connection, "kinfolk_area_override", None)
    connection.kinfolk_area_override = value
    _set_area(connection, value)
    try:
        yield
    finally:
        connection.kinfolk_area_override = before_override
        try:
            _set_area(connection, ALL_AREAS if before is None else before)
        except connection.Database.Error:
            connection.kinfolk_area = None  # a failed transaction; its rollback undoes it


def within_area(area, connection=default_connection):
    """Work in one area (an Area, or None for no area) for the duration: for tasks and
    commands that act for one area. Does nothing on SQLite."""
    return _working_in(NO_AREA if area is None else str(area.pk), connection)


def seen_across_areas(queryset, connection=default_connection):
    """The first row of the queryset in any area, or None: the one deliberate look through
    the wall, for a record the area hid, so that asking for another area's record is still
    audited before it answers 404. On SQLite nothing was hidden, so there is nothing more."""
    if not _is_postgresql(connection):
        return None
    with _working_in(ALL_AREAS, connection):
        return queryset.first()


def _area_of(request) -> str | None:
    """The area the request's actor acts in; None while the actor is not yet known."""
    actor = request.__dict__.get("actor")
    if isinstance(actor, SimpleLazyObject) and actor._wrapped is empty:
        return None
    membership = getattr(actor, "membership", None)
    return NO_AREA if membership is None else str(membership.area_id)


class _RequestWall:
    """Before each query of a request, make sure the database works in the actor's area
    (the API sets its actor after the middleware, when it reads the token)."""

    def __init__(self, request):
        self.request = request
        self.area = NO_AREA

    def __call__(self, execute, sql, params, many, context):
        area = _area_of(self.request)
        if area is not None:
            self.area = area
        connection = context["connection"]
        override = getattr(connection, "kinfolk_area_override", None)
        wanted = self.area if override is None else override
        if getattr(connection, "kinfolk_area", None) != wanted:
            with connection.connection.cursor() as cursor:
                cursor.execute("SELECT set_config(%s, %s, false)", [SETTING, wanted])
            connection.kinfolk_area = wanted
        return execute(sql, params, many, context)


class AreaWallMiddleware:
    """On PostgreSQL, a request's queries see only its actor's area (ADR 0023)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        connection = default_connection
        if not _is_postgresql(connection):
            return self.get_response(request)
        wall = _RequestWall(request)
        with connection.execute_wrapper(wall):
            # Know the actor (and so the area) before the view opens any transaction.
            getattr(getattr(request, "actor", None), "membership", None)
            try:
                return self.get_response(request)
            finally:
                _back_to_all_areas(connection)


def _back_to_all_areas(connection) -> None:
    """After a request the connection works across all areas again, as outside requests. In
    a transaction that has failed this cannot be said; its rollback undoes the request's
    setting anyway, so the next request sets its own again."""
    if connection.connection is None:
        return
    try:
        _set_area(connection, ALL_AREAS)
    except connection.Database.Error:
        connection.kinfolk_area = None


@register(Tags.database)
def wall_binds_check(app_configs=None, databases=None, **kwargs) -> list[Warning]:
    """`migrate` (and `check --database default`) warns when the role Kinfolk works as is a
    superuser or has BYPASSRLS, which row-level security never binds."""
    from django.db import connections

    warnings = []
    for alias in databases or []:
        connection = connections[alias]
        if not _is_postgresql(connection):
            continue
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user"
            )
            (bypasses,) = cursor.fetchone()
        if bypasses:
            warnings.append(
                Warning(
                    "Kinfolk works in the database as a superuser or a role with BYPASSRLS, "
                    "so the row-level security between areas does not bind it.",
                    hint="Connect as a plain role, or name one in KINFOLK_DATABASE_ROLE "
                    "(docs/deployment.md).",
                    id="kinfolk.tenancy.W001",
                )
            )
    return warnings
