"""Template tags every app's templates use: languages, images, structured data."""

from __future__ import annotations

import base64
import json

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """The current page in every language: [{code, name, url, absolute_url, current}].

    A view may give `language_urls` ({code: path}); else an `object` with get_absolute_url is
    asked in each language (so translated slugs work); else the path is translated by the resolver,
    and `url` keeps the query string (a list's filters: a filter on an item's slug takes either
    language's, FilterForm.slug_choices), while `absolute_url` (for hreflang) leaves it out.
    """
    request = context.get("request")
    if request is None:
        return []
    given = context.get("language_urls") or {}
    obj = context.get("object")
    current = translation.get_language()
    alternates = []
    for code, _name in settings.LANGUAGES:
        if code in given:
            url = given[code]
        elif obj is not None and hasattr(obj, "get_absolute_url"):
            with translation.override(code):
                url = obj.get_absolute_url()
        else:
            url = translate_url(request.path, code)
        # The switcher keeps a list's filters and page; hreflang links name the page alone (as
        # the canonical link does).
        address = url
        # The query as sent, unparsed: an error page may answer a query too big to parse.
        query = request.META.get("QUERY_STRING", "")
        if 0 < len(query) <= 2000 and code not in given and not hasattr(obj, "get_absolute_url"):
            url = f"{url}?{query}"
        alternates.append(
            {
                "code": code,
                "name": translation.get_language_info(code)["name_local"],
                "url": url,
                "absolute_url": request.build_absolute_uri(address),
                "current": code == current,
            }
        )
    return alternates


@register.simple_tag
def lang_of(obj, field: str) -> str:
    """` lang="fr"` on a passage whose text is not in the page's language (RGAA 8.7): a French
    value shown for a missing English one, or a text written once, in French (an image's
    credit); nothing otherwise. `<span{% lang_of image "credit" %}>...`."""
    from apps.core.languages import fallback_language

    language = fallback_language(obj, field)
    return format_html(' lang="{}"', language) if language else ""


@register.filter
def passage(obj, field: str) -> str:
    """`obj.<field>`, escaped, in a `<span lang="fr">` when its text is not in the page's
    language (see lang_of): `{{ image|passage:"caption" }}`; works inside blocktranslate."""
    from apps.core.languages import fallback_language

    text = getattr(obj, field, "") or ""
    language = fallback_language(obj, field)
    return format_html('<span lang="{}">{}</span>', language, text) if language else text


@register.simple_tag
def lang_attr(language: str) -> str:
    """` lang="en"` when `language` is not the page's; nothing when it is (or is unknown)."""
    from apps.core.languages import other_language

    language = other_language(language)
    return format_html(' lang="{}"', language) if language else ""


@register.filter
def link_with_key(links, key: str):
    """The menu link of `links` whose key is `key`, or None: `footer_nav|link_with_key:"privacy"`
    (the privacy policy, whatever its address and title)."""
    return next((link for link in links or () if link.key == key), None)


@register.filter
def json_ld(data) -> str:
    """A schema.org JSON-LD block, escaped so no text can close the script element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(_JSON_ESCAPES)),  # noqa: S308 (<, > and & escaped as \\uXXXX)
    )


@register.inclusion_tag("core/includes/_picture.html")
def picture(image, sizes="100vw", css_class="", loading="lazy", max_width=None, fetchpriority=None):
    """<picture> with WebP and JPEG/PNG srcsets, width, height and the alt text in the page's
    language (empty for a decorative image). Needs the image's renditions prefetched
    (Image.objects.with_renditions()).

    `sizes`: the name of a layout of apps.core.images.SIZES ("card", "main"...), which says how
    wide the image is shown at each screen width, or a `sizes` value. `loading="eager"` is for
    the page's main image in the first screen (no lazy loading), which is then fetched first
    (`fetchpriority="high"`) unless `fetchpriority` says otherwise; every other image loads
    lazily. `max_width` picks the <img>'s own `src`, for browsers without srcset."""
    from apps.core.images import SIZES

    if image is None:
        return {"image": None}
    fallback = image.fallback(max_width=int(max_width) if max_width else None)
    eager = loading == "eager"
    if fetchpriority is None:
        fetchpriority = "high" if eager else ""
    return {
        "image": image,
        "alt": image.alt,
        "fallback": fallback,
        "webp_srcset": image.srcset("webp"),
        "fallback_srcset": image.srcset(image.fallback_format),
        "fallback_type": "image/png" if image.fallback_format == "png" else "image/jpeg",
        "sizes": SIZES.get(sizes, sizes),
        "css_class": css_class,
        "loading": "eager" if eager else "lazy",
        "fetchpriority": fetchpriority,
    }


@register.simple_tag(takes_context=True)
def absolute_url(context, path: str) -> str:
    request = context.get("request")
    return request.build_absolute_uri(path) if request else path


@register.simple_tag(takes_context=True)
def organization_jsonld(context) -> str:
    """schema.org MedicalOrganization for the center, from the site settings."""
    site = context.get("site_settings")
    request = context.get("request")
    if site is None or request is None:
        return ""
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalOrganization",
        "name": site.site_name,
        "url": request.build_absolute_uri("/"),
        "address": {
            "@type": "PostalAddress",
            "streetAddress": site.street_address,
            "postalCode": site.postal_code,
            "addressLocality": site.city,
            "addressCountry": "FR",
        },
    }
    if site.institution:
        data["parentOrganization"] = {"@type": "Organization", "name": site.institution}
    if site.phone_main:
        data["telephone"] = site.phone_main_uri.removeprefix("tel:")
    if site.email:
        data["email"] = site.email
    return json_ld(data)


@register.inclusion_tag("core/includes/_protected_email.html")
def protected_email(address: str):
    """An email address people and screen readers can read ("name [at] example.org"), which
    simple harvesters do not; site.js turns it into a mailto: link in the browser."""
    user, _sep, domain = (address or "").partition("@")
    if not user or not domain:
        return {"address": None}
    return {
        "user": user,
        "domain": domain,
        "encoded": base64.b64encode(address[::-1].encode()).decode(),
    }


@register.inclusion_tag("core/includes/_breadcrumbs.html")
def breadcrumbs(*items):
    """{% breadcrumbs url1 label1 url2 label2 ... last_label %}: the last item is the page."""
    pairs = [{"url": items[i], "label": items[i + 1]} for i in range(0, len(items) - 1, 2)]
    return {"crumbs": pairs, "current": items[-1] if len(items) % 2 else None}


@register.filter
def tel_uri(number: str) -> str:
    from apps.core.models import phone_uri

    return phone_uri(number or "")


@register.simple_tag(takes_context=True)
def detail_blocks(context, obj) -> str:
    """Sections other apps add to this object's page (see apps.core.registry.DetailBlock)."""
    from django.template.loader import render_to_string

    from apps.core.registry import detail_blocks as blocks_for

    request = context.get("request")
    parts = []
    for block in blocks_for(obj._meta.label_lower):
        block_context = block.context(request, obj)
        if block_context is not None:
            parts.append(
                render_to_string(block.template, {**block_context, "object": obj}, request=request)
            )
    return mark_safe("".join(parts))  # noqa: S308 (rendered templates, autoescaped)


@register.simple_tag(takes_context=True)
def og_image(context, image) -> str:
    """Open Graph tags for a library image (its largest fallback rendition up to 1600 px)."""
    rendition = image.fallback(max_width=1600) if image else None
    request = context.get("request")
    if rendition is None or request is None:
        return ""
    tags = format_html(
        '<meta property="og:image" content="{}">\n'
        '<meta property="og:image:width" content="{}">\n'
        '<meta property="og:image:height" content="{}">',
        request.build_absolute_uri(rendition.file.url),
        rendition.width,
        rendition.height,
    )
    if image.alt:  # a decorative image has nothing to say
        tags += format_html('\n<meta property="og:image:alt" content="{}">', image.alt)
    return tags


@register.inclusion_tag("core/includes/_cookie_table.html")
def cookie_table():
    """The cookies the site sets (apps.core.cookies), as the privacy page lists them."""
    from apps.core.cookies import site_cookies

    return {"cookies": site_cookies()}


@register.filter
def live_links(html) -> str:
    """Rich text whose links to the site's items (/go/<kind>/<id>/, from the editor's link
    picker) point at the items' current addresses: `{{ article.body|live_links }}`. The text
    is the editor's, cleaned at every save (apps.core.richtext)."""
    from apps.core.links import live_links as follow

    return follow(html)
