"""The figure style: Chinese font, rendering without tofu, embedded fonts, deterministic saving."""

from __future__ import annotations

import io
import warnings
from pathlib import Path

import matplotlib as mpl
import numpy as np
import pypdf
import pytest
from fontTools.ttLib import TTFont
from matplotlib import font_manager
from matplotlib.figure import Figure
from matplotlib.text import Text
from PIL import Image, ImageFont

from reportlib.errors import MissingFontError, ValueInvalidError
from reportlib.figures import style

LABELS_ZH = ["基层党建", "三会一课", "两新组织", "第一书记", "《2024-2024年规划》", "（一）组织生活", "村（居）委"]
LABELS_EN = ["first secretary", "Party building", "three meetings and one lesson", "level 1"]
LABELS_MIXED = ["rural (农村)", "R11 乡镇党建(R01重复)", "duplicate: R01"]


@style.paper_figure
def _bar_figure(labels: list[str]) -> Figure:
    fig = style.new_figure(height=2.5)
    ax = fig.add_subplot()
    ax.barh(range(len(labels)), [-3, *range(1, len(labels))])
    ax.set_yticks(range(len(labels)), labels=labels)
    ax.set_title(" ".join(labels[:2]))
    ax.set_xlabel(labels[-1])
    return fig


# --- the font -------------------------------------------------------------------------------

def test_font_is_the_regular_instance_of_noto_sans_sc():
    with TTFont(str(style.font_path()), lazy=True) as font:
        assert "glyf" in font, "matplotlib embeds TrueType outlines only"
        assert "fvar" not in font, "a static instance, not the variable font"
        assert font["OS/2"].usWeightClass == 400
        assert font["name"].getDebugName(6) == "NotoSansSC-Regular"
        cmap = font.getBestCmap()
    assert all(ord(ch) in cmap for ch in "基层党建三会一课两新组织第一书记《》（）、，。")


def test_source_font_is_shipped_by_the_package_under_the_ofl():
    source = style.source_font_path()
    assert source.name == "NotoSansSC[wght].ttf"
    licence = (source.parent / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL Open Font License, Version 1.1" in licence


def test_font_path_names_the_package_when_it_is_missing(monkeypatch):
    monkeypatch.setattr(style, "FONT_MODULE", "reportlib_test_no_such_font_package")
    with pytest.raises(MissingFontError, match="pip install justmytype-intl-cjk"):
        style.font_path()


def test_font_path_reports_a_missing_font_file(monkeypatch):
    monkeypatch.setattr(style, "FONT_RELATIVE_PATH", ("fonts", "no-such-font.ttf"))
    with pytest.raises(MissingFontError, match="no-such-font.ttf.*justmytype-intl-cjk"):
        style.font_path()


def test_register_font_is_idempotent():
    first, second = style.register_font(), style.register_font()
    path = str(style.font_path())
    assert first == second == style.FONT_FAMILY
    assert sum(entry.fname == path for entry in font_manager.fontManager.ttflist) == 1


def test_chinese_text_is_drawn_with_the_registered_font():
    with style.use_paper_style():
        found = font_manager.findfont(font_manager.FontProperties(family=["sans-serif"]))
    assert found == str(style.font_path())


# --- rendering without tofu -----------------------------------------------------------------

@pytest.mark.parametrize("labels", [LABELS_ZH, LABELS_EN, LABELS_MIXED], ids=["zh", "en", "mixed"])
@pytest.mark.parametrize("fmt", ["png", "pdf", "svg"])
def test_labels_render_without_missing_glyph_warnings(labels, fmt):
    fig = _bar_figure(labels)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.savefig(io.BytesIO(), format=fmt)


def test_missing_glyph_check_does_fail_without_the_chinese_font():
    """The control for the test above: a Latin-only font does warn about Chinese glyphs."""
    fig = Figure(figsize=(2, 1))
    fig.text(0.1, 0.5, "基层党建", family="DejaVu Sans")
    with pytest.warns(UserWarning, match="missing from font"):
        fig.savefig(io.BytesIO(), format="png")


def test_wordcloud_draws_chinese_with_font_path_deterministically():
    wordcloud = pytest.importorskip("wordcloud")
    frequencies = {"党建": 10, "三会一课": 6, "第一书记": 4, "两新组织": 3}

    def draw() -> np.ndarray:
        cloud = wordcloud.WordCloud(
            font_path=str(style.font_path()), width=240, height=120, random_state=0,
            background_color="white",
        )
        return cloud.generate_from_frequencies(frequencies).to_array()

    first, second = draw(), draw()
    assert np.array_equal(first, second)
    assert (first < 250).any(), "something was drawn"


def test_pillow_finds_real_glyphs_not_the_missing_glyph_box():
    font = ImageFont.truetype(str(style.font_path()), 40)
    notdef = np.asarray(font.getmask("\ue000"))
    for ch in "党建":
        assert not np.array_equal(np.asarray(font.getmask(ch)), notdef)


# --- style constants ------------------------------------------------------------------------

def test_category_colours_are_distinct_okabe_ito_colours_and_other_is_grey():
    assert tuple(style.CATEGORY_COLOURS) == style.CATEGORIES
    sectors = [style.CATEGORY_COLOURS[c] for c in style.CATEGORIES if c != "other"]
    assert len(set(sectors)) == 6 and set(sectors) <= set(style.OKABE_ITO.values())
    assert style.OTHER_COLOUR not in sectors and style.CATEGORY_COLOURS["other"] == style.OTHER_COLOUR


def test_widths_and_sequential_colormap():
    assert style.SINGLE_COLUMN == 3.5
    assert style.FULL_WIDTH == 7.2
    assert style.SEQUENTIAL_CMAP in mpl.colormaps


def test_use_paper_style_restores_previous_settings():
    with mpl.rc_context({"pdf.fonttype": 3, "font.size": 12.0}):
        with style.use_paper_style():
            assert mpl.rcParams["pdf.fonttype"] == 42
            assert mpl.rcParams["font.size"] == 8
            assert mpl.rcParams["font.sans-serif"][:2] == [style.FONT_FAMILY, style.LATIN_FALLBACK]
        assert mpl.rcParams["pdf.fonttype"] == 3
        assert mpl.rcParams["font.size"] == 12.0


def test_new_figure_size_and_validation():
    fig = style.new_figure(width=style.FULL_WIDTH, height=2.0)
    assert isinstance(fig, Figure)
    assert tuple(fig.get_size_inches()) == (7.2, 2.0)
    assert tuple(style.new_figure().get_size_inches()) == (3.5, 3.5 * 0.75)
    with pytest.raises(ValueInvalidError, match="width"):
        style.new_figure(width=0)
    with pytest.raises(ValueInvalidError, match="height"):
        style.new_figure(height=-1)


# --- saving ---------------------------------------------------------------------------------

def test_save_figure_writes_each_format_and_returns_the_paths(tmp_path):
    paths = style.save_figure(_bar_figure(LABELS_ZH), "report_lengths", directory=tmp_path)
    assert paths == [tmp_path / f"report_lengths.{fmt}" for fmt in ("pdf", "svg", "png")]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in paths)
    assert all(p.stat().st_size > 1000 for p in paths)
    only_png = style.save_figure(_bar_figure(LABELS_ZH), "x", directory=tmp_path, formats=["png"])
    assert only_png == [tmp_path / "x.png"]


def test_png_is_300_dpi_at_the_figure_size(tmp_path):
    (png,) = style.save_figure(_bar_figure(LABELS_EN), "f", directory=tmp_path, formats=["png"])
    with Image.open(png) as image:
        assert image.size == (round(3.5 * 300), round(2.5 * 300))
        assert image.info["dpi"] == pytest.approx((300, 300), abs=0.01)
        assert "Software" not in image.info


def _pdf_fonts(path: Path) -> list[dict]:
    fonts = []
    for page in pypdf.PdfReader(path).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descendants = [d.get_object() for d in font.get("/DescendantFonts", [])]
            for part in descendants or [font]:
                descriptor = part.get("/FontDescriptor")
                fonts.append({
                    "subtype": str(font["/Subtype"]),
                    "name": str(part.get("/BaseFont", "")),
                    "files": sorted(k for k in (descriptor.get_object() if descriptor else {})
                                    if str(k).startswith("/FontFile")),
                })
    return fonts


def test_pdf_embeds_every_font_and_has_no_type3(tmp_path):
    (pdf,) = style.save_figure(_bar_figure(LABELS_ZH + LABELS_MIXED), "f", directory=tmp_path,
                               formats=["pdf"])
    fonts = _pdf_fonts(pdf)
    assert fonts
    assert all(f["subtype"] != "/Type3" for f in fonts)
    assert all(set(f["files"]) & {"/FontFile2", "/FontFile3"} for f in fonts), fonts
    assert any("NotoSansSC-Regular" in f["name"] for f in fonts)
    assert all("+" in f["name"] for f in fonts), "fonts are subsetted"


def test_exports_carry_no_dates_or_software_versions(tmp_path):
    pdf, svg, _ = style.save_figure(_bar_figure(LABELS_EN), "f", directory=tmp_path)
    pdf_bytes, svg_text = pdf.read_bytes(), svg.read_text(encoding="utf-8")
    assert b"CreationDate" not in pdf_bytes
    assert mpl.__version__.encode() not in pdf_bytes
    assert "<dc:date>" not in svg_text
    assert mpl.__version__ not in svg_text
    assert "<text" not in svg_text, "SVG text is drawn as paths, readable without the font"


def test_saving_twice_is_byte_identical(tmp_path):
    first = style.save_figure(_bar_figure(LABELS_MIXED), "f", directory=tmp_path / "a")
    again = style.save_figure(_bar_figure(LABELS_MIXED), "f", directory=tmp_path / "b")
    same_fig = _bar_figure(LABELS_MIXED)
    twice = [style.save_figure(same_fig, "f", directory=tmp_path / d) for d in ("c", "d")]
    for paths in (again, *twice):
        for one, other in zip(first, paths):
            assert one.read_bytes() == other.read_bytes(), one.suffix


@pytest.mark.parametrize("name", ["", "a b", "a/b", "../x", "x.pdf", "名字", None])
def test_save_figure_rejects_bad_names(tmp_path, name):
    with pytest.raises(ValueInvalidError, match="`name`"):
        style.save_figure(Figure(), name, directory=tmp_path)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("formats", [(), ("jpg",), ("pdf", "eps")])
def test_save_figure_rejects_unknown_formats(tmp_path, formats):
    with pytest.raises(ValueInvalidError, match="formats"):
        style.save_figure(Figure(), "f", directory=tmp_path, formats=formats)


def test_a_failed_save_leaves_no_partial_file(tmp_path, monkeypatch):
    fig = _bar_figure(LABELS_EN)
    (kept,) = style.save_figure(fig, "f", directory=tmp_path, formats=["pdf"])
    before = kept.read_bytes()

    def broken_savefig(path, **kwargs):
        Path(path).write_bytes(b"half a PDF")
        raise OSError("disk full")

    monkeypatch.setattr(fig, "savefig", broken_savefig)
    with pytest.raises(OSError, match="disk full"):
        style.save_figure(fig, "f", directory=tmp_path, formats=["pdf"])
    assert kept.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["f.pdf"]


def test_figures_dir_resolution(tmp_path, monkeypatch):
    project = tmp_path / "project"
    (project / "figures").mkdir(parents=True)
    (project / "notebooks").mkdir()
    monkeypatch.delenv(style.FIGURES_DIR_ENV, raising=False)
    monkeypatch.chdir(project)
    assert style.figures_dir() == project / "figures"
    monkeypatch.chdir(project / "notebooks")
    assert style.figures_dir() == project / "figures"
    monkeypatch.setenv(style.FIGURES_DIR_ENV, str(tmp_path / "elsewhere"))
    assert style.figures_dir() == tmp_path / "elsewhere"
    assert style.figures_dir(tmp_path / "given") == tmp_path / "given"
    monkeypatch.delenv(style.FIGURES_DIR_ENV)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ValueInvalidError, match="REPORTLIB_FIGURES_DIR"):
        style.figures_dir()


def test_save_figure_uses_the_environment_folder(tmp_path, monkeypatch):
    monkeypatch.setenv(style.FIGURES_DIR_ENV, str(tmp_path / "out"))
    paths = style.save_figure(_bar_figure(LABELS_EN), "env_test", formats=["svg"])
    assert paths == [tmp_path / "out" / "env_test.svg"]
    assert paths[0].is_file()


# --- no global settings -------------------------------------------------------------------------

def _pixels(fig: Figure) -> np.ndarray:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100)
    return np.asarray(Image.open(io.BytesIO(buffer.getvalue())))


def test_figure_functions_leave_rcparams_alone():
    before = dict(mpl.rcParams)
    style.new_figure()
    _bar_figure(LABELS_ZH)
    assert dict(mpl.rcParams) == before


def test_figures_draw_the_same_later_outside_the_style():
    """What Jupyter's inline backend does: draw after the call, under the caller's own settings."""
    fig = _bar_figure(LABELS_MIXED)
    with mpl.rc_context({"font.size": 20, "font.sans-serif": ["DejaVu Sans"], "xtick.labelsize": 3}):
        outside = _pixels(fig)
    with style.use_paper_style():
        inside = _pixels(_bar_figure(LABELS_MIXED))
    assert outside.shape == inside.shape
    assert np.array_equal(outside, inside)
    families = {tuple(t.get_fontfamily()) for t in fig.findobj(Text) if t.get_text()}
    assert families == {(style.FONT_FAMILY, style.LATIN_FALLBACK)}


def test_use_paper_style_applies_only_inside_the_block():
    before = dict(mpl.rcParams)
    context = style.use_paper_style()
    assert dict(mpl.rcParams) == before, "creating it changes nothing"
    with context:
        assert mpl.rcParams["font.size"] == 8
    assert dict(mpl.rcParams) == before
