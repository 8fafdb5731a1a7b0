"""The two editor groups, kept in step with the permissions after each migrate."""

from django.contrib.auth.models import Group, Permission

SITE_EDITORS = "Site editors"
TEAM_EDITORS = "Team editors"

TEAM_EDITOR_PERMISSIONS = [
    "teams.view_team", "teams.change_team",
    "teams.view_membership", "teams.add_membership", "teams.change_membership",
    "teams.delete_membership",
    "teams.view_person", "teams.add_person",
    "teams.view_publication", "teams.add_publication", "teams.change_publication",
    "teams.view_teampublication", "teams.add_teampublication", "teams.change_teampublication",
    "teams.delete_teampublication",
    "teams.view_personpublication", "teams.add_personpublication",
    "teams.change_personpublication", "teams.delete_personpublication",
    "teams.view_researchtheme",
    "core.view_image", "core.add_image",
]  # fmt: skip

SITE_EDITOR_APPS = ("teams", "core", "pages", "news", "mc21", "care")
# The contact inbox holds personal (maybe health) data: given one by one, not to all editors.
PRIVATE_MODELS = ("contactrequest",)


def _permissions(codes):
    wanted = {tuple(code.split(".", 1)) for code in codes}
    return [
        p
        for p in Permission.objects.select_related("content_type")
        if (p.content_type.app_label, p.codename) in wanted
    ]


def ensure_editor_groups(**kwargs) -> None:
    """post_migrate: create the groups and keep their permissions as defined here (the team
    editors' list exactly; site editors gain every new permission of the content apps)."""
    team_editors, _ = Group.objects.get_or_create(name=TEAM_EDITORS)
    team_editors.permissions.set(_permissions(TEAM_EDITOR_PERMISSIONS))
    site_editors, _ = Group.objects.get_or_create(name=SITE_EDITORS)
    site_editors.permissions.add(
        *Permission.objects.filter(content_type__app_label__in=SITE_EDITOR_APPS).exclude(
            content_type__model__in=PRIVATE_MODELS
        )
    )
