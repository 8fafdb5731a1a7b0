"""The staff roles: one group each, holding only the permissions its work needs.

`migrate` keeps every role's group and sets its permissions to exactly what is declared here
(post_migrate, after each app), so a permission added to a group by hand is taken away again:
for a one-off need, give the permission to the person, or make a group of your own. The role
screen of the admin (`/admin/roles/`) shows who holds which role.

What the permissions alone cannot say is enforced in the model admins: team editors only see and
change their own teams (apps.teams.permissions), and their members' public profile only.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db.models import Q
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

SITE_ADMINISTRATORS = "Site administrators"
SITE_EDITORS = "Site editors"
NEWS_EDITORS = "News editors"
PATIENT_EDITORS = "Patient information editors"
TEAM_EDITORS = "Team editors"
INBOX_READERS = "Contact inbox readers"

CONTENT_APPS = ("teams", "core", "pages", "news", "mc21", "care")
# The contact inbox holds personal (maybe health) data: a role of its own, never "all content".
INBOX = ("care.contactrequest",)
# How the site is set up (its phone numbers, address, analytics), not content.
SETTINGS = ("core.sitesettings",)
# Any editor may pick an image from the library and add one; changing or deleting a library
# image changes every page that shows it, so only site editors may.
IMAGES = ("core.view_image", "core.add_image")
# To pick the teams and people an article, an event, a trial or a consultation names.
TEAMS_AND_PEOPLE = ("teams.view_team", "teams.view_person")

TEAM_EDITOR_PERMISSIONS = (
    "teams.view_team", "teams.change_team",
    "teams.view_membership", "teams.add_membership", "teams.change_membership",
    "teams.delete_membership",
    # Their own members' public profile only (biography, expertise, photo, featured
    # publications): apps.teams.admin.PersonAdmin narrows this permission.
    "teams.view_person", "teams.add_person", "teams.change_person",
    "teams.view_publication", "teams.add_publication", "teams.change_publication",
    "teams.view_teampublication", "teams.add_teampublication", "teams.change_teampublication",
    "teams.delete_teampublication",
    "teams.view_personpublication", "teams.add_personpublication",
    "teams.change_personpublication", "teams.delete_personpublication",
    "teams.view_researchtheme",
    *IMAGES,
)  # fmt: skip


def _apps(*labels: str) -> Q:
    return Q(content_type__app_label__in=labels)


def _models(*labels: str) -> Q:
    return reduce(
        or_,
        (
            Q(content_type__app_label=app, content_type__model=model)
            for app, model in (label.split(".") for label in labels)
        ),
    )


def _codes(*codes: str) -> Q:
    return reduce(
        or_,
        (
            Q(content_type__app_label=app, codename=codename)
            for app, codename in (code.split(".") for code in codes)
        ),
    )


@dataclass(frozen=True)
class Role:
    group: str  # the group's name, in English, as code and tests refer to it
    label: Promise
    work: Promise  # what the role is for, shown on the role screen
    permissions: Q  # over Permission

    def permission_queryset(self):
        from django.contrib.auth.models import Permission

        return Permission.objects.filter(self.permissions)


ROLES: tuple[Role, ...] = (
    Role(
        SITE_ADMINISTRATORS,
        _("Site administrators"),
        _(
            "Staff accounts, groups and roles, login lock-outs, authenticator apps and the site "
            "settings. In production they log in with a code from an authenticator app."
        ),
        _apps("auth", "axes", "otp_totp") | _models(*SETTINGS),
    ),
    Role(
        SITE_EDITORS,
        _("Site editors"),
        _(
            "All the content: pages, teams and people, news and events, MC21, patient "
            "information, images, redirects and the bin."
        ),
        _apps(*CONTENT_APPS) & ~_models(*INBOX, *SETTINGS),
    ),
    Role(
        NEWS_EDITORS,
        _("News editors"),
        _("News articles, events and their categories; images from the library."),
        _apps("news") | _codes(*IMAGES, *TEAMS_AND_PEOPLE),
    ),
    Role(
        PATIENT_EDITORS,
        _("Patient information editors"),
        _(
            "Contact points and their hours, consultations, cancer types and clinical trials; "
            "images from the library. Not the contact inbox."
        ),
        (_apps("care") & ~_models(*INBOX)) | _codes(*IMAGES, *TEAMS_AND_PEOPLE),
    ),
    Role(
        TEAM_EDITORS,
        _("Team editors"),
        _(
            "The teams that list them as editors: the team page, its members and publications, "
            "and its members' public profile (biography, expertise, photo, featured "
            "publications). Not contact details, not other teams' people."
        ),
        _codes(*TEAM_EDITOR_PERMISSIONS),
    ),
    Role(
        INBOX_READERS,
        _("Contact inbox readers"),
        _("The messages sent with the contact form: read them, mark them answered."),
        _codes("care.view_contactrequest", "care.change_contactrequest"),
    ),
)


def role_named(group: str) -> Role:
    return next(role for role in ROLES if role.group == group)


def ensure_roles(**kwargs) -> None:
    """post_migrate: every role's group exists with exactly its declared permissions."""
    from django.contrib.auth.models import Group

    for role in ROLES:
        group, _created = Group.objects.get_or_create(name=role.group)
        group.permissions.set(role.permission_queryset())
