"""Abstract images for the demo content: designed, deterministic, without any text.

Every demo loader takes its pictures from here (teams, news and events, the home page), so the
demo looks like one site: soft fields of colour in the site's palette with cells drawn as under a
microscope (out-of-focus cells in the depth, a cluster in focus with concentric membranes, a
nucleus and granules, a few sharp highlights). The same kind and key always give the same image,
on every machine; different keys vary the palette, the composition and the cells.

They are sample content that carries no information: the library keeps them as *decorative*
images (an empty alternative text, so screen readers skip them), with no caption and no credit
(no photographer to name). Editors replace them with real photographs.

Drawing: the smooth layers (colour field, depth, light) are drawn small and enlarged, which
blurs them for free; the cells in focus are drawn at twice the size on a tile of their own and
reduced, which anti-aliases their edges. An image and its renditions take about a second.
"""

from __future__ import annotations

import functools
import hashlib
import io
import math
import random
import re
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFilter

from apps.core.images import RenditionData, check_image, make_renditions
from apps.core.models import Image
from apps.core.services import image_save

# Kinds of demo image and their size in pixels (pages show them at 16:9, 16:10 or 3:2).
DIMENSIONS = {
    "hero": (1600, 900),
    "article": (1600, 900),
    "event": (1600, 900),
    "team": (1200, 800),
}
# The source is stored as a JPEG of this quality; the library re-encodes it (images.check_image)
# and makes the renditions from it.
SOURCE_QUALITY = 92

# The file names the library keeps (apps.core.services names a file after its upload): a new
# demo image is "demo-<kind>-<key>.jpg", by which the demo loader knows it made it.
FILE_PREFIX = "demo-"

Colour = tuple[int, int, int]


def _hex(value: str) -> Colour:
    value = value.lstrip("#")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


NAVY = _hex("#132761")
BLUE = _hex("#1d3a8a")
CRIMSON = _hex("#a3154b")
YELLOW = _hex("#ffbf47")
TINT = _hex("#eef2fa")
WHITE = _hex("#ffffff")
SKY = _hex("#8fa6dc")  # a light step of the blue, between BLUE and TINT
ROSE = _hex("#e07a9b")  # a light step of the crimson


@dataclass(frozen=True)
class Palette:
    """The colours of one image: its field (darkest first), the cells, their light."""

    field: tuple[Colour, ...]
    large_cell: Colour  # the big cell the others gather round
    small_cells: tuple[Colour, ...]
    membrane: Colour
    nucleus: Colour
    light: Colour  # highlights and granules
    depth: tuple[Colour, ...]  # the out-of-focus cells
    vignette: Colour


PALETTES = (
    # Deep blue night: crimson cell, blue and yellow cells, light membranes.
    Palette(
        field=(NAVY, BLUE, _hex("#2c4fa8"), _hex("#3b2a78")),
        large_cell=CRIMSON,
        small_cells=(SKY, YELLOW, _hex("#5b78c9")),
        membrane=TINT,
        nucleus=NAVY,
        light=YELLOW,
        depth=(SKY, CRIMSON, _hex("#5b78c9")),
        vignette=_hex("#0b1740"),
    ),
    # Light tint day: blue cell, crimson and yellow cells, white membranes.
    Palette(
        field=(SKY, _hex("#c9d5f0"), TINT, WHITE),
        large_cell=BLUE,
        small_cells=(CRIMSON, YELLOW, _hex("#5b78c9")),
        membrane=WHITE,
        nucleus=NAVY,
        light=WHITE,
        depth=(BLUE, ROSE, YELLOW),
        vignette=_hex("#6d84c2"),
    ),
    # Crimson dusk: navy and crimson field, blue cell, tint and yellow cells.
    Palette(
        field=(NAVY, _hex("#5a1747"), CRIMSON, BLUE),
        large_cell=BLUE,
        small_cells=(ROSE, YELLOW, TINT),
        membrane=WHITE,
        nucleus=NAVY,
        light=YELLOW,
        depth=(ROSE, SKY, YELLOW),
        vignette=_hex("#10163d"),
    ),
    # Warm light: tint and yellow field, crimson cell, blue cells.
    Palette(
        field=(_hex("#f6d79a"), TINT, WHITE, _hex("#c9d5f0")),
        large_cell=CRIMSON,
        small_cells=(BLUE, _hex("#5b78c9"), NAVY),
        membrane=WHITE,
        nucleus=NAVY,
        light=WHITE,
        depth=(SKY, YELLOW, ROSE),
        vignette=_hex("#9aa9d6"),
    ),
)


WARM_LIGHT = PALETTES[3]


def seed_of(kind: str, key: str) -> int:
    """A stable number for a kind and key (Python's hash() changes from run to run)."""
    return int.from_bytes(hashlib.sha256(f"{kind}:{key}".encode()).digest()[:8], "big")


def _mix(a: Colour, b: Colour, t: float) -> Colour:
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))  # type: ignore[return-value]


class _Dice:
    """random.Random, using only random() (the same numbers on every Python version)."""

    def __init__(self, seed: int):
        self._random = random.Random(seed)  # pictures, not secrets

    def uniform(self, low: float, high: float) -> float:
        return low + (high - low) * self._random.random()

    def index(self, count: int) -> int:
        return min(count - 1, int(self._random.random() * count))

    def pick(self, items):
        return items[self.index(len(items))]

    def chance(self, probability: float) -> bool:
        return self._random.random() < probability


def _outline(cx: float, cy: float, radius: float, shape: tuple) -> list:
    """An organic closed outline: a circle whose radius waves with a few slow harmonics (the
    cell's shape) and, for some cells, many small ones (microvilli)."""
    points = max(64, min(180, int(radius)))
    outline = []
    for i in range(points):
        angle = 2 * math.pi * i / points
        factor = 1.0
        for harmonic, amplitude, phase in shape:
            factor += amplitude * math.sin(harmonic * angle + phase)
        outline.append(
            (cx + math.cos(angle) * radius * factor, cy + math.sin(angle) * radius * factor)
        )
    return outline


def _cell_shape(dice: _Dice, *, microvilli: bool) -> tuple:
    shape = [
        (2, dice.uniform(0.02, 0.07), dice.uniform(0, 2 * math.pi)),
        (3, dice.uniform(0.01, 0.04), dice.uniform(0, 2 * math.pi)),
        (5, dice.uniform(0.0, 0.015), dice.uniform(0, 2 * math.pi)),
    ]
    if microvilli:
        shape.append((int(dice.uniform(14, 22)), dice.uniform(0.012, 0.025), 0.0))
    return tuple(shape)


def _field(width: int, height: int, palette: Palette, dice: _Dice) -> PILImage.Image:
    """The background: large blots of the palette's field colours, blurred into a soft field."""
    small_w, small_h = 96, max(2, round(96 * height / width))
    field = PILImage.new("RGB", (small_w, small_h), palette.field[0])
    draw = ImageDraw.Draw(field)
    for colour in palette.field[1:] * 2:
        x, y = dice.uniform(-0.1, 1.1) * small_w, dice.uniform(-0.1, 1.1) * small_h
        r = dice.uniform(0.25, 0.5) * small_w
        draw.ellipse([x - r, y - r, x + r, y + r], fill=colour)
    field = field.filter(ImageFilter.GaussianBlur(small_w / 6))
    return field.resize((width, height), PILImage.Resampling.BICUBIC)


def _place(canvas: PILImage.Image, tile: PILImage.Image, left: int, top: int) -> None:
    """alpha_composite at any position: the part of the tile outside the canvas is cut off."""
    source = (max(0, -left), max(0, -top))
    if source[0] >= tile.width or source[1] >= tile.height:
        return
    canvas.alpha_composite(tile, (max(0, left), max(0, top)), source)


def _overlay_small(canvas: PILImage.Image, layer: PILImage.Image, blur: float) -> None:
    """Blur a layer drawn at a fraction of the size, enlarge it, and lay it on the canvas."""
    if blur:
        layer = layer.filter(ImageFilter.GaussianBlur(blur))
    canvas.alpha_composite(layer.resize(canvas.size, PILImage.Resampling.BICUBIC))


def _depth(canvas: PILImage.Image, palette: Palette, dice: _Dice, avoid: tuple) -> None:
    """Cells out of focus, in the depth: soft discs and rings drawn at a quarter of the size."""
    width, height = canvas.size
    scale = 4
    layer = PILImage.new("RGBA", (width // scale, height // scale), (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    unit = min(layer.size)
    for _ in range(int(dice.uniform(7, 12))):
        x, y = dice.uniform(0, 1) * layer.width, dice.uniform(0, 1) * layer.height
        # Keep the depth mostly away from the cluster in focus.
        if math.hypot(x - avoid[0] / scale, y - avoid[1] / scale) < avoid[2] / scale:
            x = (x + layer.width / 2) % layer.width
        r = dice.uniform(0.05, 0.16) * unit
        colour = dice.pick(palette.depth)
        alpha = int(dice.uniform(45, 110))
        if dice.chance(0.35):  # a membrane seen out of focus: a ring
            draw.ellipse(
                [x - r, y - r, x + r, y + r], outline=colour + (alpha,), width=max(2, int(r / 6))
            )
        else:
            draw.ellipse([x - r, y - r, x + r, y + r], fill=colour + (alpha,))
    _overlay_small(canvas, layer, blur=unit / 70)


def _light(canvas: PILImage.Image, palette: Palette, dice: _Dice, focus: tuple) -> None:
    """A soft light behind the cluster in focus, as from the microscope's lamp."""
    width, height = canvas.size
    layer = PILImage.new("RGBA", (width // 8, height // 8), (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    x, y, r = focus[0] / 8, focus[1] / 8, focus[2] / 8 * 1.6
    draw.ellipse([x - r, y - r, x + r, y + r], fill=palette.light + (int(dice.uniform(40, 70)),))
    _overlay_small(canvas, layer, blur=r / 2.5)


def _vignette(canvas: PILImage.Image, palette: Palette) -> None:
    """Darker corners, for depth: a radial mask enlarged from 256 × 256."""
    mask = PILImage.radial_gradient("L").resize(canvas.size, PILImage.Resampling.BICUBIC)
    # radial_gradient is 0 at the centre and 255 at the edge; keep the centre clear.
    mask = mask.point(lambda v: max(0, min(110, int((v - 120) * 0.9))))
    shade = PILImage.new("RGBA", canvas.size, palette.vignette + (255,))
    shade.putalpha(mask)
    canvas.alpha_composite(shade)


def _cell(
    canvas: PILImage.Image,
    dice: _Dice,
    cx: float,
    cy: float,
    radius: float,
    body: Colour,
    palette: Palette,
    *,
    large: bool,
) -> None:
    """One cell in focus, drawn at twice the size on its own tile and reduced (anti-aliased):
    a halo, a shaded body, two concentric membranes, a nucleus, granules. The tile covers only
    the part of the cell inside the canvas (a close-up's large cell is half outside)."""
    ss = 2
    half = radius * 1.75  # the cell and its halo
    width, height = canvas.size
    left, top = max(0, int(cx - half)), max(0, int(cy - half))
    right, bottom = min(width, math.ceil(cx + half)), min(height, math.ceil(cy + half))
    if right <= left or bottom <= top:
        return
    # Sides in multiples of 2 pixels, so the quarter-size layers line up.
    right, bottom = left + -(-(right - left) // 2) * 2, top + -(-(bottom - top) // 2) * 2
    size = ((right - left) * ss, (bottom - top) * ss)
    quarter = (size[0] // 4, size[1] // 4)
    tile = PILImage.new("RGBA", size, (0, 0, 0, 0))
    x0, y0 = (cx - left) * ss, (cy - top) * ss  # the cell's centre on the tile
    r = radius * ss
    shape = _cell_shape(dice, microvilli=not large and dice.chance(0.6))

    # Halo: the cell's glow on the field, blurred (drawn at a quarter of the size).
    halo = PILImage.new("RGBA", quarter, (0, 0, 0, 0))
    ImageDraw.Draw(halo).polygon(_outline(x0 / 4, y0 / 4, r / 4 * 1.08, shape), fill=body + (90,))
    halo = halo.filter(ImageFilter.GaussianBlur(r / 24))
    tile.alpha_composite(halo.resize(size, PILImage.Resampling.BILINEAR))

    # Body, shaded from a darker rim to a lighter centre offset towards the light: a blurred
    # light spot (drawn at a quarter of the size). The details are drawn on it while it is
    # opaque (so they blend with it), then it is cut to the cell's outline.
    rim = _mix(body, palette.nucleus, 0.35)
    centre = _mix(body, WHITE, 0.3)
    shading = PILImage.new("RGB", quarter, rim)
    qr = r / 4
    lx, ly, lr = x0 / 4 - qr * 0.2, y0 / 4 - qr * 0.25, qr * 0.55
    ImageDraw.Draw(shading).ellipse([lx - lr, ly - lr, lx + lr, ly + lr], fill=centre)
    shading = shading.filter(ImageFilter.GaussianBlur(qr * 0.4))
    shading = shading.resize(size, PILImage.Resampling.BILINEAR)
    draw = ImageDraw.Draw(shading, "RGBA")  # blends what it draws onto the body
    membrane = min(7, max(2, r / 28))  # widths at twice the size

    def ring(cx_: float, cy_: float, radius_: float, shape_: tuple, fill: tuple, width: float):
        points = _outline(cx_, cy_, radius_, shape_)
        draw.line(points + points[:1], fill=fill, width=max(1, round(width)), joint="curve")

    # Membranes: the cell's edge and a fainter one inside it.
    ring(x0, y0, r, shape, palette.membrane + (225,), membrane)
    ring(x0, y0, r * 0.9, shape, palette.membrane + (70,), min(3, max(1, r / 60)))

    # Organelles between the nucleus and the membrane: small elongated shapes.
    organelle = _mix(body, palette.nucleus, 0.45) + (120,)
    for _ in range(int(dice.uniform(5, 12)) if large else 0):
        a = dice.uniform(0, 2 * math.pi)
        d = r * dice.uniform(0.6, 0.8)
        size_ = min(r * dice.uniform(0.035, 0.06), 26)
        blob = ((2, dice.uniform(0.3, 0.45), dice.uniform(0, math.pi)),)
        draw.polygon(
            _outline(x0 + math.cos(a) * d, y0 + math.sin(a) * d, size_, blob), fill=organelle
        )

    # Nucleus, off centre, with its own envelope, its chromatin and, in a large cell, a nucleolus.
    angle = dice.uniform(0, 2 * math.pi)
    offset = r * dice.uniform(0.08, 0.22)
    nx, ny = x0 + math.cos(angle) * offset, y0 + math.sin(angle) * offset
    nr = r * dice.uniform(0.34, 0.46 if large else 0.52)
    nucleus_shape = _cell_shape(dice, microvilli=False)
    draw.polygon(
        _outline(nx, ny, nr, nucleus_shape), fill=_mix(body, palette.nucleus, 0.55) + (205,)
    )
    chromatin = _mix(body, palette.nucleus, 0.85) + (120,)
    for _ in range(int(dice.uniform(3, 8)) if nr > 30 else 0):
        a = dice.uniform(0, 2 * math.pi)
        d = nr * dice.uniform(0.15, 0.65)
        size_ = nr * dice.uniform(0.08, 0.16)
        blob = ((2, dice.uniform(0.1, 0.3), dice.uniform(0, math.pi)),)
        draw.polygon(
            _outline(nx + math.cos(a) * d, ny + math.sin(a) * d, size_, blob), fill=chromatin
        )
    ring(nx, ny, nr, nucleus_shape, palette.membrane + (110,), min(4, max(1, r / 45)))
    if large:
        nr2 = nr * dice.uniform(0.18, 0.26)
        ox, oy = nx + nr * 0.2, ny - nr * 0.15
        draw.ellipse([ox - nr2, oy - nr2, ox + nr2, oy + nr2], fill=_mix(body, WHITE, 0.3) + (170,))

    # Granules: small bright points.
    for _ in range(int(dice.uniform(4, 10 if large else 6))):
        a = dice.uniform(0, 2 * math.pi)
        d = r * dice.uniform(0.55, 0.82)
        gx, gy = x0 + math.cos(a) * d, y0 + math.sin(a) * d
        gr = min(9, max(2, r * dice.uniform(0.018, 0.04)))
        draw.ellipse(
            [gx - gr, gy - gr, gx + gr, gy + gr],
            fill=palette.light + (int(dice.uniform(150, 230)),),
        )

    mask = PILImage.new("L", size, 0)
    ImageDraw.Draw(mask).polygon(_outline(x0, y0, r + membrane / 2, shape), fill=235)
    shading = shading.convert("RGBA")
    shading.putalpha(mask)
    tile.alpha_composite(shading)
    canvas.alpha_composite(tile.reduce(ss), (left, top))  # 2 × 2 means: anti-aliased edges


def _highlights(canvas: PILImage.Image, palette: Palette, dice: _Dice, focus: tuple) -> None:
    """A few sharp points of light near the cluster, each with a soft glow."""
    unit = min(canvas.size)
    for _ in range(int(dice.uniform(3, 7))):
        a = dice.uniform(0, 2 * math.pi)
        d = focus[2] * dice.uniform(1.1, 2.2)
        x, y = focus[0] + math.cos(a) * d, focus[1] + math.sin(a) * d
        r = unit * dice.uniform(0.004, 0.009)
        half = int(r * 6) + 2
        tile = PILImage.new("RGBA", (4 * half, 4 * half), (0, 0, 0, 0))
        c = 2 * half
        glow = PILImage.new("RGBA", tile.size, (0, 0, 0, 0))
        ImageDraw.Draw(glow).ellipse(
            [c - 8 * r, c - 8 * r, c + 8 * r, c + 8 * r], fill=palette.light + (70,)
        )
        tile.alpha_composite(glow.filter(ImageFilter.GaussianBlur(3 * r)))
        ImageDraw.Draw(tile).ellipse(
            [c - 2 * r, c - 2 * r, c + 2 * r, c + 2 * r], fill=palette.light + (235,)
        )
        _place(canvas, tile.reduce(2), int(x) - half, int(y) - half)


def _unit(canvas: PILImage.Image) -> float:
    """The length cells are measured in: the short side, less in a 3:2 image (a team's),
    which cards cut to 16:9."""
    width, height = canvas.size
    return min(width, height) * (0.82 if height / width > 0.6 else 1.0)


def _y(canvas: PILImage.Image, t: float) -> float:
    """A height, as a fraction of the part of the image a 16:9 card keeps."""
    width, height = canvas.size
    visible = min(height, width * 9 / 16)
    return (height - visible) / 2 + t * visible


def _cluster(canvas, palette: Palette, dice: _Dice, fx: float, fy: float, large_r: float) -> None:
    """Small cells round a large one (immune cells round a tumour cell), drawn before it when
    behind it and after it when in front."""
    unit = _unit(canvas)
    count = int(dice.uniform(4, 8))
    start = dice.uniform(0, 2 * math.pi)
    satellites = []
    for i in range(count):
        angle = start + 2 * math.pi * i / count + dice.uniform(-0.3, 0.3)
        r = unit * dice.uniform(0.045, 0.085)
        distance = large_r + r * dice.uniform(0.55, 1.6)
        colour = palette.small_cells[i % len(palette.small_cells)]
        satellites.append(
            (fx + math.cos(angle) * distance, fy + math.sin(angle) * distance, r, colour)
        )
    for x, y, r, colour in satellites[::2]:
        _cell(canvas, dice, x, y, r, colour, palette, large=False)
    _cell(canvas, dice, fx, fy, large_r, palette.large_cell, palette, large=True)
    for x, y, r, colour in satellites[1::2]:
        _cell(canvas, dice, x, y, r, colour, palette, large=False)


def _compose_cluster(canvas, palette: Palette, dice: _Dice) -> tuple:
    """One cluster on a third of the image, and a cell or two further away."""
    width, height = canvas.size
    unit = _unit(canvas)
    side = dice.pick((0.3, 0.68, 0.62, 0.36))
    fx, fy = width * (side + dice.uniform(-0.04, 0.04)), _y(canvas, dice.uniform(0.42, 0.6))
    large_r = unit * dice.uniform(0.15, 0.21)
    focus = (fx, fy, large_r * 2.0)
    _depth(canvas, palette, dice, avoid=focus)
    _light(canvas, palette, dice, focus)
    _cluster(canvas, palette, dice, fx, fy, large_r)
    for _ in range(1 + dice.index(2)):
        x = width * (1 - side + dice.uniform(-0.12, 0.12))
        y = _y(canvas, dice.uniform(0.2, 0.8))
        r = unit * dice.uniform(0.03, 0.05)
        _cell(canvas, dice, x, y, r, dice.pick(palette.small_cells), palette, large=False)
    return focus


def _compose_flow(canvas, palette: Palette, dice: _Dice) -> tuple:
    """Cells travelling along a gentle curve across the image, growing as they come closer."""
    width, height = canvas.size
    unit = _unit(canvas)
    rising = dice.chance(0.5)
    y0, y1 = (0.78, 0.3) if rising else (0.3, 0.74)
    bend = dice.uniform(-0.12, 0.12)
    count = int(dice.uniform(6, 9))
    focus_t = dice.uniform(0.55, 0.75)
    fx, fy = width * (0.1 + 0.8 * focus_t), _y(canvas, y0 + (y1 - y0) * focus_t)
    focus = (fx, fy, unit * 0.25)
    _depth(canvas, palette, dice, avoid=focus)
    _light(canvas, palette, dice, focus)
    for i in range(count):
        t = i / (count - 1)
        x = width * (0.08 + 0.84 * t) + dice.uniform(-0.02, 0.02) * width
        y = _y(canvas, y0 + (y1 - y0) * t + bend * math.sin(math.pi * t))
        y += dice.uniform(-0.04, 0.04) * height
        closeness = 1 - abs(t - focus_t)
        r = unit * (0.035 + 0.08 * closeness**2) * dice.uniform(0.85, 1.15)
        large = i == round(focus_t * (count - 1))
        colour = palette.large_cell if large else palette.small_cells[i % len(palette.small_cells)]
        _cell(canvas, dice, x, y, r * (1.5 if large else 1), colour, palette, large=large)
    return focus


def _compose_close_up(canvas, palette: Palette, dice: _Dice) -> tuple:
    """A large cell seen close, partly out of the frame, with small cells at its edge."""
    width, height = canvas.size
    unit = _unit(canvas)
    left = dice.chance(0.5)
    fx = width * (dice.uniform(0.08, 0.2) if left else dice.uniform(0.8, 0.92))
    fy = _y(canvas, dice.uniform(0.45, 0.7))
    large_r = unit * dice.uniform(0.42, 0.52)
    focus = (fx, fy, large_r * 1.3)
    _depth(canvas, palette, dice, avoid=focus)
    _light(canvas, palette, dice, focus)
    _cell(canvas, dice, fx, fy, large_r, palette.large_cell, palette, large=True)
    start = dice.uniform(-0.6, 0.6) + (0 if left else math.pi)
    for i in range(int(dice.uniform(3, 6))):
        angle = start + (i - 2) * dice.uniform(0.28, 0.4)
        r = unit * dice.uniform(0.05, 0.09)
        distance = large_r + r * dice.uniform(0.4, 1.2)
        x, y = fx + math.cos(angle) * distance, fy + math.sin(angle) * distance
        _cell(
            canvas,
            dice,
            x,
            y,
            r,
            palette.small_cells[i % len(palette.small_cells)],
            palette,
            large=False,
        )
    far_x = width * (dice.uniform(0.6, 0.75) if left else dice.uniform(0.25, 0.4))
    _cell(
        canvas,
        dice,
        far_x,
        _y(canvas, dice.uniform(0.25, 0.5)),
        unit * 0.04,
        dice.pick(palette.small_cells),
        palette,
        large=False,
    )
    return (fx + (1 if left else -1) * large_r, fy, large_r)


COMPOSITIONS = (_compose_cluster, _compose_flow, _compose_cluster, _compose_close_up)


def render(kind: str, key: str, variant: int | None = None) -> PILImage.Image:
    """The demo image of a kind ("hero", "article", "event", "team") for a key (a slug). The
    key draws the cells; `variant`, an item's place in its list, when given, turns the palette
    and the composition round so that neighbours in a list differ (else the key chooses)."""
    width, height = DIMENSIONS[kind]
    dice = _Dice(seed_of(kind, key))
    palette = PALETTES[dice.index(len(PALETTES))]
    compose = COMPOSITIONS[dice.index(len(COMPOSITIONS))]
    if variant is not None:
        palette = PALETTES[variant % len(PALETTES)]
        compose = COMPOSITIONS[(variant + variant // len(PALETTES)) % len(COMPOSITIONS)]
    if kind == "hero":  # light, to stand out on the home page's deep blue
        palette, compose = WARM_LIGHT, _compose_cluster
    canvas = _field(width, height, palette, dice).convert("RGBA")
    focus = compose(canvas, palette, dice)
    _highlights(canvas, palette, dice, focus)
    _vignette(canvas, palette)
    return canvas.convert("RGB")


def render_jpeg(kind: str, key: str, variant: int | None = None) -> bytes:
    buffer = io.BytesIO()
    render(kind, key, variant).save(buffer, "JPEG", quality=SOURCE_QUALITY, optimize=True)
    return buffer.getvalue()


def file_name(kind: str, key: str) -> str:
    return f"{FILE_PREFIX}{kind}-{key}.jpg"


# In the image library ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Prepared:
    data: bytes  # as images.check_image stores it
    width: int
    height: int
    renditions: tuple[tuple[int, int, str, bytes], ...]


@functools.lru_cache(maxsize=64)
def _prepared(kind: str, key: str, variant: int | None, widths: tuple[int, ...]) -> _Prepared:
    """The stored file and renditions of an image, made once per process (the tests load the
    demo many times; `widths` keys the cache on the configured rendition widths)."""
    checked = check_image(render_jpeg(kind, key, variant))
    data = checked.content.read()
    renditions = tuple(
        (r.width, r.height, r.format, r.content.read())
        for r in make_renditions(data, checked.extension)
    )
    return _Prepared(data, checked.width, checked.height, renditions)


def _store(image: Image, kind: str, key: str, variant: int | None) -> Image:
    """Give an image (new or not) the demo picture of this kind and key, with its renditions:
    all or nothing, and the files it replaces are removed once committed (image_save)."""
    prepared = _prepared(kind, key, variant, tuple(settings.IMAGE_RENDITION_WIDTHS))
    image.file = ContentFile(prepared.data, name=file_name(kind, key))
    image.width, image.height = prepared.width, prepared.height
    return image_save(
        image,
        renditions=[
            RenditionData(width, height, fmt, ContentFile(content))
            for width, height, fmt, content in prepared.renditions
        ],
    )


def demo_image(kind: str, key: str, title: str, variant: int | None = None) -> Image:
    """The library's image of this title, made if missing: a decorative image (empty
    alternative text), with no caption and no credit."""
    existing = Image.objects.with_renditions().filter(title=title).first()
    if existing is not None:
        return existing
    image = Image(title=title, decorative=True, credit="")
    image.alt_text_fr = image.alt_text_en = image.caption_fr = image.caption_en = ""
    image.full_clean(exclude=["file"])
    return _store(image, kind, key, variant)


# The images the demo made before this module: dots and clip art, captioned and credited as an
# "illustration", described as if they said something. Known by their credit and by the file
# name the demo gave them (an editor who uploaded another file keeps it).
OLD_CREDIT = "Illustration de démonstration"
_OLD_FILE = re.compile(
    r"^(?:equipe-(?P<team>[a-z0-9-]+)|(?P<hero>illustration-accueil))(?:_[A-Za-z0-9]{7})?\.jpg$"
)


def refresh_old_images() -> list[str]:
    """Replace the old generated demo images, in place (the same rows: every team and page that
    shows one gets the new picture), by the new ones, decorative and without caption or credit.
    Does nothing once they are replaced, or when an editor changed their file or their credit."""
    replaced = []
    # The old demo made the teams' images in the teams' order: that order turns the palettes
    # round as a new demo does (apps.teams.demo_data).
    teams = list(
        Image.objects.filter(title__startswith="Démo – équipe")
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for image in Image.objects.filter(credit=OLD_CREDIT, title__startswith="Démo").order_by("pk"):
        match = _OLD_FILE.match(image.file.name.rsplit("/", 1)[-1])
        if match is None:
            continue
        if match["team"]:
            variant = teams.index(image.pk) if image.pk in teams else None
            kind, key = "team", match["team"]
        else:
            kind, key, variant = "hero", "home", None
        image.decorative = True
        image.alt_text_fr = image.alt_text_en = ""
        image.caption_fr = image.caption_en = ""
        image.credit = ""
        _store(image, kind, key, variant)
        replaced.append(f"new abstract image for “{image.title}”")
    return replaced


def load() -> list[str]:
    """The demo loader's step (apps.core.apps): existing databases get the new images."""
    return refresh_old_images()
