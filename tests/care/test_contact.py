"""The contact form: nothing a visitor sends is lost, bad input gets clear errors, abuse is
limited."""

import datetime
import re
from collections import Counter
from io import StringIO

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from hypothesis import example, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from apps.care.forms import ContactForm
from apps.care.models import ContactRequest
from tests.care.factories import ContactPointFactory
from tests.factories import SiteSettingsFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def topic():
    SiteSettingsFactory()
    return ContactPointFactory(name_fr="Rendez-vous", email="rdv@example.org")


def _data(point, **overrides):
    data = {
        "name": "Jeanne Martin",
        "email": "jeanne@example.org",
        "phone": "06 12 34 56 78",
        "topic": point.pk,
        "message": "Bonjour, je souhaite un rendez-vous.",
        "consent": "on",
        "hp_extra": "",
    }
    data.update(overrides)
    return data


class FailingBackend:
    """An email server that refuses every message."""

    def __init__(self, *args, **kwargs):
        pass

    def open(self):
        return True

    def close(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def send_messages(self, messages):
        raise ConnectionRefusedError("550 refused by the test server")


def test_request_is_stored_then_sent_with_an_acknowledgement(
    client, topic, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/fr/contact/", _data(topic))
    assert response.status_code == 302 and response["Location"] == "/fr/contact/merci/"
    request = ContactRequest.objects.get()
    assert request.is_sent and request.topic == topic and request.language == "fr"
    assert [m.to for m in mail.outbox] == [["rdv@example.org"], ["jeanne@example.org"]]
    assert mail.outbox[0].reply_to == ["jeanne@example.org"]
    assert "Bonjour, je souhaite un rendez-vous." in mail.outbox[0].body


def test_request_survives_a_refusing_mail_server_and_a_retry_sends_it(
    client, topic, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.care.test_contact.FailingBackend"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/fr/contact/", _data(topic))
    assert response.status_code == 302
    request = ContactRequest.objects.get()
    assert not request.is_sent
    assert request.last_error == "ConnectionRefusedError" and request.send_attempts == 1
    assert "jeanne@" not in request.last_error  # no address in the error column
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    out = StringIO()
    call_command("send_contact_requests", stdout=out)
    request.refresh_from_db()
    assert request.is_sent and request.last_error == ""
    assert "sent: 1" in out.getvalue()
    assert len(mail.outbox) == 2


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", ""),
        ("email", "not-an-email"),
        ("message", "x" * 100_000),
        ("name", "Jeanne\r\nBcc: victim@example.org"),
        ("topic", "999999"),
        ("topic", "abc"),
        ("message", "a\x00b"),
        ("consent", ""),
        ("phone", "<script>"),
        ("email", "a@b.c\nBcc: x"),
        ("email", '"a\x0bb"@example.org'),
        ("email", '"a\x00b"@example.org'),
        ("name", "Jeanne\x07Martin"),
        ("name", "x" * 1000),
    ],
)
def test_bad_input_gives_clear_errors_and_stores_nothing(client, topic, field, value):
    data = _data(topic, **{field: value})
    if field == "consent" and not value:
        data.pop("consent")
    response = client.post("/fr/contact/", data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert 'role="alert"' in response.content.decode()
    assert ContactRequest.objects.count() == 0
    assert mail.outbox == []


def test_nul_typed_in_the_form_comes_back_as_valid_html(client, topic):
    response = client.post("/fr/contact/", _data(topic, message="avant\x00après"))
    html = response.content.decode()
    assert "\x00" not in html
    assert "avant\ufffdaprès</textarea>" in html
    assert ContactRequest.objects.count() == 0


def test_control_character_in_the_email_is_refused_in_french(client, topic):
    response = client.post("/fr/contact/", _data(topic, email='"a\x0bb"@example.org'))
    assert response.status_code == 200
    assert (
        "Cette adresse e-mail contient des caractères qui ne peuvent pas être utilisés"
        in response.content.decode()
    )
    assert ContactRequest.objects.count() == 0


def test_missing_csrf_token_is_refused(topic):
    client = Client(enforce_csrf_checks=True)
    assert client.post("/fr/contact/", _data(topic)).status_code == 403
    assert ContactRequest.objects.count() == 0


def test_honeypot_stores_nothing_and_answers_like_for_a_person(client, topic):
    response = client.post("/fr/contact/", _data(topic, hp_extra="http://spam.example"))
    assert response.status_code == 302
    assert ContactRequest.objects.count() == 0


def test_rate_limit_answers_429_with_a_readable_page(client, topic, settings):
    settings.CONTACT_RATE_LIMIT = 3
    for _ in range(3):
        assert client.post("/fr/contact/", _data(topic)).status_code == 302
    response = client.post("/fr/contact/", _data(topic, message="Mon quatrième message"))
    assert response.status_code == 429
    html = response.content.decode()
    assert 'role="alert"' in html and "Mon quatrième message" in html  # nothing is lost
    assert ContactRequest.objects.count() == 3
    other = Client(REMOTE_ADDR="10.0.0.2")
    assert other.post("/fr/contact/", _data(topic)).status_code == 302


def test_retention_command_deletes_old_requests(topic):
    old = ContactRequest.objects.create(
        topic=topic, name="A", email="a@example.org", message="m", consent=True
    )
    ContactRequest.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=400)
    )
    recent = ContactRequest.objects.create(
        topic=topic, name="B", email="b@example.org", message="m", consent=True
    )
    out = StringIO()
    call_command("purge_contact_requests", stdout=out)
    assert list(ContactRequest.objects.all()) == [recent]
    assert "deleted: 1" in out.getvalue()


def test_admin_inbox_and_csv_export(client, topic):
    ContactRequest.objects.create(
        topic=topic, name='=HYPERLINK("x")', email="a@example.org", message="Bonjour", consent=True
    )
    client.force_login(UserFactory(username="inbox", is_staff=True, is_superuser=True))
    assert client.get("/admin/care/contactrequest/?state__exact=new").status_code == 200
    response = client.post(
        "/admin/care/contactrequest/",
        {
            "action": "export_csv",
            "_selected_action": list(ContactRequest.objects.values_list("pk", flat=True)),
        },
    )
    body = response.content.decode()
    assert response["Content-Type"].startswith("text/csv")
    assert "'=HYPERLINK" in body and "Bonjour" in body
    assert ";" in body.splitlines()[1]
    assert client.get("/admin/care/contactrequest/add/").status_code == 403


VALID_EXAMPLE = {
    "name": "  Jeanne \t Martin ",
    "email": "jeanne@example.org",
    "message": " Bonjour,\nje souhaite un rendez-vous. ",
    "phone": "+33 (0)6 12-34.56.78",
}


def test_any_form_input_is_stored_exactly_or_refused_never_an_error(
    topic, settings, django_capture_on_commit_callbacks
):
    """Through the real view, service and database: a valid message is stored as sent (only
    surrounding spaces trimmed) and forwarded; anything else comes back with errors and stores
    nothing. All examples share the test's transaction, so rows are counted from the last one."""
    settings.CONTACT_RATE_LIMIT = 10_000  # every example comes from the same client
    outcomes = Counter()

    @hypothesis_settings(max_examples=25, deadline=None)
    @example(**VALID_EXAMPLE)
    @example(**{**VALID_EXAMPLE, "email": "not an address"})
    @example(**{**VALID_EXAMPLE, "name": "Jeanne\r\nBcc: x@example.org"})
    @example(**{**VALID_EXAMPLE, "message": "a\x00b"})
    @given(
        name=st.text(max_size=300),
        email=st.one_of(st.emails(), st.text(max_size=100)),
        message=st.text(max_size=600),
        phone=st.one_of(st.text(alphabet="0123456789 +.-()", max_size=45), st.text(max_size=50)),
    )
    def submit(name, email, message, phone):
        mail.outbox.clear()
        last_pk = ContactRequest.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        data = _data(topic, name=name, email=email, message=message, phone=phone)
        valid = ContactForm(data).is_valid()
        outcomes[valid] += 1
        with django_capture_on_commit_callbacks(execute=True):
            response = Client(raise_request_exception=True).post("/en/contact/", data)
        stored = list(ContactRequest.objects.filter(pk__gt=last_pk))
        if valid:
            assert response.status_code == 302
            assert response["Location"] == "/en/contact/thanks/"
            (request,) = stored
            assert request.name == " ".join(name.split())
            assert request.email == email.strip()
            assert request.phone == phone.strip()
            assert request.message == message.strip()
            assert (request.topic, request.language, request.consent) == (topic, "en", True)
            assert request.is_sent
            assert [m.to for m in mail.outbox] == [["rdv@example.org"], [request.email]]
            assert request.message in mail.outbox[0].body
        else:
            assert response.status_code == 200
            assert response.context["form"].errors
            assert 'role="alert"' in response.content.decode()
            assert stored == []
            assert mail.outbox == []

    submit()
    # Both paths were really taken (the explicit examples guarantee it).
    assert outcomes[True] >= 1 and outcomes[False] >= 3


class RefusingAcknowledgementsBackend(FailingBackend):
    """Delivers to the team, refuses the acknowledgement to the sender."""

    delivered = []

    def send_messages(self, messages):
        for message in messages:
            if message.to == ["jeanne@example.org"]:
                raise ConnectionRefusedError("550 mailbox unavailable")
            self.delivered.append(message)
        return len(messages)


def test_a_refused_acknowledgement_never_sends_the_message_twice(
    client, topic, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.care.test_contact.RefusingAcknowledgementsBackend"
    RefusingAcknowledgementsBackend.delivered = []
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/fr/contact/", _data(topic))
    call_command("send_contact_requests", stdout=StringIO())
    call_command("send_contact_requests", stdout=StringIO())
    request = ContactRequest.objects.get()
    assert request.is_sent and request.acknowledged_at is None
    assert [m.to for m in RefusingAcknowledgementsBackend.delivered] == [["rdv@example.org"]]


def test_invalid_submissions_do_not_use_up_the_rate_limit(client, topic, settings):
    settings.CONTACT_RATE_LIMIT = 2
    for _ in range(5):
        assert client.post("/fr/contact/", _data(topic, email="bad")).status_code == 200
    assert ContactRequest.objects.count() == 0
    assert client.post("/fr/contact/", _data(topic)).status_code == 302
    assert ContactRequest.objects.get().email == "jeanne@example.org"


def test_rate_limit_holds_across_workers_and_without_a_cache(client, topic, settings):
    """Each gunicorn worker has its own local cache, a cache can evict or lose the counter, and
    Redis can be down: the limit is counted from the stored requests, so it holds in all cases."""
    settings.CONTACT_RATE_LIMIT = 5
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    statuses = []
    for index in range(30):
        cache.clear()  # another worker, an evicted key
        statuses.append(
            client.post("/fr/contact/", _data(topic, message=f"n° {index}")).status_code
        )
    assert statuses == [302] * 5 + [429] * 25
    assert ContactRequest.objects.count() == 5


def test_rate_limit_counts_only_the_last_hour(client, topic, settings):
    settings.CONTACT_RATE_LIMIT = 1
    assert client.post("/fr/contact/", _data(topic)).status_code == 302
    assert client.post("/fr/contact/", _data(topic)).status_code == 429
    ContactRequest.objects.update(created_at=timezone.now() - datetime.timedelta(minutes=61))
    assert client.post("/fr/contact/", _data(topic)).status_code == 302


def test_clients_behind_a_trusted_proxy_are_counted_apart(topic, settings):
    settings.CONTACT_RATE_LIMIT = 1
    settings.TRUSTED_PROXY_COUNT = 1
    for address in ("203.0.113.1", "203.0.113.2", "2001:db8::1"):
        client = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=address)
        assert client.post("/fr/contact/", _data(topic)).status_code == 302
    same_network = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="2001:db8::2")
    assert same_network.post("/fr/contact/", _data(topic)).status_code == 429


@pytest.mark.parametrize("value", ["²", "%E2%91%A0", "1" * 50, "-1", "abc"])
def test_odd_topic_in_the_address_is_ignored(client, topic, value):
    response = client.get(f"/fr/contact/?topic={value}")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<option value="" selected>Choisissez un sujet</option>' in html
    assert f'<option value="{topic.pk}">Rendez-vous</option>' in html


def test_topic_in_the_address_is_chosen_in_the_form(client, topic):
    html = client.get(f"/fr/contact/?topic={topic.pk}").content.decode()
    assert f'<option value="{topic.pk}" selected>Rendez-vous</option>' in html


def test_honeypot_is_hidden_from_screen_readers(client, topic):
    import re

    html = client.get("/fr/contact/").content.decode()
    wrapper = re.search(r'<div[^>]*class="hp-field"[^>]*>', html, re.S).group(0)
    assert 'aria-hidden="true"' in wrapper
    assert 'tabindex="-1"' in html.split('class="hp-field"')[1][:600]


def test_csv_cells_cannot_become_formulas(client, topic):
    ContactRequest.objects.create(
        topic=topic, name="A", email="=1+2@example.org", message="m", consent=True
    )
    client.force_login(UserFactory(username="csv", is_staff=True, is_superuser=True))
    response = client.post(
        "/admin/care/contactrequest/",
        {
            "action": "export_csv",
            "_selected_action": list(ContactRequest.objects.values_list("pk", flat=True)),
        },
    )
    assert "'=1+2@example.org" in response.content.decode()


def test_inbox_export_escapes_full_width_and_line_feed_formulas(client, topic):
    for name in ("＝HYPERLINK(1)", "\n=1+1"):
        ContactRequest.objects.create(
            topic=topic, name=name, email="a@example.org", message="m", consent=True
        )
    client.force_login(UserFactory(username="inbox2", is_staff=True, is_superuser=True))
    body = client.post(
        "/admin/care/contactrequest/",
        {
            "action": "export_csv",
            "_selected_action": list(ContactRequest.objects.values_list("pk", flat=True)),
        },
    ).content.decode()
    assert "'＝HYPERLINK(1)" in body and "'\n=1+1" in body


def test_fields_help_browsers_and_phones_fill_them_in(client, topic):
    html = client.get("/fr/contact/").content.decode()
    assert re.search(r'<input type="text" name="name"[^>]*autocomplete="name"', html)
    assert re.search(r'<input type="email" name="email"[^>]*autocomplete="email"', html)
    phone = re.search(r'<input type="tel" name="phone"[^>]*>', html).group(0)
    assert 'autocomplete="tel"' in phone and 'inputmode="tel"' in phone
    # What the asterisk means is said once, before the fields.
    assert html.count("Les champs marqués d’un astérisque (*) sont obligatoires.") == 1


def test_a_failed_submit_lists_and_links_each_field_to_correct(client, topic):
    data = _data(topic, email="jeanne", name="")
    response = client.post("/fr/contact/", data)
    html = response.content.decode()
    summary = re.search(r'<div class="[^"]*error-summary"[^>]*>(.*?)</div>', html, re.S)
    assert summary and 'tabindex="-1"' in summary.group(0) and 'role="alert"' in summary.group(0)
    links = re.findall(r'<li><a href="#([^"]+)">([^<]+)</a> – ([^<]+)</li>', summary.group(1))
    assert [(target, label) for target, label, _ in links] == [
        ("id_name", "Votre nom"),
        ("id_email", "Votre adresse e-mail"),
    ]
    assert "2 champs sont à corriger :" in summary.group(1)
    # The email error gives an example of what is expected.
    assert "comme nom@exemple.fr" in links[1][2]
    for target, _label, _error in links:
        assert f'id="{target}"' in html


def test_the_privacy_note_links_the_privacy_policy_when_there_is_one(client, topic):
    """Patient review (issue 12): the note named the policy without a link."""
    from tests.factories import PageFactory

    html = client.get("/fr/contact/").content.decode()
    assert "Vous pouvez demander à les consulter, les corriger ou les supprimer." in html
    privacy = PageFactory(kind="privacy", title_fr="Données personnelles", title_en="Privacy")
    cache.clear()
    html = client.get("/fr/contact/").content.decode()
    assert f'voir <a href="{privacy.get_absolute_url()}">Données personnelles</a>.' in html
    html = client.get("/en/contact/").content.decode()
    assert '">Privacy</a>.' in html
    assert "Up to 5,000 characters." in html
    assert 'data-count="{left} of {max} characters left."' in html
