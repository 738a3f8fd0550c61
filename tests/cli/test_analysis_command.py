"""``proapp analysis`` on the command line: files, the printed table, options, exit codes."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from proapp.cli import main
from proapp.db.engine import Database
from proapp.services.analysis import OUTPUT_FILES


def test_analysis_writes_the_files_and_prints_the_friedman_table(
        demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    args = ["analysis", "--db", demo_db.url, "--out", str(out), "--cutoff", "2017-12-31",
            "--groups", "midas=headache-rr,headache-sp,headache-pp", "--groups", "fss=none",
            "--repeat-pta", "first"]
    assert main(args) == 0
    printed = capsys.readouterr().out
    assert sorted(p.name for p in out.iterdir()) == sorted(OUTPUT_FILES)
    with open(out / "friedman.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0])[:8] == ["measure", "group", "comparison", "n", "statistic", "df",
                                 "p_value", "kendall_w"]
    assert [r["group"] for r in rows if r["measure"] == "midas"] == [
        "headache-rr", "headache-sp", "headache-pp"]
    assert not [r for r in rows if r["measure"] == "fss"]
    midas_rr = next(r for r in rows if r["group"] == "headache-rr" and r["measure"] == "midas")
    line = next(x for x in printed.splitlines() if x.startswith("midas") and "Headache+ RR" in x)
    assert midas_rr["statistic"] in line and midas_rr["p_value"] in line
    assert "cut-off 2017-12-31" in printed and "SYNTHETIC DEMO DATA" in printed
    with open(out / "spearman.csv", encoding="utf-8-sig", newline="") as fh:
        spearman = list(csv.DictReader(fh))
    assert list(spearman[0])[:5] == ["group", "pair", "n", "rho", "p_value"]
    assert {r["group"] for r in spearman} == {"headache-rr", "headache-sp", "headache-pp"}

    assert main(args) == 1  # the files exist: refused without --force
    assert "--force" in capsys.readouterr().err
    assert main([*args, "--force"]) == 0


@pytest.mark.parametrize("bad", [["--cutoff", "31.12.2017"], ["--groups", "midas=xx"],
                                 ["--groups", "pain=all"], ["--repeat-pta", "maybe"]])
def test_bad_options_are_usage_errors(db: Database, tmp_path: Path, bad: list[str],
                                      capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["analysis", "--db", db.url, "--out", str(tmp_path), *bad])
    assert exc.value.code == 2
    assert "error" in capsys.readouterr().err
