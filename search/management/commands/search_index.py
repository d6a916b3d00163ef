"""manage.py search_index --rebuild | --check [--repair] | --drain"""

from tqdm import tqdm

from django.core.management.base import BaseCommand, CommandError

from search import client, index, indexing, rebuild


class Command(BaseCommand):
    help = (
        "Rebuild the search index without stopping search (--rebuild), compare it with the "
        "database (--check; --repair puts right what differs), or apply the recorded changes now "
        "(--drain)."
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
            "--repair",
            action="store_true",
            help=(
                "With --check: write again, or delete, every document found missing, stale or "
                "extra, through the outbox (for a nightly job)."
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
        if options["repair"] and not options["check"]:
            raise CommandError("--repair goes with --check: `search_index --check --repair`.")
        if options["rebuild"]:
            self.rebuild_index(options)
        elif options["check"]:
            self.check_index(repair=options["repair"])
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

    def check_index(self, repair: bool = False):
        total = rebuild.total_objects()
        with self.progress_bar(total) as bar:
            report = rebuild.check(progress=bar.update)
        configured = client.is_configured()
        self.stdout.write(
            f"{report.expected} document(s) expected, "
            + (f"{report.indexed} in the index, " if configured else "")
            + f"{report.copied} in the database copy, {report.backlog} change(s) waiting."
        )
        if not configured:
            self.stdout.write("Elasticsearch is not configured: only the database copy is used.")
        for label, ids in (
            ("missing from the index", report.missing),
            ("stale in the index", report.stale),
            ("in the index but should not be", report.extra),
            ("missing from the database copy", report.copy_missing),
            ("stale in the database copy", report.copy_stale),
            ("in the database copy but should not be", report.copy_extra),
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
            matching = "The index and its database copy match" if configured else "The copy matches"
            self.stdout.write(self.style.SUCCESS(f"{matching} the database."))
            return
        if repair and report.differences:
            recorded = rebuild.repair(report)
            self.stdout.write(f"Recorded {recorded} document(s) to write again or delete.")
            self.drain_outbox()
            if report.needs_rebuild:
                raise CommandError("Repaired; the index still needs a rebuild (see above).")
            return
        raise CommandError(
            "The index does not match the database (see above); "
            "`search_index --check --repair` puts it right."
        )

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
