"""``proapp analysis``: the cohort analysis of the reference study, written to a folder."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from proapp.cli import add_db_option
from proapp.cli.actor import add_user_options

if TYPE_CHECKING:
    from proapp.reports.analysis.model import AnalysisResult

MEASURE_NAMES = ("midas", "fss", "flow")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _group_ids(text: str) -> tuple[str, ...]:
    from proapp.domain.cohort import GROUP_IDS, ordered

    ids = [g.strip().lower() for g in text.split(",") if g.strip()]
    if text.strip().lower() == "none":
        return ()
    try:
        return ordered(ids)
    except KeyError:
        raise argparse.ArgumentTypeError(
            f"unknown group in {text!r}; groups are {', '.join(GROUP_IDS)} (or none)") from None


def _measure_groups(text: str) -> tuple[str, tuple[str, ...]]:
    measure, sep, groups = text.partition("=")
    measure = measure.strip().lower()
    if not sep or measure not in MEASURE_NAMES:
        raise argparse.ArgumentTypeError(
            f"--groups takes MEASURE=GROUP,GROUP,... with MEASURE one of "
            f"{', '.join(MEASURE_NAMES)}; got {text!r}")
    return measure, _group_ids(groups)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from proapp.domain.cohort import GROUP_IDS

    p = sub.add_parser(
        "analysis", help="cohort analysis: Friedman and Spearman by MS subtype and group",
        description="The reference study's analysis on this database: MIDAS, FSS and total "
        "supine IJV flow before PTA, at 3 months (flow: right after PTA) and at the final "
        "follow-up, by MS subtype and symptom group (Friedman test with Kendall's W, "
        "Wilcoxon post-hoc tests with Holm's correction, Spearman correlation of MIDAS and "
        "flow). Writes descriptives.csv, friedman.csv, posthoc.csv, spearman.csv, "
        "analysis_data.csv (every value that went into a test), exclusions.csv and "
        "analysis.pdf into DIR, and prints the Friedman table.",
        epilog=f"Groups: {', '.join(GROUP_IDS)}. Defaults: midas in the headache groups, fss "
               "in the fatigue groups, flow in all groups, the correlation in the MIDAS groups.")
    add_db_option(p)
    add_user_options(p)
    p.add_argument("--out", required=True, type=Path, metavar="DIR",
                   help="folder for the files (created if missing)")
    p.add_argument("--cutoff", type=_date, metavar="DATE",
                   help="only visits on or before this date count (default: today)")
    p.add_argument("--groups", type=_measure_groups, action="append", default=[],
                   metavar="MEASURE=GROUPS",
                   help="the groups a measure is analysed in, e.g. midas=headache,headache-rr "
                        "(repeatable; 'none' for no group)")
    p.add_argument("--spearman-groups", type=_group_ids, metavar="GROUPS",
                   help="groups for the MIDAS-flow correlation (default: the MIDAS groups)")
    p.add_argument("--repeat-pta", choices=("censor", "first", "exclude"), default="censor",
                   help="a patient with a second PTA: censor = use visits before it (default), "
                        "first = use every visit, exclude = leave the patient out")
    p.add_argument("--force", action="store_true", help="replace existing files in DIR")
    p.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    from proapp.cli.actor import cli_actor
    from proapp.db.migrate import open_database
    from proapp.domain.cohort import DEFAULT_GROUPS, Plan
    from proapp.domain.timepoints import Measure, RepeatPta
    from proapp.services import clock
    from proapp.services.analysis import analyse_to_folder

    groups = dict(DEFAULT_GROUPS)
    for measure, ids in args.groups:
        groups[Measure(measure)] = ids
    spearman = (args.spearman_groups if args.spearman_groups is not None
                else groups[Measure.MIDAS])
    plan = Plan(args.cutoff or clock.today(), groups, spearman, RepeatPta(args.repeat_pta))
    db = open_database(getattr(args, "db", None))
    try:
        actor = cli_actor(args, db)
        result, paths = analyse_to_folder(db, actor, args.out, plan, force=args.force)
    finally:
        db.dispose()
    print(friedman_table(result))
    print(f"\n{result.meta.patients} patients, cut-off {plan.cutoff.isoformat()}, data "
          f"SHA-256 {result.meta.snapshot_sha256}")
    if result.meta.is_demo:
        print("SYNTHETIC DEMO DATA: these results describe no real person")
    print(f"written to {args.out}:")
    for path in paths:
        print(f"  {path.name}")
    sys.stdout.flush()
    return 0


def friedman_table(result: AnalysisResult) -> str:
    """The Friedman table as aligned plain text (what the terminal shows)."""
    from proapp.reports.analysis.model import group_title
    from proapp.reports.analysis.text import decimal, fixed, p_text

    header = ("measure", "group", "n", "excl", "chi2", "df", "p", "W", "FU y", "note")
    rows = [header]
    for f in result.friedman:
        rows.append((f.measure.value, group_title(f.group_id), str(f.n), str(f.n_excluded),
                     fixed(f.statistic), str(f.df), p_text(f.p_value), fixed(f.kendall_w),
                     decimal(f.follow_up_years_mean), f.note))
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    left = {0, 1, 9}
    lines = []
    for r in rows:
        cells = [c.ljust(w) if i in left else c.rjust(w)
                 for i, (c, w) in enumerate(zip(r, widths, strict=True))]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)
