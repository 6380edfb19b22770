"""Versions for cache keys: the one place that says what a cached page part or file is made of.

A cached rendering is stored under a key that changes with everything it shows:

- rows of tables: a table's version is its last change and its number of rows ("<time>/<n>"),
  so an insert, an update and a delete all move it; `CATALOG_TABLES` says, once, which
  catalog tables each cached thing shows;
- templates: the source of a template and of every template it extends or includes, as the
  template loader finds them (so a partial added to a page counts without being listed);
- code: the modules of a package as imported by this process (the quality rules write the
  messages pages show), and the settings that steer them.

Only models are named here by label, so this module imports no app and any app may use it.
"""

import hashlib
import importlib
import importlib.util
import pkgutil
from functools import cache

from django.apps import apps
from django.conf import settings
from django.db import connection
from django.db.models import CharField, Count, Max, QuerySet, Subquery, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, Coalesce, Concat
from django.template import loader
from django.template.loader_tags import ExtendsNode, IncludeNode

CATALOG = (
    "catalog.Industry",
    "catalog.CapabilityCategory",
    "catalog.Priority",
    "catalog.AssessmentMethod",
    "catalog.Capability",
    "catalog.Preset",
    "catalog.PresetItem",
)

# Which catalog tables each cached thing shows, and nothing else decides it.
CATALOG_TABLES = {
    # The sheet page: names, categories, priorities, methods, and the differences from the
    # current version of its preset.
    "sheet": CATALOG,
    # A wizard category step: the capabilities to add, priorities and methods to choose.
    "wizard_step": CATALOG[:5],
    # The presets below HR's lists on the home page.
    "home_presets": ("catalog.Industry", "catalog.Preset", "catalog.PresetItem"),
    # The industry filter of the sheet list.
    "sheet_list": ("catalog.Industry",),
    # The documents: category, priority and method names, prompts and anchors.
    "documents": (
        "catalog.Capability",
        "catalog.CapabilityCategory",
        "catalog.Priority",
        "catalog.AssessmentMethod",
    ),
}


def _text(expression):
    return Cast(expression, output_field=CharField())


def _stamp() -> Concat:
    """The last change and the number of the rows aggregated, "<time>/<count>"."""
    return Concat(
        Coalesce(_text(Max("updated_at")), Value("")),
        Value("/"),
        _text(Count("*")),
        output_field=CharField(),
    )


def rows_version(rows: QuerySet) -> Subquery:
    """The last change and the number of `rows` as one text, "<time>/<count>", for a query
    a page runs anyway: it changes with every insert, update or delete of those rows.
    `rows` may refer to the outer query (OuterRef) to count the rows of one owner."""
    # Grouped by a constant: one row, whatever the number of rows counted.
    return Subquery(
        rows.order_by().annotate(_all=Value(1)).values("_all").annotate(v=_stamp()).values("v"),
        output_field=CharField(),
    )


def catalog_version(use: str) -> dict[str, RawSQL]:
    """The version of the catalog tables `use` shows (see CATALOG_TABLES), as the annotation
    `catalog_version` for a query run anyway: the tables are small, so their subqueries cost
    less than a round trip of their own."""
    sql, params = _catalog_version_sql(use, connection.vendor)
    return {"catalog_version": RawSQL(sql, params, output_field=CharField())}


@cache
def _catalog_version_sql(use: str, vendor: str) -> tuple[str, tuple]:
    """`catalog_version(use)` as SQL, built by the ORM once per process: each table's version
    as the ORM writes it, joined by the SQL string operator. Compiling the expression on every
    request cost more CPU than the rest of a page served from the cache."""
    parts, params = [], []
    for label in CATALOG_TABLES[use]:
        rows = apps.get_model(label)._base_manager.all()
        sql, part_params = rows_version(rows).query.sql_with_params()
        parts.append(f"({sql})")
        params += [*part_params, ";"]
    return "(" + " || %s || ".join(parts) + ")", tuple(params[:-1])


def tables_version(*models) -> str:
    """The version of whole tables, read now: for keys built outside a page's own query."""
    parts = []
    for model in models:
        stamp = model._base_manager.aggregate(last=Max("updated_at"), count=Count("pk"))
        parts.append(f"{stamp['last'].isoformat() if stamp['last'] else ''}/{stamp['count']}")
    return ";".join(parts)


def catalog_version_now(use: str) -> str:
    """`catalog_version(use)` read on its own."""
    return tables_version(*(apps.get_model(label) for label in CATALOG_TABLES[use]))


def _template_sources(name: str, seen: set[str]) -> list[str]:
    """The source of template `name` and of every template it extends or includes by a
    constant name, depth first, each once."""
    if name in seen:
        return []
    seen.add(name)
    template = loader.get_template(name).template
    sources = [template.source]
    for node in template.nodelist.get_nodes_by_type((ExtendsNode, IncludeNode)):
        target = node.parent_name if isinstance(node, ExtendsNode) else node.template
        if isinstance(target.var, str):  # a constant name; a variable one is not followed
            sources.extend(_template_sources(target.var, seen))
    return sources


@cache
def template_version(*names: str) -> str:
    """The templates `names` as this process renders them, with everything they extend or
    include: part of every key a page caches its rendering under."""
    digest = hashlib.sha256()
    seen: set[str] = set()
    for name in names:
        for source in _template_sources(name, seen):
            digest.update(source.encode())
    return digest.hexdigest()[:16]


@cache
def code_version(package: str, *setting_names: str) -> str:
    """The modules of `package` (not its subpackages) as the import system finds them (a
    change restarts the process), and the settings named: for what that code writes into a
    page."""
    digest = hashlib.sha256()
    for module in pkgutil.iter_modules(importlib.import_module(package).__path__, f"{package}."):
        spec = importlib.util.find_spec(module.name)
        source = spec.loader.get_source(module.name) if spec and spec.loader else None
        digest.update(f"{module.name}:{source or ''}".encode())
    for name in setting_names:
        digest.update(f"{name}={getattr(settings, name)!r}".encode())
    return digest.hexdigest()[:16]
