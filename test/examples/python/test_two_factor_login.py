"""Testing an app's two-factor login from Python against `npx verigator fake`.

Standard library only (urllib, unittest). The fake starts with the service the app is
configured with (services.json); each test resets it; the PIN is read from /_fake/messages.
"""

import json
import os
import signal
import subprocess
import unittest
import urllib.error
import urllib.request
from urllib.parse import quote

AUTH = "user:pass"  # the fake's --auth (its default)
SERVICES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "services.json")


def call(base, method, path, body=None):
    """One request to the fake: (status, parsed JSON answer)."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method)
    request.add_header("X-Service-Auth", AUTH)
    request.add_header("Accept", "application/json")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


class TwoFactorLogin(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        # --port 0: a free port; the fake prints where it listens on its first line. Its own
        # process group, so that stopping it stops npx and the node process npx started.
        cls.fake = subprocess.Popen(
            ["npx", "--no", "verigator", "fake", "--port", "0", "--services", SERVICES],
            stdout=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        first = cls.fake.stdout.readline()
        cls.base = first.split(" at ", 1)[1].split(";", 1)[0]

    @classmethod
    def tearDownClass(cls):
        os.killpg(cls.fake.pid, signal.SIGTERM)
        cls.fake.wait(timeout=10)
        cls.fake.stdout.close()

    def setUp(self):
        self.assertEqual(call(self.base, "POST", "/_fake/reset")[0], 200)

    def test_sign_up_then_log_in_with_the_pin_sent(self):
        users = "/v1/service/service/my-service/users"
        status, user = call(self.base, "POST", users, {"id_in_service": "bob@app.example", "phone_number": "+4401234567"})
        self.assertEqual(status, 201)

        status, started = call(self.base, "POST", f"{users}/{user['id']}/auth", {"method": "sms"})
        self.assertEqual((status, started["method"]), (200, "sms"))

        status, inbox = call(self.base, "GET", "/_fake/messages?to=" + quote("+4401234567"))
        pin = inbox["messages"][-1]["pin"]

        status, wrong = call(self.base, "PUT", f"{users}/{user['id']}/auth", {"token": "not-the-pin"})
        self.assertFalse(wrong["verified"])
        status, verified = call(self.base, "PUT", f"{users}/{user['id']}/auth", {"token": pin})
        self.assertEqual((status, verified["verified"]), (200, True))

        # The journal: what the app asked, in order, with the bodies it sent.
        status, journal = call(self.base, "GET", "/_fake/requests")
        self.assertEqual(
            [entry["operation"] for entry in journal["requests"]],
            ["createUser", "startAuthentication", "verifyPin", "verifyPin"],
        )
        self.assertEqual(journal["requests"][0]["body"]["phone_number"], "+4401234567")
        # Queried, as WireMock's journal: the verifications that did not verify are 200s too,
        # so ask by operation and status class; a misspelt operation is refused, never empty.
        status, verifications = call(self.base, "GET", "/_fake/requests?operation=verifyPin&status=2xx")
        self.assertEqual(len(verifications["requests"]), 2)
        status, refused = call(self.base, "GET", "/_fake/requests?operation=verifyPn")
        self.assertEqual(status, 422)
        self.assertTrue(refused["message"].startswith("operation: "))

    def test_reset_brings_back_only_the_preloaded_users(self):
        users = "/v1/service/service/my-service/users"
        call(self.base, "POST", users, {"id_in_service": "cy@app.example", "phone_number": "+4401234568"})
        self.assertEqual(call(self.base, "POST", "/_fake/reset")[0], 200)
        status, listed = call(self.base, "GET", users)
        self.assertEqual([one["id"] for one in listed["users"]], ["user-ann"])
        status, journal = call(self.base, "GET", "/_fake/requests")
        self.assertEqual([entry["operation"] for entry in journal["requests"]], ["listUsers"])

    def test_a_fault_on_demand(self):
        status, _ = call(self.base, "POST", "/_fake/fail-next", {"operation": "startAuthentication", "status": 503, "retryAfter": 1})
        self.assertEqual(status, 200)
        status, answer = call(self.base, "POST", "/v1/service/service/my-service/users/user-ann/auth", {"method": "sms"})
        self.assertEqual((status, answer["message"]), (503, "Service unavailable"))

    def test_a_fault_aimed_at_one_user(self):
        users = "/v1/service/service/my-service/users"
        status, other = call(self.base, "POST", users, {"id_in_service": "dee@app.example", "phone_number": "+4401234569"})
        fault = {"operation": "startAuthentication", "where": {"UserId": "user-ann"}, "status": 500}
        self.assertEqual(call(self.base, "POST", "/_fake/fail-next", fault)[0], 200)
        status, _ = call(self.base, "POST", f"{users}/{other['id']}/auth", {"method": "sms"})
        self.assertEqual(status, 200)
        status, _ = call(self.base, "POST", f"{users}/user-ann/auth", {"method": "sms"})
        self.assertEqual(status, 500)

    def test_a_misspelt_path_says_what_it_nearly_was(self):
        status, answer = call(self.base, "GET", "/v1/service/service/my-service/user")
        self.assertEqual(status, 404)
        self.assertIn("GET /v1/service/service/{ServiceId}/users: the path has user, not users", answer["nearMisses"])


if __name__ == "__main__":
    unittest.main()
