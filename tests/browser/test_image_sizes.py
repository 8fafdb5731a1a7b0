"""Responsive images are never shown wider than their file: on a desktop (1366 × 768) and a phone
(375 × 667) screen at density 1, every image of the home page, the team list, a team, the news
list and an article gets a rendition at least as wide as it is displayed (so `sizes` is right),
and not a needlessly large one (so `sizes` is not far too large either)."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.utils import translation

pytestmark = pytest.mark.browser

VIEWPORTS = [(1366, 768), (375, 667)]

# For each <img> of a <picture>: brought into view (lazy images load near the viewport), then
# the width of the file the browser chose (its `w` descriptor), the width the picture is drawn
# at (object-fit: cover draws it wider than its box when the box is of another shape), and the
# widths it could have chosen.
MEASURE_JS = """async () => {
    const results = [];
    for (const img of document.querySelectorAll('picture img')) {
        img.scrollIntoView({block: 'center'});
        if (!img.complete || !img.currentSrc) {
            await new Promise(done => {
                img.addEventListener('load', done, {once: true});
                img.addEventListener('error', done, {once: true});
                setTimeout(done, 5000);
            });
        }
        const style = getComputedStyle(img);
        const boxWidth = parseFloat(style.width), boxHeight = parseFloat(style.height);
        const candidates = {};
        for (const source of img.parentElement.querySelectorAll('source')) {
            for (const item of source.srcset.split(',')) {
                const [url, descriptor] = item.trim().split(/\\s+/);
                candidates[new URL(url, document.baseURI).href] = parseInt(descriptor, 10);
            }
        }
        const chosen = candidates[img.currentSrc];
        // The file's own width, as decoded (its srcset descriptor must tell the truth).
        const probe = new Image();
        probe.src = img.currentSrc;
        await probe.decode().catch(() => {});
        const ratio = img.naturalWidth / img.naturalHeight;
        let drawn = boxWidth;
        if (style.objectFit === 'cover') drawn = Math.max(boxWidth, boxHeight * ratio);
        if (style.objectFit === 'contain' || style.objectFit === 'scale-down') {
            drawn = Math.min(boxWidth, boxHeight * ratio);
        }
        results.push({
            src: img.currentSrc.split('/').slice(-2).join('/'),
            where: (img.closest('[class]') || img).className,
            chosen, file: probe.naturalWidth, drawn,
            sizes: img.parentElement.querySelector('source').sizes,
            widths: [...new Set(Object.values(candidates))].sort((a, b) => a - b),
            shown: boxWidth > 0 && style.visibility !== 'hidden',
        });
    }
    return results;
}"""


def _pages() -> dict[str, str]:
    from apps.news.models import NewsArticle
    from apps.teams.models import Team

    team = Team.objects.published().filter(image__isnull=False).order_by("order").first()
    article = NewsArticle.objects.published().filter(image__isnull=False).order_by("-date").first()
    assert team and article, "the demo has no team or article with an image"
    with translation.override("en"):
        return {
            "home": "/en/",
            "team list": "/en/teams/",
            "team": team.get_absolute_url(),
            "news list": "/en/news/",
            "article": article.get_absolute_url(),
        }


def test_no_image_is_shown_wider_than_its_file(transactional_db, live_server, browser):
    call_command("load_demo", stdout=io.StringIO())
    pages = _pages()
    problems = []
    for width, height in VIEWPORTS:
        for name, path in pages.items():
            # A context of its own per page: an empty cache, since Chromium shows a larger copy
            # it already has (the home page's) rather than fetch the one `sizes` asks for.
            context = browser.new_context(
                viewport={"width": width, "height": height}, device_scale_factor=1
            )
            page = context.new_page()
            page.goto(live_server.url + path)
            measured = [m for m in page.evaluate(MEASURE_JS) if m["shown"]]
            if not measured:
                problems.append(f"{width}px {name}: no image shown")
            for m in measured:
                label = f"{width}px {name} {m['where']} {m['src']} (sizes {m['sizes']})"
                if m["chosen"] is None:
                    problems.append(f"{label}: the file shown is not one of the srcset")
                    continue
                if m["file"] != m["chosen"]:
                    problems.append(f"{label}: a {m['file']} px file listed as {m['chosen']}w")
                if m["file"] + 0.5 < m["drawn"]:
                    problems.append(
                        f"{label}: a {m['file']} px file drawn {m['drawn']:.0f} px wide"
                    )
                enough = [w for w in m["widths"] if w >= m["drawn"] - 0.5]
                if enough and m["widths"].index(m["chosen"]) > m["widths"].index(enough[0]) + 1:
                    problems.append(
                        f"{label}: a {m['chosen']} px file for {m['drawn']:.0f} px "
                        f"({enough[0]} px would do)"
                    )
            context.close()
    assert problems == [], "\n".join(problems)
