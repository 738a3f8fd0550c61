"""Draw a matplotlib :class:`~matplotlib.figure.Figure` straight onto a reportlab canvas.

The analysis figures are matplotlib figures because the GUI shows the very same figure on a
Qt canvas (the per-patient trend charts are drawn on the canvas directly, see
:mod:`proapp.reports.charts`: a report must stay under 100 ms; an analysis has a dozen figures
once). Why a small renderer of our own instead of the usual routes:

- a PNG from Agg is blurry on paper and its text cannot be selected or searched;
- matplotlib's PDF or SVG output would have to be imported back into reportlab, which needs
  pdfrw or svglib (+ lxml), embeds a second copy of the font per chart, and costs a full
  extra serialise/parse per chart;
- drawing charts with ``reportlab.graphics`` directly would give up matplotlib's axes, ticks,
  date handling and legends, which the clinic's other charts (GUI, analysis) share.

matplotlib's backend API is built for exactly this: a :class:`RendererBase` receives paths
(lines, patches, markers) and strings already laid out in figure coordinates. At 72 dpi one
figure pixel is one PDF point, so every path becomes a PDF path operator and every string a
PDF text operator in the embedded DejaVu font: vector, selectable, crisp at any zoom, with no
image XObject and no extra dependency. Text is measured with the same font metrics reportlab
draws with, so labels are placed exactly. Raster images are refused (charts stay vector).
"""

from __future__ import annotations

from typing import Any, cast

from matplotlib.backend_bases import GraphicsContextBase, RendererBase
from matplotlib.figure import Figure
from matplotlib.path import Path
from matplotlib.transforms import Transform
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from proapp.reports import fonts

DPI = 72.0  # one figure pixel = one PDF point

_CAPS = {"butt": 0, "round": 1, "projecting": 2}
_JOINS = {"miter": 0, "round": 1, "bevel": 2}


def _vertical_metrics(font: str) -> tuple[float, float]:
    """(ascent, descent) per 1 pt of font size; descent is negative."""
    registered: Any = pdfmetrics.getFont(font)  # a TTFont: the stubs' Font has no face
    return registered.face.ascent / 1000.0, registered.face.descent / 1000.0


def _font_of(prop: Any) -> str:
    weight = prop.get_weight()
    bold = weight in ("bold", "heavy", "extra bold", "black", "demibold", "semibold") or (
        isinstance(weight, int | float) and weight >= 600)
    italic = prop.get_style() in ("italic", "oblique")
    return fonts.face(bold, italic)


class CanvasRenderer(RendererBase):
    """matplotlib renderer that emits reportlab canvas operations (vector paths and text)."""

    def __init__(self, canvas: Canvas, width: float, height: float):
        super().__init__()
        self.canvas = canvas
        self.width = width
        self.height = height

    # -- what matplotlib asks about the output device
    def flipy(self) -> bool:
        return False

    def get_canvas_width_height(self) -> tuple[float, float]:
        return self.width, self.height

    def points_to_pixels(self, points: Any) -> Any:
        return points

    def option_image_nocomposite(self) -> bool:
        return True

    def new_gc(self) -> GraphicsContextBase:
        return GraphicsContextBase()

    def get_text_width_height_descent(self, s: str, prop: Any,
                                      ismath: Any) -> tuple[float, float, float]:
        font = _font_of(prop)
        size = prop.get_size_in_points()
        ascent, descent = _vertical_metrics(font)
        return fonts.string_width(s, font, size), (ascent - descent) * size, -descent * size

    # -- drawing
    def _clip(self, gc: GraphicsContextBase) -> None:
        c = self.canvas
        rect = gc.get_clip_rectangle()
        if rect is not None:
            p = c.beginPath()
            p.rect(rect.x0, rect.y0, rect.width, rect.height)
            c.clipPath(p, stroke=0, fill=0)
        clip_path, _clip_transform = gc.get_clip_path()
        if clip_path is not None:
            path, affine = clip_path.get_transformed_path_and_affine()
            p = self._path(path, affine)
            c.clipPath(p, stroke=0, fill=0)

    def _path(self, path: Path, transform: Transform) -> Any:
        p = self.canvas.beginPath()
        last = (0.0, 0.0)
        for verts, code in path.iter_segments(transform, simplify=False, curves=True):
            if code == Path.MOVETO:
                last = (verts[0], verts[1])
                p.moveTo(*last)
            elif code == Path.LINETO:
                last = (verts[0], verts[1])
                p.lineTo(*last)
            elif code == Path.CURVE3:  # quadratic -> cubic
                qx, qy, x, y = verts
                x0, y0 = last
                p.curveTo(x0 + 2 / 3 * (qx - x0), y0 + 2 / 3 * (qy - y0),
                          x + 2 / 3 * (qx - x), y + 2 / 3 * (qy - y), x, y)
                last = (x, y)
            elif code == Path.CURVE4:
                p.curveTo(*verts)
                last = (verts[4], verts[5])
            elif code == Path.CLOSEPOLY:
                p.close()
        return p

    def draw_path(self, gc: GraphicsContextBase, path: Path, transform: Transform,
                  rgbFace: Any = None) -> None:
        c = self.canvas
        rgba = gc.get_rgb()
        stroke_alpha = gc.get_alpha() if gc.get_forced_alpha() else rgba[3]
        linewidth = gc.get_linewidth()
        stroke = linewidth > 0 and stroke_alpha > 0
        fill = rgbFace is not None
        fill_alpha = 1.0
        if fill:
            fill_alpha = (gc.get_alpha() if gc.get_forced_alpha()
                          else (rgbFace[3] if len(rgbFace) > 3 else 1.0))
            fill = fill_alpha > 0
        if not (stroke or fill):
            return
        c.saveState()
        self._clip(gc)
        if stroke:
            c.setStrokeColorRGB(*rgba[:3])
            if stroke_alpha < 1:
                c.setStrokeAlpha(stroke_alpha)
            c.setLineWidth(linewidth)
            c.setLineCap(_CAPS.get(gc.get_capstyle(), 0))
            c.setLineJoin(_JOINS.get(gc.get_joinstyle(), 0))
            offset, dashes = gc.get_dashes()
            if dashes:
                c.setDash([float(x) for x in cast(Any, dashes)], offset or 0)
        if fill:
            c.setFillColorRGB(*rgbFace[:3])
            if fill_alpha < 1:
                c.setFillAlpha(fill_alpha)
        c.drawPath(self._path(path, transform), stroke=int(stroke), fill=int(fill))
        c.restoreState()

    def draw_text(self, gc: GraphicsContextBase, x: float, y: float, s: str, prop: Any,
                  angle: float, ismath: Any = False, mtext: Any = None) -> None:
        if not s:
            return
        c = self.canvas
        rgba = gc.get_rgb()
        c.saveState()
        self._clip(gc)
        c.setFillColorRGB(*rgba[:3])
        alpha = gc.get_alpha() if gc.get_forced_alpha() else rgba[3]
        if alpha < 1:
            c.setFillAlpha(alpha)
        c.translate(x, y)
        if angle:
            c.rotate(angle)
        c.setFont(_font_of(prop), prop.get_size_in_points())
        c.drawString(0, 0, s)
        c.restoreState()

    def draw_image(self, gc: GraphicsContextBase, x: float, y: float, im: Any,
                   transform: Any = None) -> None:
        raise TypeError("report charts are vector only: a raster image was about to be drawn")


def new_figure(width_pt: float, height_pt: float) -> Figure:
    """A figure measured in points, for :class:`FigureFlowable` (no pyplot, no global state)."""
    return Figure(figsize=(width_pt / DPI, height_pt / DPI), dpi=DPI)


def draw_figure(figure: Figure, canvas: Canvas) -> None:
    """Draw ``figure`` with its lower-left corner at the canvas origin."""
    fonts.register()
    renderer = CanvasRenderer(canvas, figure.bbox.width, figure.bbox.height)
    figure.draw(renderer)


class FigureFlowable(Flowable):
    """A matplotlib figure as a platypus flowable, drawn as vector graphics."""

    def __init__(self, figure: Figure):
        super().__init__()
        self.figure = figure
        self.width = figure.bbox.width
        self.height = figure.bbox.height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        draw_figure(self.figure, self.canv)
