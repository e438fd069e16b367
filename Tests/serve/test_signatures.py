"""flowc-serve against the official twilio library's RequestValidator.

Builds nothing itself: .ci/run builds flowc-serve, starts it on a free loopback port twice over the
bundled flows (once with TWILIO_AUTH_TOKEN, once with --insecure), and passes:

  FLOWC_SERVE_URL           http://127.0.0.1:PORT of the server that checks signatures
  FLOWC_SERVE_TOKEN         the auth token that server was started with
  FLOWC_SERVE_ROUTES        its routes.json
  FLOWC_SERVE_INSECURE_URL  http://127.0.0.1:PORT of the --insecure server
  FLOWC_SERVE_BIN           the flowc-serve executable (to check it refuses to start without a token)

Every request is signed with RequestValidator.compute_signature, exactly as Twilio signs webhooks.
"""

import hashlib
import http.client
import json
import os
import subprocess
import tempfile
import urllib.parse

import pytest
from twilio.request_validator import RequestValidator


def env(name):
    value = os.environ.get(name)
    if not value:
        pytest.fail(f"{name} is not set: run this through .ci/run, which starts flowc-serve")
    return value


def load_routes():
    path = os.environ.get("FLOWC_SERVE_ROUTES")
    if not path:
        return []
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)["routes"]


# Junctions answer by their dispatch (Docs/Output.md#dispatch), which ServerTests and Tests/routers check;
# here every other route must answer with its own bytes.
ROUTES = [route for route in load_routes() if not route.get("dispatch")]
ROUTE_IDS = [route["path"] for route in ROUTES]
# What Twilio appends to a Voice URL it fetches with GET, and posts with POST.
CALL_PARAMETERS = {
    "AccountSid": "AC00000000000000000000000000000000",
    "CallSid": "CA11111111111111111111111111111111",
    "From": "+15551234567",
    "To": "+15557654321",
    "CallStatus": "in-progress",
    "Direction": "inbound",
    "Digits": "1",
    "SpeechResult": "sales please, ASAP & fast",
    "Caller": "+15551234567",
}


@pytest.fixture(scope="module")
def base():
    return env("FLOWC_SERVE_URL")


@pytest.fixture(scope="module")
def validator():
    return RequestValidator(env("FLOWC_SERVE_TOKEN"))


def send(base_url, method, target, headers=None, body=None):
    """One request with the target sent exactly as given; returns (status, headers, body)."""
    parsed = urllib.parse.urlsplit(base_url)
    connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=10)
    try:
        connection.putrequest(method, target, skip_accept_encoding=True)
        for name, value in (headers or {}).items():
            connection.putheader(name, value)
        data = body.encode("utf-8") if isinstance(body, str) else body
        connection.putheader("Content-Length", str(len(data or b"")))
        connection.endheaders(data)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def expected_bytes(route):
    folder = os.path.dirname(env("FLOWC_SERVE_ROUTES"))
    with open(os.path.join(folder, route["file"]), "rb") as handle:
        return handle.read()


def form(params):
    return urllib.parse.urlencode(params)


FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def test_the_manifest_lists_routes():
    assert ROUTES, "FLOWC_SERVE_ROUTES lists no routes"
    assert len(ROUTES) > 10


@pytest.mark.parametrize("route", ROUTES, ids=ROUTE_IDS)
def test_signed_get_is_served(base, validator, route):
    target = route["path"] + "?" + form(CALL_PARAMETERS)
    url = base + target
    signature = validator.compute_signature(url, {})
    assert validator.validate(url, {}, signature)
    status, headers, body = send(base, "GET", target, {"X-Twilio-Signature": signature})
    assert status == 200
    assert headers["Content-Type"] == "text/xml"
    assert body == expected_bytes(route)
    assert hashlib.sha256(body).hexdigest() == route["sha256"]


@pytest.mark.parametrize("route", ROUTES, ids=ROUTE_IDS)
def test_signed_post_is_served(base, validator, route):
    url = base + route["path"]
    signature = validator.compute_signature(url, CALL_PARAMETERS)
    assert validator.validate(url, CALL_PARAMETERS, signature)
    status, headers, body = send(
        base, "POST", route["path"], {**FORM, "X-Twilio-Signature": signature}, form(CALL_PARAMETERS)
    )
    assert status == 200
    assert headers["Content-Type"] == "text/xml"
    assert body == expected_bytes(route)


@pytest.mark.parametrize("route", ROUTES, ids=ROUTE_IDS)
def test_tampered_url_is_refused(base, validator, route):
    target = route["path"] + "?" + form(CALL_PARAMETERS)
    signature = validator.compute_signature(base + target, {})
    tampered = target.replace("CallStatus=in-progress", "CallStatus=completed")
    assert send(base, "GET", tampered, {"X-Twilio-Signature": signature})[0] == 403
    assert send(base, "GET", target + "&Extra=1", {"X-Twilio-Signature": signature})[0] == 403


@pytest.mark.parametrize("route", ROUTES, ids=ROUTE_IDS)
def test_tampered_parameter_is_refused(base, validator, route):
    signature = validator.compute_signature(base + route["path"], CALL_PARAMETERS)
    for change in ({"Digits": "2"}, {"From": "+15550000000"}, {"Extra": "x"}):
        tampered = {**CALL_PARAMETERS, **change}
        status = send(base, "POST", route["path"], {**FORM, "X-Twilio-Signature": signature}, form(tampered))[0]
        assert status == 403, change
    fewer = {key: value for key, value in CALL_PARAMETERS.items() if key != "Digits"}
    assert send(base, "POST", route["path"], {**FORM, "X-Twilio-Signature": signature}, form(fewer))[0] == 403


@pytest.mark.parametrize("route", ROUTES, ids=ROUTE_IDS)
def test_missing_signature_is_refused(base, route):
    assert send(base, "GET", route["path"])[0] == 403
    assert send(base, "POST", route["path"], FORM, form(CALL_PARAMETERS))[0] == 403
    assert send(base, "GET", route["path"], {"X-Twilio-Signature": ""})[0] == 403


@pytest.mark.parametrize("route", ROUTES, ids=ROUTE_IDS)
def test_wrong_signature_is_refused(base, validator, route):
    other = RequestValidator("not-the-token")
    url = base + route["path"]
    assert send(base, "GET", route["path"], {"X-Twilio-Signature": other.compute_signature(url, {})})[0] == 403
    right = validator.compute_signature(url, {})
    flipped = ("A" if right[0] != "A" else "B") + right[1:]
    assert send(base, "GET", route["path"], {"X-Twilio-Signature": flipped})[0] == 403
    # Signed for another route.
    other_route = next(r for r in ROUTES if r["path"] != route["path"])
    borrowed = validator.compute_signature(base + other_route["path"], {})
    assert send(base, "GET", route["path"], {"X-Twilio-Signature": borrowed})[0] == 403


def test_url_signed_without_its_port_is_accepted(base, validator):
    """validate() accepts the URL with and without its port; so does the server."""
    route = ROUTES[0]
    parsed = urllib.parse.urlsplit(base)
    without_port = f"{parsed.scheme}://{parsed.hostname}{route['path']}"
    signature = validator.compute_signature(without_port, {})
    assert validator.validate(base + route["path"], {}, signature)
    assert send(base, "GET", route["path"], {"X-Twilio-Signature": signature})[0] == 200


def test_repeated_parameters_and_unicode(base, validator):
    route = ROUTES[0]
    pairs = [("b", "2"), ("a", "z"), ("a", "y"), ("\u00e9", "\u00e9t\u00e9 \U0001F600"), ("e\u0301", "1")]

    class Multi(dict):
        def getall(self, key):
            return [value for name, value in pairs if name == key]

    params = Multi({name: None for name, _ in pairs})
    signature = validator.compute_signature(base + route["path"], params)
    body = urllib.parse.urlencode(pairs)
    status = send(base, "POST", route["path"], {**FORM, "X-Twilio-Signature": signature}, body)[0]
    assert status == 200


def test_json_body_with_body_sha256(base, validator):
    route = ROUTES[0]
    body = json.dumps({"CallSid": "CA1", "Digits": "1"})
    target = route["path"] + "?bodySHA256=" + hashlib.sha256(body.encode("utf-8")).hexdigest()
    signature = validator.compute_signature(base + target, {})
    assert validator.validate(base + target, body, signature)
    headers = {"Content-Type": "application/json", "X-Twilio-Signature": signature}
    assert send(base, "POST", target, headers, body)[0] == 200
    assert send(base, "POST", target, headers, body.replace("1", "2"))[0] == 403


def test_unknown_paths_and_escapes_are_404_even_when_signed(base, validator):
    for target in ["/nope.xml", "/routes.json", "/../routes.json", "/%2e%2e/%2e%2e/etc/passwd",
                   "/%252e%252e/routes.json", "/" + ROUTES[0]["file"].replace("/", "%2f")]:
        signature = validator.compute_signature(base + target, {})
        status, _, body = send(base, "GET", target, {"X-Twilio-Signature": signature})
        assert status == 404, target
        assert b"<Response>" not in body


def test_insecure_server_serves_unsigned_requests():
    insecure = env("FLOWC_SERVE_INSECURE_URL")
    for route in ROUTES:
        status, headers, body = send(insecure, "GET", route["path"])
        assert status == 200
        assert headers["Content-Type"] == "text/xml"
        assert body == expected_bytes(route)
        assert send(insecure, "POST", route["path"], FORM, form(CALL_PARAMETERS))[0] == 200
    assert send(insecure, "GET", "/nope.xml")[0] == 404
    assert send(insecure, "GET", "/../routes.json")[0] == 404


def test_refuses_to_start_without_a_token():
    binary = env("FLOWC_SERVE_BIN")
    environment = {key: value for key, value in os.environ.items() if key != "TWILIO_AUTH_TOKEN"}
    with tempfile.TemporaryDirectory() as folder:
        result = subprocess.run(
            [binary, "flows", "--out", os.path.join(folder, "twiml"), "--host", "127.0.0.1", "--port", "0"],
            env=environment, capture_output=True, text=True, timeout=60,
        )
    assert result.returncode == 2
    assert "TWILIO_AUTH_TOKEN" in result.stderr
    assert "--insecure" in result.stderr
