"""What every app declares to be found by search: sources of documents and who may see them.

Each app writes `<app>/search_documents.py` with `@register`ed SearchSource classes; search/
autodiscovers those modules and never imports an app's models by name (see SEARCH_INTERFACE).
A source also declares, in `depends_on`, the names it copies from related models (a department's
name, an author's display name, a tag), so that renaming one re-indexes the documents that show it.
"""

import datetime
import time
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from urllib.parse import quote

from django.db import models
from django.utils.http import RFC3986_SUBDELIMS

from .text import normalize, normalized_and_written, strip_tags, text_from_streamfield

__all__ = [
    "STAFF",
    "Dependency",
    "SearchDocument",
    "SearchSource",
    "page_access",
    "page_url",
    "principals_for",
    "principals_for_request",
    "register",
    "register_principals",
    "register_principals_changed",
    "sources",
    "source_for_model",
    "source_named",
    "strip_tags",
    "text_from_streamfield",
]

STAFF = "staff"


@dataclass
class SearchDocument:
    """One searchable thing, as the index holds it."""

    title: str
    url: str
    kind: str
    access: list[str]
    body: str = ""
    date: datetime.date | None = None
    tags: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    department: str = ""
    study_group: str = ""
    # The title and body as their author wrote them, when normalising changed them (Traditional
    # stays Traditional), for results; `title` and `body` are the forms the index matches.
    shown_title: str = field(init=False, default="")
    shown_body: str = field(init=False, default="")

    def __post_init__(self):
        self.title, self.shown_title = normalized_and_written(self.title)
        self.body, self.shown_body = normalized_and_written(self.body)
        if isinstance(self.date, datetime.datetime):
            self.date = self.date.date()
        self.tags = [tag for t in self.tags if t and (tag := normalize(t))]
        self.people = [normalize(p) for p in self.people if p]
        self.department = normalize(self.department or "")
        self.study_group = normalize(self.study_group or "")
        self.access = sorted(set(self.access or []))


@dataclass(frozen=True)
class Dependency:
    """Documents of a source show `fields` of another model, so they change when those do.

    `model` is that model's label ("people.Department"; search/ never imports it). `fields` are
    what the documents show of it: a save that changes none of them re-indexes nothing. `via`
    finds the source's objects that show a given instance: a lookup from the source's model to
    the related one ("department", "speakers__person"), or, where no lookup reaches it (a page's
    parent), a function fn(instance) -> the source's pks.

        depends_on = (
            Dependency("people.Department", fields=("name",), via="department"),
            Dependency("people.Person", fields=("display_name",), via="authors"),
            Dependency("taggit.Tag", fields=("name",), via="tags"),
        )
    """

    model: str
    fields: tuple[str, ...]
    via: str | Callable[[models.Model], Iterable]


class SearchSource:
    """How one model becomes documents. Subclass, set `name`, `model`, `kind_labels`, and
    implement `get_queryset` and `to_document`; decorate with `@register`. Declare in
    `depends_on` every related model whose fields the documents copy (see Dependency)."""

    name: str = ""
    model: type[models.Model] | None = None
    kind_labels: dict = {}
    depends_on: tuple[Dependency, ...] = ()

    def get_queryset(self):
        """Everything that may be indexed (rebuild and check walk it)."""
        return self.model._default_manager.all()

    def to_document(self, obj) -> SearchDocument | None:
        """The document for `obj`, or None when it must not be in the index."""
        raise NotImplementedError

    def documents(self, pks: Iterable) -> dict[str, SearchDocument | None]:
        """The documents of these objects, by `str(pk)`; objects no longer there are left out.

        Every write to the index reads through here, inside `reading_in_batch()`. By default the
        objects are read and `to_document` called on each. A source whose objects are costly to
        build (a page is dozens of fields and a cluster) may read plain rows instead, provided it
        gives the very documents `to_document` gives (tests compare the two).
        """
        return {
            str(obj.pk): self.to_document(obj)
            for obj in self.get_queryset().filter(pk__in=list(pks)).order_by("pk")
        }

    def document_id(self, pk) -> str:
        return f"{self.name}:{pk}"

    def dependents(self, dependency: Dependency, instance: models.Model) -> list:
        """Pks of this source's objects whose documents show `instance` (through `dependency`)."""
        if callable(dependency.via):
            return list(dependency.via(instance))
        return self.dependents_of(dependency, [instance.pk])

    def dependents_of(self, dependency: Dependency, related) -> list:
        """Pks of this source's objects that reach any of `related` (pks, or a queryset of
        them) through a lookup dependency."""
        if callable(dependency.via):
            raise TypeError(f"{self!r}: a dependency through a function takes one instance")
        return list(
            self.get_queryset()
            .filter(**{f"{dependency.via}__in": related})
            .prefetch_related(None)
            .order_by()
            .values_list("pk", flat=True)
            .distinct()
        )

    def __repr__(self):
        return f"<SearchSource {self.name}>"


_sources: dict[str, SearchSource] = {}
_principal_providers: list[Callable] = []
_principal_change_readers: list[Callable] = []


def register(source_class: type[SearchSource]) -> type[SearchSource]:
    """Class decorator: make this source searchable. Names are unique across the site."""
    if not source_class.name or source_class.model is None:
        raise ValueError(f"{source_class.__name__} needs a name and a model")
    existing = _sources.get(source_class.name)
    if existing is not None and type(existing).__qualname__ != source_class.__qualname__:
        raise ValueError(f"Two search sources are called {source_class.name!r}")
    _sources[source_class.name] = source_class()
    return source_class


def sources() -> list[SearchSource]:
    """Every registered source, in name order."""
    return [_sources[name] for name in sorted(_sources)]


def source_named(name: str) -> SearchSource | None:
    return _sources.get(name)


def source_for_model(model) -> SearchSource | None:
    """The source that indexes this model (or one of its parents), if any."""
    for source in _sources.values():
        if source.model is not None and issubclass(model, source.model):
            return source
    return None


def dependencies_on(label: str) -> list[tuple[SearchSource, Dependency]]:
    """Every (source, dependency) whose documents show fields of the model with this label."""
    return [
        (source, dependency)
        for source in sources()
        for dependency in source.depends_on
        if dependency.model.lower() == label.lower()
    ]


def dependency_errors(source: SearchSource) -> list[str]:
    """What is wrong with a source's declared dependencies: a model, field or lookup that does
    not exist, or a lookup that leads to another model. Reads no rows."""
    from django.apps import apps
    from django.core.exceptions import FieldDoesNotExist

    errors = []
    for dependency in source.depends_on:
        try:
            related = apps.get_model(dependency.model)
        except (LookupError, ValueError):
            errors.append(f"{source.name}: no model {dependency.model!r}")
            continue
        if not dependency.fields:
            errors.append(f"{source.name}: the dependency on {dependency.model} names no field")
        for name in dependency.fields:
            try:
                field = related._meta.get_field(name)
            except FieldDoesNotExist:
                field = None
            if field is None or not field.concrete:
                errors.append(f"{source.name}: {dependency.model} has no field {name!r}")
        if callable(dependency.via):
            continue
        reached = _follow(source.model, dependency.via)
        if reached is None:
            errors.append(
                f"{source.name}: {dependency.via!r} is not a lookup on {source.model._meta.label}"
            )
        elif not issubclass(reached, related):
            errors.append(
                f"{source.name}: {dependency.via!r} leads to {reached._meta.label}, "
                f"not {dependency.model}"
            )
    return errors


def _follow(model, lookup: str):
    """The model a relation lookup ("speakers__person") leads to from `model`, or None."""
    from django.core.exceptions import FieldDoesNotExist

    for name in lookup.split("__"):
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            return None
        if not field.is_relation or field.related_model is None:
            return None
        model = field.related_model
    return model


def kind_labels() -> dict:
    """Every kind's translatable label, from all sources."""
    labels = {}
    for source in sources():
        labels.update(source.kind_labels)
    return labels


def register_principals(fn: Callable) -> Callable:
    """Add a function fn(user) -> iterable of principals (e.g. "department:3") a person holds.

    What it reads is kept in the person's session for a minute (`principals_for_request`): a
    change to it must mark the person, so that `register_principals_changed` sees it."""
    if fn not in _principal_providers:
        _principal_providers.append(fn)
    return fn


def register_principals_changed(fn: Callable) -> Callable:
    """Add a function fn(user) -> datetime | None: when something the person's principals come
    from last changed for them, read without a query (from the person loaded with the user)."""
    if fn not in _principal_change_readers:
        _principal_change_readers.append(fn)
    return fn


# Working the principals out takes a query for each kind (groups, study groups), and a person
# searches, pages, and is offered titles at each keystroke many times a minute. So they are kept in
# the session, as the page header is (home.header): whatever changes them through the site (joining
# or leaving a group or a study group, a new department) marks the person, and their next search
# works them out again; only a change that sends no signal (bulk SQL) waits for the minute.
PRINCIPALS_SESSION_KEY = "gongxue_search_principals"
KEEP_PRINCIPALS_SECONDS = 60


def principals_for(user, session=None) -> list[str] | None:
    """The principals of a signed-in person; None for a superuser (who sees everything).

    With the person's `session`, they are kept there for a minute (see `principals_for_request`).
    """
    if getattr(user, "is_superuser", False):
        return None
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_gongxue_principals", None)
    if cached is not None:
        return cached  # one request asks more than once (results, suggestion, related)
    kept = _kept_principals(user, session)
    if kept is not None:
        user._gongxue_principals = kept
        return kept
    # Taken before reading: a change committed while they are read is marked after this moment.
    started = time.time()
    found = {STAFF, f"user:{user.pk}"}
    found.update(f"group:{pk}" for pk in user.groups.values_list("pk", flat=True))
    for provider in _principal_providers:
        found.update(provider(user) or ())
    user._gongxue_principals = sorted(found)
    if session is not None:
        session[PRINCIPALS_SESSION_KEY] = {
            "user": user.pk,
            "at": started,
            "principals": user._gongxue_principals,
        }
    return user._gongxue_principals


def principals_for_request(request) -> list[str] | None:
    """`principals_for` the request's person, kept in their session for a minute."""
    return principals_for(request.user, getattr(request, "session", None))


def _kept_principals(user, session) -> list[str] | None:
    kept = session.get(PRINCIPALS_SESSION_KEY) if session is not None else None
    if not kept or kept.get("user") != user.pk:
        return None
    if not 0 <= time.time() - kept["at"] < KEEP_PRINCIPALS_SECONDS:
        return None
    for changed_at in _principal_change_readers:
        changed = changed_at(user)
        if changed is not None and changed.timestamp() >= kept["at"]:
            return None
    return list(kept["principals"])


_restriction_cache: ContextVar[list | None] = ContextVar("restriction_cache", default=None)


@dataclass
class _PageURLs:
    """Within a batch: the ids of site root pages, and each parent's path -> (url_path, url)."""

    site_roots: set[int]
    parents: dict[str, tuple[str, str] | None] = field(default_factory=dict)


_url_cache: ContextVar[_PageURLs | None] = ContextVar("url_cache", default=None)


def _restrictions() -> list[tuple[str, str, set[int]]]:
    """Every page view restriction as (tree path, type, group ids), shallowest first."""
    cached = _restriction_cache.get()
    if cached is not None:
        return cached
    from wagtail.models import PageViewRestriction

    return [
        (r.page.path, r.restriction_type, {g.pk for g in r.groups.all()})
        for r in PageViewRestriction.objects.select_related("page")
        .prefetch_related("groups")
        .order_by("page__depth")
    ]


@contextmanager
def reading_in_batch():
    """Read the view restrictions, and each parent page's URL, once for many documents (a
    rebuild, a batch of changes) rather than once a document."""
    token = _restriction_cache.set(None)
    _restriction_cache.set(_restrictions())
    from wagtail.models import Site

    url_token = _url_cache.set(_PageURLs(set(Site.objects.values_list("root_page_id", flat=True))))
    try:
        yield
    finally:
        _url_cache.reset(url_token)
        _restriction_cache.reset(token)


def page_url(page, page_class: type | None = None) -> str:
    """`page.url` ('' for a page no site serves), worked out from its parent's URL in a batch.

    Wagtail reverses a URL pattern for every page it is asked about; a rebuild asks about
    thousands of siblings, whose URLs are their parent's plus their slug. `page` may be a row
    read without building the page (its pk, path, url_path and slug), with its `page_class`.
    """
    from wagtail.models import Page

    cache = _url_cache.get()
    page_class = page_class or type(page)
    if cache is None or page_class.get_url_parts is not Page.get_url_parts:
        return _wagtail_url(page)  # outside a batch, or a page type that makes its own URLs
    parent_path = page.path[: -Page.steplen]
    if parent_path not in cache.parents:
        parent = Page.objects.filter(path=parent_path).first()
        parent = parent.specific if parent is not None else None
        cache.parents[parent_path] = (parent.url_path, parent.url) if parent is not None else None
    parent = cache.parents[parent_path]
    if (
        parent is None
        or not parent[1]
        or page.pk in cache.site_roots
        or page.url_path != f"{parent[0]}{page.slug}/"
    ):
        return _wagtail_url(page)
    return f"{parent[1]}{quote(page.slug, safe=RFC3986_SUBDELIMS + '~:@')}/"


def _wagtail_url(page) -> str:
    from wagtail.models import Page

    if not isinstance(page, Page):  # a row: the page itself, if it is still there
        page = Page.objects.filter(pk=page.pk).first()
        page = page.specific if page is not None else None
    return (page.url or "") if page is not None else ""


def page_access(page) -> list[str]:
    """Principals allowed to see `page` under Wagtail's view restrictions on it and its ancestors.

    Every restriction on the way down must be passed: each one narrows the set. A password
    restriction cannot be passed inside a listing, so only superusers see such pages in search.
    """
    from wagtail.models import PageViewRestriction

    allowed: set[str] | None = None  # None: no restriction yet, every signed-in person
    for path, kind, group_ids in _restrictions():
        if not page.path.startswith(path):
            continue
        if kind == PageViewRestriction.LOGIN:
            granted = {STAFF}
        elif kind == PageViewRestriction.GROUPS:
            granted = {f"group:{pk}" for pk in group_ids}
        else:
            granted = set()
        allowed = granted if allowed is None else _narrow(allowed, granted)
    return [STAFF] if allowed is None else sorted(allowed)


def _narrow(allowed: set[str], granted: set[str]) -> set[str]:
    # "staff" means everyone signed in, so it narrows to whatever the other side grants.
    if STAFF in allowed:
        return granted
    if STAFF in granted:
        return allowed
    return allowed & granted


def all_principals_allowed(doc_access: Iterable[str], principals: Iterable[str] | None) -> bool:
    """Whether a person with these principals may see a document with this access list."""
    if principals is None:
        return True
    return bool(set(doc_access) & set(principals))
