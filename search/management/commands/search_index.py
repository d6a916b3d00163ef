"""manage.py search_index --rebuild | --check | --drain"""

from tqdm import tqdm

from django.core.management.base import BaseCommand, CommandError

from search import client, index, indexing, rebuild


class Command(BaseCommand):
    help = (
        "Rebuild the search index without stopping search (--rebuild), compare it with the "
        "database (--check), or apply the recorded changes now (--drain)."
    )

    def add_arguments(self, parser):
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument("--rebuild", action="store_true", help="Build a new index, then swap.")
        action.add_argument(
            "--check", action="store_true", help="Report missing or stale documents."
        )
        action.add_argument("--drain", action="store_true", help="Apply the recorded changes now.")
        parser.add_argument(
            "--if-needed",
            action="store_true",
            help=(
                "With --rebuild: only if search has never been built, or was built by other code "
                "(for `make run`)."
            ),
        )
        parser.add_argument(
            "--keep-old", action="store_true", help="With --rebuild: keep the previous index."
        )

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        if client.is_configured() and client.health() != client.UP and not options["drain"]:
            raise CommandError(
                "Elasticsearch does not answer at ELASTICSEARCH_URL; nothing was changed."
            )
        if options["rebuild"]:
            self.rebuild_index(options)
        elif options["check"]:
            self.check_index()
        else:
            self.drain_outbox()

    def progress_bar(self, total: int, unit: str = "doc"):
        return tqdm(
            total=total,
            unit=unit,
            file=self.stderr._out,
            disable=self.verbosity == 0 or total == 0,
            dynamic_ncols=True,
        )

    def rebuild_index(self, options):
        if options["if_needed"] and rebuild.is_current():
            self.stdout.write("Search is built and current; nothing to do.")
            return
        total = rebuild.total_objects()
        where = index.alias_name() if client.is_configured() else "the database copy only"
        self.stdout.write(f"Rebuilding {where} from {total} object(s)…")
        with self.progress_bar(total) as bar:
            report = rebuild.rebuild(progress=bar.update, keep_old=options["keep_old"])
        self.stdout.write(
            self.style.SUCCESS(
                f"Indexed {report.documents} document(s) in {report.seconds:.1f} s "
                f"({report.per_second:.0f}/s); caught up {report.caught_up} change(s) made meanwhile."
            )
        )
        if report.index:
            self.stdout.write(
                f"The alias {index.alias_name()} now points at {report.index} "
                f"({report.counted} documents); removed: {', '.join(report.old_indices) or 'none'}."
            )

    def check_index(self):
        total = rebuild.total_objects()
        with self.progress_bar(total) as bar:
            report = rebuild.check(progress=bar.update)
        self.stdout.write(
            f"{report.expected} document(s) expected, {report.indexed} in the index, "
            f"{report.backlog} change(s) waiting."
        )
        if not client.is_configured():
            self.stdout.write("Elasticsearch is not configured: only the database copy is used.")
            return
        for label, ids in (
            ("missing from the index", report.missing),
            ("stale in the index", report.stale),
            ("in the index but should not be", report.extra),
        ):
            if ids:
                shown = ", ".join(ids[:20]) + (" …" if len(ids) > 20 else "")
                self.stdout.write(self.style.WARNING(f"{len(ids)} {label}: {shown}"))
        if report.needs_rebuild:
            self.stdout.write(
                self.style.WARNING(
                    "The index was built by other analysis (schema or segmenter changed): "
                    "run `manage.py search_index --rebuild`."
                )
            )
        if report.ok:
            self.stdout.write(self.style.SUCCESS("The index matches the database."))
        else:
            raise CommandError("The index does not match the database (see above).")

    def drain_outbox(self):
        waiting = indexing.backlog()
        self.stdout.write(f"{waiting} change(s) waiting.")
        with self.progress_bar(waiting, unit="change") as bar:
            applied = failed = 0
            while True:
                result = indexing.apply_pending(force=True)
                applied += result.applied
                bar.update(result.applied)
                if result.failed or not result.applied:
                    failed = result.failed
                    break
        if failed:
            raise CommandError(
                f"Applied {applied}; {failed} change(s) still wait for Elasticsearch: {result.error}"
            )
        self.stdout.write(self.style.SUCCESS(f"Applied {applied} change(s); none waiting."))
