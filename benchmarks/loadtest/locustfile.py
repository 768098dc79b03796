"""Twenty-five people using the demo area at once, each as their role would.

Run through `make loadtest` (benchmarks/loadtest/run.py starts and stops the servers). Each
simulated person signs in with a demo account (README.md, "Demo sign-ins"), then reads and
writes as that role would, pausing between pages like a person reading. Every request is
named by its page (ids replaced by [id]) so the summary gives figures per page.

Each simulated person comes from their own address (X-Forwarded-For, read because the runner
starts the server with KINFOLK_TRUSTED_PROXIES=1), as real people would; otherwise everyone
shares 127.0.0.1 and the sign-in slow-down for one address would hold them all back.
"""

import itertools
import os
import random
import re
from html.parser import HTMLParser

from locust import HttpUser, between, events, task

PASSWORD = os.environ.get("KINFOLK_DEMO_PASSWORD", "kinfolk-demo")
DOMAIN = "demo.kinfolk.test"
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
SEARCHES = ["walking", "lonely", "befriending", "art", "gardening", "company", "walkng", "tea",
            "singing", "men's shed", "carers", "swimming", ""]  # fmt: skip
_addresses = itertools.count(1)

# Server errors (5xx) and requests that never got an answer; the runner fails on any.
server_errors: list[str] = []


@events.request.add_listener
def _count_server_errors(request_type, name, response, exception, **_kwargs):
    status = getattr(response, "status_code", 0) or 0
    if status >= 500 or (exception is not None and status == 0):
        server_errors.append(f"{request_type} {name}: {status or exception}")


@events.quitting.add_listener
def _fail_on_server_errors(environment, **_kwargs):
    print(f"SERVER ERRORS: {len(server_errors)}")
    for line in sorted(set(server_errors))[:20]:
        print(f"  {line}")
    if server_errors:
        environment.process_exit_code = 3


class _Forms(HTMLParser):
    """The forms on a page, with what a browser would send if nothing were changed."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.forms.append({"action": a.get("action") or "", "method": a.get("method", "get"),
                               "fields": {}, "choices": {}})  # fmt: skip
            return
        if not self.forms:
            return
        fields, choices = self.forms[-1]["fields"], self.forms[-1]["choices"]
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text")
            if kind in ("radio", "checkbox"):
                choices.setdefault(name, []).append(a.get("value", "on"))
                if "checked" in a:
                    fields[name] = a.get("value", "on")
            elif kind not in ("submit", "button"):
                fields.setdefault(name, a.get("value", ""))
        elif tag == "select" and name:
            self._select = name
            fields.setdefault(name, "")
        elif tag == "option" and self._select:
            choices.setdefault(self._select, []).append(a.get("value", ""))
            if "selected" in a:
                fields[self._select] = a.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            fields.setdefault(name, "")

    def handle_data(self, data):
        if self._textarea and self.forms:
            self.forms[-1]["fields"][self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def form_with(html: str, field: str) -> dict | None:
    """The first form on the page that has a field of this name."""
    parser = _Forms()
    parser.feed(html)
    return next((f for f in parser.forms if field in f["fields"] or field in f["choices"]), None)


def an_address(network: str) -> str:
    """A made-up address in a private network, as if the person came from their own place."""
    return f"{network}.{random.randint(1, 250)}"


def links(html: str, pattern: str) -> list[str]:
    """Every distinct link on the page matching the pattern (a path regex)."""
    return sorted(set(re.findall(rf'href="({pattern})"', html)))


class Someone(HttpUser):
    """A person with a demo account; signs in first, then pauses between pages."""

    abstract = True
    wait_time = between(1, 4)
    email = ""

    def on_start(self):
        self.client.headers["X-Forwarded-For"] = an_address(f"10.20.{next(_addresses) % 250}")
        self.home = ""
        if self.email:
            self.sign_in(self.email, PASSWORD)

    def sign_in(self, email: str, password: str):
        page = self.client.get("/accounts/login/", name="/accounts/login/")
        form = form_with(page.text, "email")
        fields = {**form["fields"], "email": email, "password": password}
        response = self.client.post("/accounts/login/", fields, name="/accounts/login/ (sign in)")
        self.home = response.text
        return response

    def get(self, url: str, name: str | None = None):
        return self.client.get(url, name=name or re.sub(rf"{UUID}|(?<=/)\d+(?=/)", "[id]", url))

    def post_form(self, page_url: str, field: str, values: dict, name: str):
        """Open a page, fill in its form as a person would, and send it."""
        page = self.get(page_url)
        form = form_with(page.text, field)
        if form is None:
            return page
        data = {**form["fields"], **values}
        return self.client.post(form["action"] or page_url, data, name=name)


class Person(Someone):
    """Sam Okafor: their profile, how they're doing, a wellbeing check-in, their matches."""

    fixed_count = 3
    email = f"person@{DOMAIN}"

    def on_start(self):
        super().on_start()
        self.me = (links(self.home, rf"/people/{UUID}/") or ["/"])[0]
        self.mine = links(self.home, rf"/(?:wellbeing|shared-lives)/people/{UUID}/[a-z-/]*")

    @task(3)
    def my_pages(self):
        self.get("/")
        self.get(self.me)
        for url in self.mine:
            if "check-in" not in url:
                self.get(url)

    @task(1)
    def check_in(self):
        person_id = re.search(UUID, self.me).group(0)
        choice = random.choice(["well", "ok", "not well"])
        self.post_form(
            f"/wellbeing/people/{person_id}/check-in/",
            "recorded_with",
            {"health_going": choice, "health_words": "A good walk with the group this week."},
            name="/wellbeing/people/[id]/check-in/ (send)",
        )


class Representative(Someone):
    """Grace Okafor, acting for Sam: Sam's record and how Sam is doing."""

    fixed_count = 1
    email = f"representative@{DOMAIN}"

    @task
    def their_pages(self):
        home = self.get("/").text
        for url in links(home, rf"/(?:people|wellbeing/people)/{UUID}/")[:3]:
            self.get(url)


class SharedLivesCarer(Someone):
    """Bernadette Hughes: introduction requests."""

    fixed_count = 2
    email = f"shared-lives-carer@{DOMAIN}"

    @task
    def requests(self):
        self.get("/")
        page = self.get("/shared-lives/introduction-requests/").text
        for url in links(page, r"/shared-lives/introductions/\d+/")[:2]:
            self.get(url)


class SchemeWorker(Someone):
    """A Shared Lives scheme worker: the caseload on the home page, the dashboard, a record."""

    fixed_count = 3
    email = f"scheme-worker@{DOMAIN}"

    @task(2)
    def caseload(self):
        home = self.get("/").text
        people = links(home, rf"/people/{UUID}/")
        if people:
            self.get(random.choice(people))

    @task(2)
    def dashboard(self):
        page = self.get("/shared-lives/").text
        referrals = links(page, r"/shared-lives/referrals/\d+/")
        if referrals:
            self.get(random.choice(referrals))

    @task(1)
    def carers(self):
        page = self.get("/shared-lives/carers/").text
        carers = links(page, r"/shared-lives/carers/\d+/")
        if carers:
            self.get(random.choice(carers))


class LinkWorker(Someone):
    """A social prescribing link worker: the inbox and a referral."""

    fixed_count = 3
    email = f"link-worker@{DOMAIN}"

    @task
    def inbox(self):
        page = self.get("/social-prescribing/inbox/").text
        referrals = links(page, r"/social-prescribing/referrals/\d+/")
        if referrals:
            self.get(random.choice(referrals))


class GP(Someone):
    """A GP: refers someone new to social prescribing, then sees their referrals."""

    fixed_count = 3
    email = f"referrer@{DOMAIN}"

    @task(2)
    def my_referrals(self):
        self.get("/social-prescribing/my-referrals/")

    @task(1)
    def refer(self):
        self.post_form(
            "/social-prescribing/refer/",
            "reasons",
            {
                "person": "",
                "given_name": random.choice(["Ada", "Bilal", "Carys", "Dev", "Effie", "Femi"]),
                "family_name": random.choice(["Rowe", "Nash", "Iqbal", "Price", "Lund", "Ward"]),
                "practice": "Calder Vale Medical Practice",
                "reasons": "loneliness",
                "what_matters": "Getting out of the house and meeting people.",
                "consent_recorded": "on",
                "consent_given_by": "person",
            },
            name="/social-prescribing/refer/ (send)",
        )


class CommunityOrganisation(Someone):
    """A walking group's member: the requests from link workers."""

    fixed_count = 2
    email = f"community-organisation-member@{DOMAIN}"

    @task
    def requests(self):
        self.get("/")
        self.get("/social-prescribing/community/")


class Commissioner(Someone):
    """A commissioner: the reports."""

    fixed_count = 1
    email = f"commissioner@{DOMAIN}"

    @task
    def reports(self):
        self.get("/shared-lives/reports/")
        self.get("/social-prescribing/reports/")
        self.get("/wellbeing/connection-test/")


class AreaAdmin(Someone):
    """An area admin: memberships and the emergency access report."""

    fixed_count = 1
    email = f"area-admin@{DOMAIN}"

    @task
    def admin(self):
        self.get("/accounts/memberships/")
        self.get("/people/emergency-access/")
        self.get("/directory/listings/")


class Visitor(Someone):
    """Someone from the public searching the community directory (no sign-in)."""

    fixed_count = 5

    @task(4)
    def search(self):
        words = random.choice(SEARCHES)
        page = self.client.get("/directory/", params={"q": words}, name="/directory/?q=").text
        services = links(page, rf"/directory/services/{UUID}/")
        if services:
            self.get(random.choice(services))

    @task(1)
    def open_referral(self):
        self.client.get("/openreferral/services", params={"text": "walk"},
                        name="/openreferral/services")  # fmt: skip


class WrongPassword(Someone):
    """Someone who gets the password wrong: an unknown address, or a real account guessed at."""

    fixed_count = 1
    wait_time = between(3, 8)

    @task
    def fail_to_sign_in(self):
        self.client.headers["X-Forwarded-For"] = an_address(f"10.30.{random.randint(0, 250)}")
        email = random.choice([f"nobody-{random.randint(1, 10**6)}@example.test",
                               f"expert-by-experience@{DOMAIN}"])  # fmt: skip
        page = self.client.get("/accounts/login/", name="/accounts/login/")
        form = form_with(page.text, "email")
        fields = {**form["fields"], "email": email, "password": "not-the-password"}
        with self.client.post(
            "/accounts/login/", fields, name="/accounts/login/ (wrong password)",
            catch_response=True,
        ) as response:  # fmt: skip
            if (
                response.status_code == 200
                and "not right" not in response.text
                and ("wait" not in response.text.lower())
            ):
                response.failure("a wrong password was not refused with a message")
