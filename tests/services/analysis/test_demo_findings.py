"""On the 286-patient demo cohort: the study's findings come out of the analysis, and every
figure in the CSV files is what scipy gives when called directly on analysis_data.csv."""

from __future__ import annotations

import csv
import re
import shutil
import statistics
from collections import defaultdict
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from scipy import stats as sps

from proapp.db.migrate import open_database
from proapp.domain.actor import Actor
from proapp.domain.cohort import Plan
from proapp.services.analysis import analyse_to_folder

CUTOFF = date(2017, 12, 31)
COMPARED = {"midas": ("pre", "m3", "final"), "fss": ("pre", "m3", "final"),
            "flow": ("pre", "pta", "final")}


@pytest.fixture(scope="module")
def out(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("analysis")
    path = folder / "demo.db"
    shutil.copyfile(demo_template, path)
    db = open_database(path)
    try:
        analyse_to_folder(db, Actor("nurse.test", role="nurse"), folder / "out", Plan(CUTOFF))
    finally:
        db.dispose()
    return folder / "out"


def read(out: Path, name: str) -> list[dict[str, str]]:
    with open(out / name, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def friedman(out: Path) -> dict[tuple[str, str], dict[str, str]]:
    return {(r["measure"], r["group"]): r for r in read(out, "friedman.csv")}


def posthoc(out: Path) -> dict[tuple[str, str, str, str], dict[str, str]]:
    return {(r["measure"], r["group"], r["time_point_a"], r["time_point_b"]): r
            for r in read(out, "posthoc.csv")}


def p(row: dict[str, str], key: str = "p_value") -> float:
    return float(row[key])


def fell(row: dict[str, str]) -> bool:
    """Significantly lower afterwards (Holm-adjusted, two-sided)."""
    return p(row, "p_holm") < 0.05 and Decimal(row["median_difference"]) < 0


def test_midas_falls_in_rr_and_sp_not_in_pp(out: Path) -> None:
    f, ph = friedman(out), posthoc(out)
    assert p(f["midas", "headache-rr"]) < 0.001
    assert p(f["midas", "headache-sp"]) < 0.01
    assert p(f["midas", "headache-pp"]) > 0.05
    for g in ("headache-rr", "headache-sp"):
        assert fell(ph["midas", g, "pre", "m3"]) and fell(ph["midas", g, "pre", "final"]), g
    assert p(ph["midas", "headache-rr", "pre", "final"], "p_holm") < 0.001
    assert not fell(ph["midas", "headache-pp", "pre", "m3"])
    assert not fell(ph["midas", "headache-pp", "pre", "final"])


def test_the_fss_gain_lasts_only_in_rr(out: Path) -> None:
    ph = posthoc(out)
    for g in ("fatigue-rr", "fatigue-sp"):
        assert fell(ph["fss", g, "pre", "m3"]), g  # the 3-month gain
    assert fell(ph["fss", "fatigue-rr", "pre", "final"])
    assert p(ph["fss", "fatigue-rr", "pre", "final"], "p_holm") < 0.001
    assert p(ph["fss", "fatigue-sp", "pre", "final"], "p_holm") > 0.05
    assert not fell(ph["fss", "fatigue-pp", "pre", "final"])


def test_flow_rises_in_every_group_but_headache_positive_pp(out: Path) -> None:
    f, ph = friedman(out), posthoc(out)
    groups = {g for m, g in f if m == "flow"}
    assert len(groups) == 12
    for g in groups - {"headache-pp"}:
        row = ph["flow", g, "pre", "pta"]
        assert p(f["flow", g]) < 0.05 and p(row, "p_holm") < 0.05, g
        assert Decimal(row["median_difference"]) > 0, g
    assert p(f["flow", "headache-pp"]) > 0.05


def test_values_are_exact_decimals(out: Path) -> None:
    data = read(out, "analysis_data.csv")
    places = {"midas": 0, "fss": 2, "flow": 1}
    for r in data:
        digits = r["value"].partition(".")[2]
        assert len(digits) == places[r["measure"]], r
    for name in ("descriptives.csv", "friedman.csv", "posthoc.csv", "spearman.csv"):
        text = (out / name).read_text(encoding="utf-8-sig")
        assert not re.search(r"\d\.\d*(?:0000\d|9999\d)", text), name  # no binary residue


def _groups(rows, group):
    return [r for r in rows if r["group_" + group.replace("-", "_")] == "1"]


def _blocks(rows, measure, group, time_points, kind=float):
    """patient -> {time point: value} from analysis_data.csv."""
    out: dict[str, dict[str, float]] = defaultdict(dict)
    for r in _groups(rows, group):
        if r["measure"] == measure and r["time_point"] in time_points:
            out[r["patient_code"]][r["time_point"]] = kind(r["value"])
    return out


def test_friedman_and_posthoc_are_scipy_on_analysis_data(out: Path) -> None:
    data = read(out, "analysis_data.csv")
    ph = posthoc(out)
    checked = 0
    for (measure, group), row in friedman(out).items():
        tps = COMPARED[measure]
        rows = [r for r in data if r["friedman_complete"] == "1"]
        blocks = _blocks(rows, measure, group, tps)
        assert int(row["n"]) == len(blocks)
        if not row["statistic"]:
            continue
        columns = [[b[t] for b in blocks.values()] for t in tps]
        res = sps.friedmanchisquare(*columns)
        assert row["statistic"] == f"{res.statistic:.4f}"
        assert row["p_value"] == f"{res.pvalue:.4g}"
        assert row["kendall_w"] == f"{res.statistic / (len(blocks) * 2):.4f}"
        exact = _blocks(rows, measure, group, tps, Decimal)
        raw = []
        for a, b in ((tps[0], tps[1]), (tps[0], tps[2]), (tps[1], tps[2])):
            post = ph[measure, group, a, b]
            d = [float(v[b] - v[a]) for v in exact.values()]  # exact differences
            w = sps.wilcoxon(d, zero_method="wilcox", correction=False, method=post["method"])
            assert post["statistic"] == f"{w.statistic:.1f}"
            assert post["p_value"] == f"{w.pvalue:.4g}"
            raw.append((w.pvalue, post))
        running = 0.0
        for rank, (pv, post) in enumerate(sorted(raw, key=lambda x: x[0])):
            running = max(running, min(1.0, (3 - rank) * pv))
            assert post["p_holm"] == f"{running:.4g}"
        checked += 1
    assert checked == 20


def test_spearman_is_scipy_on_analysis_data(out: Path) -> None:
    data = read(out, "analysis_data.csv")
    rows = read(out, "spearman.csv")
    assert {r["group"] for r in rows} == {"headache", "headache-rr", "headache-sp",
                                          "headache-pp"}
    for row in rows:
        group = row["group"]
        # Decimal, so that a change of 612.3 - 400.1 ties with 212.2 as it should (binary
        # floats would make them differ in the last bit and break the tie in the ranks).
        midas = _blocks(data, "midas", group, ("pre", "final_matched"), Decimal)
        flow = _blocks(data, "flow", group, ("pre", "final_matched"), Decimal)
        codes = sorted(set(midas) & set(flow))
        if row["pair"] == "pre":
            pairs = [(midas[c]["pre"], flow[c]["pre"]) for c in codes
                     if "pre" in midas[c] and "pre" in flow[c]]
        elif row["pair"] == "final":
            pairs = [(midas[c]["final_matched"], flow[c]["final_matched"]) for c in codes
                     if "final_matched" in midas[c]]
        else:
            pairs = [(midas[c]["final_matched"] - midas[c]["pre"],
                      flow[c]["final_matched"] - flow[c]["pre"]) for c in codes
                     if "final_matched" in midas[c] and "pre" in midas[c] and "pre" in flow[c]]
        assert int(row["n"]) == len(pairs)
        res = sps.spearmanr([float(a) for a, _ in pairs], [float(b) for _, b in pairs])
        assert row["rho"] == f"{res.statistic:.4f}"
        assert row["p_value"] == f"{res.pvalue:.4g}"


def test_descriptives_are_the_data(out: Path) -> None:
    data = read(out, "analysis_data.csv")
    for row in read(out, "descriptives.csv"):
        values = [Decimal(r["value"]) for r in _groups(data, row["group"])
                  if r["measure"] == row["measure"] and r["time_point"] == row["time_point"]
                  and (row["cases"] == "available" or r["friedman_complete"] == "1")]
        assert int(row["n"]) == len(values), row
        if values:
            assert Decimal(row["median"]) == statistics.median(values), row
