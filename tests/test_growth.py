"""The notebooks on corpora they were not written for: the seed plus a file that sorts first,
and the seed plus real official documents. Each runs every notebook headless through
``reportlib run`` (two at a time); nothing may fail, write to stderr or draw an empty figure."""

import json
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from matplotlib.image import imread

from conftest import SEED_FILE
from reportlib.run import run

OFFICIAL = Path(__file__).parent / "data" / "official"
ONE_REPORT = ("社区党建工作调研报告\n一、基本情况\n" + "本社区共有党员230名,其中在职党员120名,离退休党员110名。" * 8
              + "\n二、存在的问题\n" + "部分党员参加组织生活不够经常,流动党员管理难度较大。" * 8 + "\n")


@pytest.fixture(scope="module")
def seed_plus_first(tmp_path_factory):
    folder = tmp_path_factory.mktemp("growth_a") / "corpus"
    folder.mkdir()
    shutil.copy(SEED_FILE, folder / SEED_FILE.name)
    (folder / "000_aaa_first.txt").write_text(ONE_REPORT, encoding="utf-8")
    results = folder.parent / "results"
    run([folder], results, lang="zh", cache=folder.parent / "cache", echo=lambda *a: None)
    return results


@pytest.fixture(scope="module")
def seed_plus_official(tmp_path_factory):
    results = tmp_path_factory.mktemp("growth_b") / "results"
    run([SEED_FILE.parent, OFFICIAL], results, lang="en", cache=results.parent / "cache", echo=lambda *a: None)
    return results


def _check_results(results: Path) -> None:
    notebooks = sorted((results / "notebooks").glob("*.ipynb"))
    assert [p.name[:2] for p in notebooks] == ["01", "02", "03", "04", "05"]
    for path in notebooks:
        for index, cell in enumerate(json.loads(path.read_text(encoding="utf-8"))["cells"]):
            for output in cell.get("outputs", []):
                assert output["output_type"] != "error", f"{path.name} cell {index}"
                assert output.get("name") != "stderr", f"{path.name} cell {index}: {output.get('text')}"
    pngs = sorted((results / "figures").glob("*.png"))
    assert len(pngs) >= 10
    for png in pngs:
        pixels = imread(png)[..., :3]
        assert (pixels.min(axis=2) < 0.9).mean() > 0.003, f"{png.name} is (nearly) empty"


def test_seed_plus_a_file_that_sorts_first(seed_plus_first, seed_corpus):
    _check_results(seed_plus_first)
    reports = pd.read_csv(seed_plus_first / "tables" / "reports.csv", keep_default_na=False)
    assert reports["report_id"].iloc[0] == "000_aaa_first#01"
    seed_rows = reports[reports["source"].str.endswith(SEED_FILE.name)]
    assert seed_rows["report_id"].tolist() == seed_corpus.reports["report_id"].tolist()
    statistics = pd.read_csv(seed_plus_first / "tables" / "statistics.csv", keep_default_na=False)
    from reportlib import stats
    alone = stats.statistics_table(seed_corpus)
    ours = statistics[statistics["source"].str.endswith(SEED_FILE.name)]
    assert ours["stat_id"].tolist() == alone["stat_id"].tolist()
    assert np.allclose(ours["value"].astype(float), alone["value"].astype(float))


def test_seed_plus_official_documents(seed_plus_official):
    _check_results(seed_plus_official)
    reports = pd.read_csv(seed_plus_official / "tables" / "reports.csv", keep_default_na=False)
    assert reports["source"].map(lambda s: Path(s).parent.name).nunique() == 2
    latex = (seed_plus_official / "tables" / "keyness_top_terms.tex").read_text(encoding="utf-8")
    assert latex.startswith(r"\begin{table}") and r"\toprule" in latex
