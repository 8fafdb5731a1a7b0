"""How a page redirect of the old table becomes one of the site's redirects (apps.core): kept
apart so that tests running the older data migrations against today's models write where those
rows now live."""

LANGUAGES = ("fr", "en")


def site_redirect(Redirect, ContentType, language, old_path, page_id, target, new_path=None):
    """Write one old page address as a site redirect: linked to its page (which the middleware
    follows to the page's address of the moment), or to the path another part of the site took."""
    if language not in LANGUAGES or not old_path:
        return
    old = f"/{language}/{old_path.strip('/')}/"
    if page_id:
        content_type, _created = ContentType.objects.get_or_create(app_label="pages", model="page")
        defaults = {
            "new_path": new_path or old,
            "content_type_id": content_type.pk,
            "object_id": str(page_id),
        }
    elif target and target != old:
        defaults = {"new_path": target, "content_type_id": None, "object_id": ""}
    else:
        return
    Redirect.objects.update_or_create(old_path=old, defaults=defaults)
