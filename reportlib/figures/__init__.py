"""Figures for papers and notebooks: paper style, bilingual labels and the figure functions.

Submodules: :mod:`reportlib.figures.style` (font, sizes, colours, ``save_figure``),
:mod:`reportlib.figures.glossary` (Chinese → English labels), :mod:`reportlib.figures.scale`
(the thresholds above which a figure summarises per category, and category labels with n) and
one module per group of figures, such as :mod:`reportlib.figures.overview`. Importing this
package touches neither matplotlib's settings nor the font; no figure function changes the
caller's ``matplotlib.rcParams`` either: the style is applied while the figure is built and
pinned on its texts.
"""
