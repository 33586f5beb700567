"""Paper style for reportlib figures: the Chinese font, sizes, colours and one save function.

The font comes from the PyPI package ``justmytype-intl-cjk``, which ships Google Fonts'
``NotoSansSC[wght].ttf`` (SIL Open Font License 1.1). It is a variable font whose default
instance is *Thin* (weight 100), and neither matplotlib nor Pillow (used by wordcloud) can
choose another weight. :func:`font_path` therefore makes a static *Regular* (weight 400)
instance of it once, with fontTools, and keeps it in a cache folder (``$REPORTLIB_FONT_CACHE_DIR``,
else ``<matplotlib cache>/reportlib``). The first call takes about half a minute; later calls
only check that the cached file is there.

Example::

    from reportlib.figures.style import new_figure, pin_style, save_figure, use_paper_style
    with use_paper_style():              # rcParams change inside the block only
        fig = new_figure(height=2.0)
        ax = fig.add_subplot()
        ax.set_title("基层党建")
        pin_style(fig)                   # the font is set on the texts themselves
    save_figure(fig, "example")          # figures/example.pdf, .svg, .png
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import importlib.util
import os
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import matplotlib as mpl
from matplotlib import font_manager
from matplotlib.figure import Figure
from matplotlib.text import Text

from reportlib.conventions import CATEGORIES  # noqa: F401  (re-exported: figures list categories in this order)
from reportlib.errors import MissingFontError, ValueInvalidError

SINGLE_COLUMN = 3.5
"""Width in inches of a figure that fits one journal column."""
FULL_WIDTH = 7.2
"""Width in inches of a figure that spans the page."""

FONT_PACKAGE = "justmytype-intl-cjk"
FONT_MODULE = "justmytype_intl_cjk"
FONT_RELATIVE_PATH = ("fonts", "ofl", "notosanssc", "NotoSansSC[wght].ttf")
FONT_WEIGHT = 400
FONT_FAMILY = "Noto Sans SC"
LATIN_FALLBACK = "DejaVu Sans"

OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
}
"""Okabe & Ito (2008) colour-blind-safe qualitative palette."""

OTHER_COLOUR = "#999999"
"""Colour of anything outside the six sectors (the category ``other`` too)."""

CATEGORY_COLOURS = {
    "rural": OKABE_ITO["bluish_green"],
    "urban": OKABE_ITO["blue"],
    "border": OKABE_ITO["vermillion"],
    "enterprise": OKABE_ITO["orange"],
    "university": OKABE_ITO["reddish_purple"],
    "government": OKABE_ITO["sky_blue"],
    "other": OTHER_COLOUR,
}
"""Fixed colour of each report category (the same in every figure)."""

SEQUENTIAL_CMAP = "Blues"
"""Single-hue sequential colormap for heatmaps and ordered levels (prints in greyscale)."""

SAVE_FORMATS = ("pdf", "svg", "png")
PNG_DPI = 300
FIGURES_DIR_ENV = "REPORTLIB_FIGURES_DIR"
CACHE_DIR_ENV = "REPORTLIB_FONT_CACHE_DIR"

_NAME_RE = re.compile(r"[A-Za-z0-9_-]+")
_METADATA = {
    "pdf": {"CreationDate": None, "ModDate": None, "Producer": None, "Creator": None},
    "svg": {"Date": None, "Creator": None},
    "png": {"Software": None},
}
_SAVE_RC = {
    "pdf.fonttype": 42,
    "ps.fonttype": 42,
    "pdf.compression": 6,
    "svg.fonttype": "path",
    "svg.hashsalt": "reportlib",
}


def source_font_path() -> Path:
    """Return the variable font file shipped by ``justmytype-intl-cjk``.

    Raises MissingFontError, naming the package to install, when it is absent.
    """
    spec = importlib.util.find_spec(FONT_MODULE)
    if spec is None or not spec.submodule_search_locations:
        raise MissingFontError(
            f"the Chinese font for figures is missing; run `pip install {FONT_PACKAGE}`"
        )
    path = Path(list(spec.submodule_search_locations)[0]).joinpath(*FONT_RELATIVE_PATH)
    if not path.is_file():
        raise MissingFontError(
            f"{path}: font file not found in {FONT_PACKAGE}; "
            f"run `pip install --force-reinstall {FONT_PACKAGE}`"
        )
    return path


def font_cache_dir() -> Path:
    """Folder for the static font instance: ``$REPORTLIB_FONT_CACHE_DIR`` or matplotlib's cache."""
    configured = os.environ.get(CACHE_DIR_ENV)
    if configured:
        return Path(configured)
    return Path(mpl.get_cachedir()) / "reportlib"


def font_path() -> Path:
    """Return the path of the Regular (weight 400) Noto Sans SC TrueType font.

    The file is made from :func:`source_font_path` on first use and cached; its name carries
    the package version and a digest of the source, so an upgrade makes a new one. Use it for
    wordcloud: ``WordCloud(font_path=str(font_path()))``.
    """
    source = source_font_path()
    return _static_instance(source, font_cache_dir())


@functools.lru_cache(maxsize=4)
def _static_instance(source: Path, cache_dir: Path) -> Path:
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:12]
    version = importlib.metadata.version(FONT_PACKAGE)
    target = cache_dir / f"NotoSansSC-wght{FONT_WEIGHT}-{version}-{digest}.ttf"
    if not target.is_file():
        cache_dir.mkdir(parents=True, exist_ok=True)
        _write_instance(source, target)
    return target


def _write_instance(source: Path, target: Path) -> None:
    """Instantiate the variable font at FONT_WEIGHT and write it atomically."""
    from fontTools.ttLib import TTFont
    from fontTools.varLib import instancer

    with TTFont(str(source), recalcTimestamp=False) as font:
        static = instancer.instantiateVariableFont(
            font, {"wght": FONT_WEIGHT}, updateFontNames=True
        )
        with _temporary_beside(target) as tmp:
            static.save(str(tmp))


@functools.lru_cache(maxsize=1)
def register_font() -> str:
    """Add the Chinese font to matplotlib's font manager (once) and return its family name."""
    path = str(font_path())
    if not any(entry.fname == path for entry in font_manager.fontManager.ttflist):
        font_manager.fontManager.addfont(path)
    return font_manager.FontProperties(fname=path).get_name()


def paper_rc() -> dict[str, object]:
    """Return the rcParams of the paper style (registers the Chinese font first)."""
    family = register_font()
    return {
        "font.family": "sans-serif",
        "font.sans-serif": [family, LATIN_FALLBACK],
        "font.size": 8,
        "axes.titlesize": 9,
        "axes.labelsize": 8,
        "xtick.labelsize": 7.5,
        "ytick.labelsize": 7.5,
        "legend.fontsize": 7.5,
        "legend.title_fontsize": 8,
        "figure.titlesize": 9,
        "axes.linewidth": 0.6,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "xtick.major.width": 0.6,
        "ytick.major.width": 0.6,
        "axes.prop_cycle": mpl.cycler(color=list(CATEGORY_COLOURS.values())),
        "image.cmap": SEQUENTIAL_CMAP,
        "figure.dpi": 100,
        "savefig.dpi": PNG_DPI,
        "savefig.bbox": None,
        **_SAVE_RC,
    }


class use_paper_style:  # noqa: N801 - used like a function
    """Context manager: the paper style in matplotlib's rcParams inside the block only.

    ``with use_paper_style(): ...`` applies :func:`paper_rc` on entry and restores the previous
    settings on exit; nothing changes outside the block.
    """

    def __enter__(self) -> "use_paper_style":
        self._context = mpl.rc_context(paper_rc())
        self._context.__enter__()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._context.__exit__(*exc_info)


def pin_style(fig: Figure) -> Figure:
    """Set the paper font on every text artist of ``fig`` and return it.

    Call it inside :class:`use_paper_style` after the figure is built. Tick labels are made
    lazily, and a generic family ('sans-serif') is resolved at every draw from the rcParams of
    that moment; so the first tick of every axis is made here, in the style, and the font
    family is pinned on each text (ticks made later copy the first one). The figure then draws
    the same later, outside any context, as Jupyter's inline backend does.
    """
    stack = list(fig.axes)
    while stack:
        ax = stack.pop()
        stack.extend(ax.child_axes)
        for axis in (ax.xaxis, ax.yaxis):
            _pin_ticks(axis)
    family = [register_font(), LATIN_FALLBACK]
    for text in fig.findobj(Text):
        text.set_fontfamily(family)
    return fig


def _pin_ticks(axis) -> None:
    """Make the first major and minor tick now, and store their label size on the axis.

    The automatic tick locator sizes its bins from the axis's label size, which it reads from
    the rcParams at every draw unless the axis has its own; the first tick's size is stored
    without touching the labels (set_tick_params would overwrite sizes set on purpose).
    """
    for which, ticks in (("major", axis.majorTicks), ("minor", axis.minorTicks)):
        size = ticks[0].label1.get_fontsize()  # ticks[0] makes the lazy first tick
        keywords = axis._major_tick_kw if which == "major" else axis._minor_tick_kw
        keywords.setdefault("labelsize", size)


def paper_figure(func: Callable[..., Figure]) -> Callable[..., Figure]:
    """Decorator of figure functions: build the figure in the paper style, pin it, restore rcParams.

    The caller's ``matplotlib.rcParams`` are the same after the call as before it.
    """

    @functools.wraps(func)
    def wrapper(*args: object, **kwargs: object) -> Figure:
        with use_paper_style():
            return pin_style(func(*args, **kwargs))

    return wrapper


def new_figure(*, width: float = SINGLE_COLUMN, height: float | None = None) -> Figure:
    """Return an empty ``matplotlib.figure.Figure`` (no pyplot state), constrained layout.

    ``height`` defaults to 0.75 × ``width``. It changes no global setting: build the figure
    inside :class:`use_paper_style` (or a function decorated with :func:`paper_figure`) and
    call :func:`pin_style` at the end, so it draws the same inline and when saved.
    """
    if not width > 0:
        raise ValueInvalidError("width", width, "a positive number of inches")
    height = width * 0.75 if height is None else height
    if not height > 0:
        raise ValueInvalidError("height", height, "a positive number of inches")
    return Figure(figsize=(width, height), layout="constrained")


def figures_dir(directory: str | os.PathLike[str] | None = None) -> Path:
    """Return the folder figures are saved to.

    The rule, first match wins: ``directory`` if given; else ``$REPORTLIB_FIGURES_DIR`` if
    set; else ``figures/`` in the current working directory if it exists (the project root);
    else ``../figures`` when the working directory is called ``notebooks`` (a notebook run).
    Anything else is an error rather than a guess.
    """
    if directory is not None:
        return Path(directory)
    configured = os.environ.get(FIGURES_DIR_ENV)
    if configured:
        return Path(configured)
    cwd = Path.cwd()
    if (cwd / "figures").is_dir():
        return cwd / "figures"
    if cwd.name == "notebooks":
        return cwd.parent / "figures"
    raise ValueInvalidError(
        "directory", None,
        f"a folder, or ${FIGURES_DIR_ENV}, or a working directory that has figures/ "
        "or is notebooks/",
    )


def save_figure(
    fig: Figure,
    name: str,
    *,
    directory: str | os.PathLike[str] | None = None,
    formats: Sequence[str] = SAVE_FORMATS,
) -> list[Path]:
    """Write ``fig`` as ``<dir>/<name>.<fmt>`` for each format and return the paths written.

    ``dir`` follows :func:`figures_dir`. PDFs embed the font as TrueType (Type 42, subset),
    SVG text is drawn as paths, PNGs are 300 dpi; no dates or software versions are stored,
    so saving the same figure again gives byte-identical files. Each file is written to a
    temporary name and renamed, so no half-written figure is ever left.
    """
    if not isinstance(name, str) or not _NAME_RE.fullmatch(name):
        raise ValueInvalidError(
            "name", name, "letters, digits, underscores or hyphens (no extension)"
        )
    formats = tuple(formats)
    unknown = [fmt for fmt in formats if fmt not in SAVE_FORMATS]
    if unknown or not formats:
        raise ValueInvalidError("formats", formats, f"a non-empty subset of {SAVE_FORMATS}")
    folder = figures_dir(directory)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    with mpl.rc_context({**paper_rc(), **_SAVE_RC}), _frozen_layout(fig):
        for fmt in formats:
            target = folder / f"{name}.{fmt}"
            with _temporary_beside(target) as tmp:
                fig.savefig(tmp, format=fmt, dpi=PNG_DPI, metadata=_METADATA[fmt])
            written.append(target)
    return written


@contextmanager
def _frozen_layout(fig: Figure) -> Iterator[None]:
    """Lay the figure out once, round the axes positions, and keep them while saving.

    Constrained layout gives positions that differ in the last bits depending on what was
    drawn before (a first draw, an inline PNG, another format), which changes the hashed
    clip-path ids of SVG files. Rounding to 1e-6 of the figure size (a quarter of a
    thousandth of a point) removes that noise; the layout engine is restored afterwards.
    """
    engine = fig.get_layout_engine()
    if engine is None:
        yield
        return
    fig.draw_without_rendering()
    for ax in fig.axes:
        ax.set_position([round(float(v), 6) for v in ax.get_position().bounds])
    fig.set_layout_engine("none")
    try:
        yield
    finally:
        fig.set_layout_engine(engine)


@contextmanager
def _temporary_beside(target: Path) -> Iterator[Path]:
    """Yield a temporary path in target's folder; rename it to target if the block succeeds."""
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        yield tmp
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
