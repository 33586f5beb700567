"""Figures for papers and notebooks: paper style, bilingual labels and the figure functions.

Submodules: :mod:`reportlib.figures.style` (font, sizes, colours, ``save_figure``),
:mod:`reportlib.figures.glossary` (Chinese → English labels) and one module per group of
figures, such as :mod:`reportlib.figures.overview`. Importing this package touches neither
matplotlib's settings nor the font; that happens at the first figure.
"""
