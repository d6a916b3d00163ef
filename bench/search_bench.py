"""Search benchmark (not a test): indexing rate, search latency, fallback, concurrency, freshness.

    make bench                       # starts PostgreSQL and Elasticsearch, runs this, stops them
    DATABASE_URL=postgres://... ELASTICSEARCH_URL=http://... \\
        .venv/bin/python bench/search_bench.py --documents 100000

Generates N knowledge articles (Chinese and English, 300 to 3,000 characters), rebuilds the index,
runs a fixed mix of queries through the search view and the same queries straight against
Elasticsearch, and prints JSON. The bench's articles are removed at the start of every run.
"""

import argparse
import datetime
import json
import os
import random
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import django  # noqa: E402

django.setup()

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.utils import timezone  # noqa: E402

from taggit.models import Tag  # noqa: E402
from wagtail.models import Page  # noqa: E402

from knowledge.models import ArticleKind, ArticlePage, ArticleTag, KnowledgeIndexPage  # noqa: E402
from people.models import Department, Person  # noqa: E402
from search import client, index, queries, rebuild  # noqa: E402
from search.models import OutboxEntry, SearchEntry  # noqa: E402
from search.params import SearchParams  # noqa: E402

TOPICS = [
    ("乡村振兴", "rural revitalization"), ("数字政府", "digital government"),
    ("学习型组织", "learning organization"), ("基层治理", "grassroots governance"),
    ("营商环境", "business environment"), ("生态保护", "ecological protection"),
    ("科技创新", "technological innovation"), ("人才培养", "talent development"),
    ("安全生产", "work safety"), ("公共服务", "public services"), ("财政预算", "fiscal budget"),
    ("城市更新", "urban renewal"), ("养老服务", "elderly care"), ("粮食安全", "food security"),
    ("文化传承", "cultural heritage"), ("法治建设", "rule of law"), ("绿色发展", "green development"),
    ("调查研究", "field research"), ("团队学习", "team learning"), ("系统思考", "systems thinking"),
]  # fmt: skip
ZH_TEMPLATES = [
    "围绕{t}，各科室结合实际开展了专题学习和讨论。",
    "{t}是今年机关工作的重点，要坚持问题导向、目标导向。",
    "大家认为，推进{t}需要久久为功，做到学以致用。",
    "本期学习小结对{t}的经验做法进行了系统梳理。",
    "调研组赴基层了解{t}的进展情况，形成了调研报告。",
    "会议强调，要把{t}与日常工作紧密结合起来。",
]
EN_TEMPLATES = [
    "The study group discussed {t} and agreed on next steps.",
    "Field notes on {t} were shared with every department.",
    "A reading list on {t} was added to the knowledge library.",
]
QUERY_MIX = [
    {"q": "乡村振兴"}, {"q": "数字政府"}, {"q": "学习型组织"}, {"q": "基层治理 调研"},
    {"q": "团队学习"}, {"q": "系统思考"}, {"q": "digital government"}, {"q": "team learning"},
    {"q": "数字政府 digital"}, {"q": "营商环境", "sort": "date"}, {"q": "调研报告", "year": "2023"},
    {"q": "绿色发展", "kind": "research"}, {"q": "学"}, {"q": "粮食安全 food security"},
    {"q": "法治建设", "page": "3"}, {"q": "公共服务", "tag": "公共服务"},
]  # fmt: skip


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return round(ordered[k] * 1000, 1)  # milliseconds


def body_text(rng: random.Random) -> str:
    target = rng.randint(300, 3000)
    parts, size = [], 0
    while size < target:
        zh, en = rng.choice(TOPICS)
        if rng.random() < 0.2:
            sentence = rng.choice(EN_TEMPLATES).format(t=en) + " "
        else:
            sentence = rng.choice(ZH_TEMPLATES).format(t=zh)
        parts.append(sentence)
        size += len(sentence)
    return "".join(parts)[:target]


def remove_bench_articles():
    ids = list(ArticlePage.objects.filter(slug__startswith="bench-").values_list("pk", flat=True))
    with connection.cursor() as cursor:
        for i in range(0, len(ids), 5000):
            chunk = ids[i : i + 5000]
            cursor.execute(
                "DELETE FROM knowledge_articletag WHERE content_object_id = ANY(%s)", [chunk]
            )
            cursor.execute("DELETE FROM knowledge_articlepage WHERE page_ptr_id = ANY(%s)", [chunk])
            cursor.execute("DELETE FROM wagtailcore_page WHERE id = ANY(%s)", [chunk])
    library = KnowledgeIndexPage.objects.get()
    library.numchild = Page.objects.filter(
        path__startswith=library.path, depth=library.depth + 1
    ).count()
    library.save(update_fields=["numchild"])
    SearchEntry.objects.all().delete()
    OutboxEntry.objects.all().delete()
    if connection.vendor == "postgresql":
        # The previous run's rows are dead, not gone, until a vacuum: scans of the database copy
        # (the fallback) would read them all, and the figure would say more about when
        # autovacuum last ran than about 10,000 documents.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


def generate(n: int, start: int, rng: random.Random) -> None:
    """Insert n published articles straight into the tables (Wagtail's API takes ~20 ms a page)."""
    library = KnowledgeIndexPage.objects.get()
    content_type = ContentType.objects.get_for_model(ArticlePage)
    departments = list(Department.objects.all()) or [Department.objects.create(name="办公室")]
    tags = [
        Tag.objects.get_or_create(name=zh, defaults={"slug": f"bench-{i}"})[0]
        for i, (zh, _) in enumerate(TOPICS)
    ]
    kinds = list(ArticleKind.values)
    now = timezone.now()
    batch = 2000
    for offset in range(0, n, batch):
        count = min(batch, n - offset)
        pages = []
        for i in range(count):
            number = start + offset + i
            library.numchild += 1
            zh, en = rng.choice(TOPICS)
            title = f"{zh}专题{rng.choice(['学习小结', '调研报告', '心得体会', '读书笔记'])}第{number}期"
            if rng.random() < 0.2:
                title = f"{en.title()} notes {number}"
            slug = f"bench-{number}"
            pages.append(
                Page(
                    title=title, draft_title=title, slug=slug, content_type=content_type,
                    path=ArticlePage._get_path(library.path, library.depth + 1, library.numchild),
                    depth=library.depth + 1, numchild=0, url_path=f"{library.url_path}{slug}/",
                    live=True, locale_id=library.locale_id, first_published_at=now,
                    last_published_at=now, translation_key=uuid.uuid4(),
                )
            )  # fmt: skip
        with transaction.atomic():
            Page.objects.bulk_create(pages)
            rows, tagged = [], []
            for page in pages:
                body = body_text(rng)
                date = datetime.date(2019, 1, 1) + datetime.timedelta(days=rng.randint(0, 2400))
                stream = json.dumps(
                    [{"type": "paragraph", "value": f"<p>{body}</p>", "id": str(uuid.uuid4())}],
                    ensure_ascii=False,
                )
                rows.append(
                    (
                        page.pk,
                        rng.choice(kinds),
                        rng.choice(departments).pk,
                        date,
                        body[:120],
                        stream,
                    )
                )
                tagged += [
                    ArticleTag(content_object_id=page.pk, tag=t) for t in rng.sample(tags, 2)
                ]
            with connection.cursor() as cursor:
                cursor.executemany(
                    "INSERT INTO knowledge_articlepage (page_ptr_id, kind, department_id, date, summary, body)"
                    " VALUES (%s, %s, %s, %s, %s, %s)",
                    rows,
                )
            ArticleTag.objects.bulk_create(tagged)
            library.save(update_fields=["numchild"])


def cadre_client() -> Client:
    from django.contrib.auth import get_user_model

    user, _ = get_user_model().objects.get_or_create(username="bench-cadre")
    Person.objects.get_or_create(user=user, defaults={"display_name": "压测干部"})
    web = Client()
    web.force_login(user)
    return web, user


def timed_view(web: Client, params: dict) -> float:
    started = time.perf_counter()
    response = web.get("/search/", params)
    elapsed = time.perf_counter() - started
    if response.status_code != 200:
        raise RuntimeError(f"the search view answered {response.status_code}")
    return elapsed


def timed_raw(user, params: dict) -> float:
    from urllib.parse import urlencode

    from django.http import QueryDict

    search_params = SearchParams.from_query(QueryDict(urlencode(params)))
    # The very request the view sends (the page and the counts in one multi-search).
    body = queries.build_search(search_params, user, queries.text_query(search_params.q)).to_dict()
    es = client.get_client()
    started = time.perf_counter()
    es.msearch(index=index.alias_name(), body=body)
    return time.perf_counter() - started


@dataclass
class Rate:
    """Documents per second, and the machine's CPU each took (every process, all cores)."""

    per_second: float
    cpu_ms_per_document: float


def busy_cpu_seconds() -> float:
    """CPU seconds all cores have spent working since boot (Linux's /proc/stat: user, nice,
    system, irq and softirq; idle, waiting and time the hypervisor took are not work)."""
    ticks = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return (ticks[0] + ticks[1] + ticks[2] + ticks[5] + ticks[6]) / os.sysconf("SC_CLK_TCK")


def timed_rate(work) -> Rate:
    """Run `work()`, which returns how many documents it handled, and measure its rate."""
    cpu, started = busy_cpu_seconds(), time.perf_counter()
    documents = work()
    seconds, cpu = time.perf_counter() - started, busy_cpu_seconds() - cpu
    return Rate(documents / seconds, cpu * 1000 / documents)


def elasticsearch_alone() -> Rate:
    """How fast Elasticsearch takes the rebuild's documents when handed them ready-made.

    What no rebuild on this machine can pass, even with nothing else to do: the same documents,
    analysis and bulk requests, with no database read and no Python work in between (the
    documents are read first).
    """
    from elasticsearch import helpers

    es = client.get_client(timeout=120.0)
    documents = [
        (hit["_id"], hit["_source"])
        for hit in helpers.scan(es, index=index.alias_name(), size=2000)
    ]
    scratch = index.create_physical(f"{index.alias_name()}-ingest-probe")
    es.indices.put_settings(index=scratch, settings={"index": {"refresh_interval": "-1"}})
    actions = ({"_index": scratch, "_id": i, "_source": s} for i, s in documents)

    def ingest() -> int:
        for _ok, _item in helpers.parallel_bulk(es, actions, chunk_size=500, thread_count=2):
            pass
        return len(documents)

    rate = timed_rate(ingest)
    es.indices.delete(index=scratch)
    return rate


def prepared_alone(workers: int) -> Rate:
    """How fast the rebuild's own share goes with no Elasticsearch: reading the objects,
    building their documents and writing the database copy, in the same worker processes.

    Beside `elasticsearch_alone`, it bounds a rebuild on this machine: the two share its cores,
    so a document costs the machine at least the sum of what each costs alone.
    """
    return timed_rate(lambda: sum(count for _written, count in rebuild.fill(None, workers)))


def machine_reference() -> float:
    """Milliseconds a fixed piece of pure Python takes (best of five): the machine's speed at the
    time of the run, as virtual machines vary from hour to hour. Compare runs by it."""
    best = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        sum(i * i for i in range(2_000_000))
        best = min(best, time.perf_counter() - started)
    return round(best * 1000, 1)


def signed_in_floor(web: Client, repeats: int) -> list[float]:
    """The search page with no query: the session, the user, the page header and the template,
    with no search. No view that shows a signed-in person a page answers faster."""
    timed_view(web, {})
    return [timed_view(web, {}) for _ in range(repeats * len(QUERY_MIX))]


def side_by_side(web: Client, user, repeats: int) -> tuple[list[float], list[float]]:
    """The search view and its raw request, one after the other for each query of the mix: the
    machine's speed drifts within a run, and both figures must meet the same machine."""
    view, raw = [], []
    for _ in range(repeats):
        for params in QUERY_MIX:
            view.append(timed_view(web, params))
            raw.append(timed_raw(user, params))
    return view, raw


def settle(seconds: float = 60.0) -> None:
    """Wait until Elasticsearch has finished with the writes of the rebuild and the ingest probe
    (refreshes, flushes, merges): searches are measured against an index at rest."""
    es = client.get_client(timeout=120.0)
    es.indices.flush(index=index.alias_name())
    busy = ("write", "refresh", "flush", "force_merge")
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        stats = es.nodes.stats(metric="thread_pool")
        pools = next(iter(stats["nodes"].values()))["thread_pool"]
        if not any(pools.get(name, {}).get("active", 0) for name in busy):
            break
        time.sleep(0.5)
    time.sleep(2)


def run_mix(fn, repeats: int) -> list[float]:
    return [fn(params) for _ in range(repeats) for params in QUERY_MIX]


def concurrent_view(clients: int, repeats: int) -> list[float]:
    timings: list[float] = []
    lock = threading.Lock()

    def worker():
        web, _user = cadre_client()
        mine = run_mix(lambda p: timed_view(web, p), repeats)
        with lock:
            timings.extend(mine)
        connection.close()

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return timings


def publish_latency(publishes: int) -> list[float]:
    """Publish through Wagtail with the real worker running; time until the page is found."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings"}
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--backend", "search", "--no-reload",
         "--interval", "0.1", "--no-startup-delay"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    library = KnowledgeIndexPage.objects.get()
    es = client.get_client()
    latencies = []
    try:
        time.sleep(2)
        for _ in range(publishes):
            marker = f"freshness{uuid.uuid4().hex[:10]}"
            article = ArticlePage(title=f"新发布的文章 {marker}", slug=f"bench-fresh-{marker}")
            library.add_child(instance=article)
            article.save_revision().publish()
            started = time.perf_counter()
            while time.perf_counter() - started < 30:
                found = es.count(index=index.alias_name(), query={"match": {"title": marker}})[
                    "count"
                ]
                if found:
                    break
                time.sleep(0.02)
            latencies.append(time.perf_counter() - started)
            library.refresh_from_db()
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    return latencies


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--fallback-documents", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=5, help="times the query mix runs")
    args = parser.parse_args()
    if not client.is_configured() or client.health() != client.UP:
        sys.exit("Set ELASTICSEARCH_URL to a running server (make bench does).")
    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to PostgreSQL (make bench does).")
    rng = random.Random(20240501)
    results: dict = {
        "documents": args.documents,
        "cpu_count": os.cpu_count(),
        "machine_reference_ms": machine_reference(),
    }
    remove_bench_articles()
    web, user = cadre_client()

    # The database fallback, at 10,000 documents.
    first = min(args.fallback_documents, args.documents)
    generate(first, 0, rng)
    rebuild.rebuild()
    with override_settings(ELASTICSEARCH_URL=""):
        run_mix(lambda p: timed_view(web, p), 1)  # warm up
        fallback = run_mix(lambda p: timed_view(web, p), args.repeats)
    results["fallback_documents"] = first
    results["fallback_view_p95_ms"] = percentile(fallback, 95)

    # Indexing: a full rebuild of all N documents.
    started = time.perf_counter()
    generate(args.documents - first, first, rng)
    results["generate_seconds"] = round(time.perf_counter() - started, 1)
    cpu = busy_cpu_seconds()
    report = rebuild.rebuild()
    cpu = busy_cpu_seconds() - cpu
    results["rebuild_workers"] = rebuild.default_workers()
    results["rebuild_seconds"] = round(report.seconds, 1)
    results["indexing_docs_per_second"] = round(report.per_second)
    results["indexed"] = report.counted
    results["rebuild_cpu_ms_per_doc"] = round(cpu * 1000 / report.documents, 3)
    results["rebuild_cores_busy"] = round(cpu / report.seconds / (os.cpu_count() or 1), 2)
    alone = elasticsearch_alone()
    results["elasticsearch_alone_docs_per_second"] = round(alone.per_second)
    results["elasticsearch_alone_cpu_ms_per_doc"] = round(alone.cpu_ms_per_document, 3)

    # The search view and the same queries straight against Elasticsearch.
    settle()
    queries.reset_breaker()
    # The first time each query is asked: nothing in Elasticsearch's request cache.
    client.get_client().indices.clear_cache(index=index.alias_name(), request=True)
    cold = run_mix(lambda p: timed_view(web, p), 1)
    results["view_first_ask_p95_ms"] = percentile(cold, 95)
    view, raw = side_by_side(web, user, args.repeats)
    results["view_p50_ms"] = percentile(view, 50)
    results["view_p95_ms"] = percentile(view, 95)
    results["raw_p50_ms"] = percentile(raw, 50)
    results["raw_p95_ms"] = percentile(raw, 95)
    results["view_to_raw_p95_ratio"] = round(percentile(view, 95) / percentile(raw, 95), 2)
    floor = signed_in_floor(web, args.repeats)
    results["signed_in_floor_p50_ms"] = percentile(floor, 50)
    results["signed_in_floor_p95_ms"] = percentile(floor, 95)
    concurrent = concurrent_view(4, args.repeats)
    results["view_p95_ms_4_clients"] = percentile(concurrent, 95)

    fresh = publish_latency(20)
    results["publish_to_found_p95_s"] = round(percentile(fresh, 95) / 1000, 2)
    results["publish_to_found_max_s"] = round(max(fresh), 2)

    # What bounds the rebuild here (measured last: it rewrites the database copy, whose dead rows
    # the measurements above must not meet).
    prepared = prepared_alone(rebuild.default_workers())
    results["prepared_alone_docs_per_second"] = round(prepared.per_second)
    results["prepared_alone_cpu_ms_per_doc"] = round(prepared.cpu_ms_per_document, 3)
    # A rebuild does both shares' work on the same cores: at best, every core busy all the time.
    cost = alone.cpu_ms_per_document + prepared.cpu_ms_per_document
    ceiling = (os.cpu_count() or 1) * 1000 / cost
    results["rebuild_ceiling_docs_per_second"] = round(ceiling)
    results["rebuild_share_of_ceiling"] = round(report.per_second / ceiling, 2)
    results["machine_reference_end_ms"] = machine_reference()
    sys.stdout.write(json.dumps(results, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
