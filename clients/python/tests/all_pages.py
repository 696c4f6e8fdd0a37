"""list_all_key_pairs() yields every key across pages, following next_cursor, with the same filters on
every page; it asks for a page only when the previous one is used up, and a refused page raises
KeyPairsError. Against a stand-in httpx transport that answers GET /keypairs in pages of two (no
server). Run by test/contract/generated-clients.test.ts; exits non-zero on the first failure."""

import json
from datetime import datetime, timezone

import httpx

from ec2_keypairs import KeyPairsError, list_all_key_pairs
from keypairs_client import AuthenticatedClient
from keypairs_client.models import KeyType

NAMES = ["alice", "build-bot", "deploy-bot", "ops", "zed"]


def key(name: str) -> dict[str, object]:
    return {
        "name": name,
        "keyPairId": "key-0123456789abcdef0",
        "keyType": "rsa",
        "fingerprint": "aa:bb",
        "region": "eu-west-1",
        "managed": True,
        "tags": {"team": "ci"},
    }


def stand_in(refuse_after: str | None = None) -> tuple[AuthenticatedClient, list[httpx.QueryParams]]:
    """A client whose requests are recorded and answered two keys a page, after the name in `cursor`."""
    sent: list[httpx.QueryParams] = []

    def answer(request: httpx.Request) -> httpx.Response:
        assert (request.method, request.url.path) == ("GET", "/keypairs"), request
        sent.append(request.url.params)
        cursor = request.url.params.get("cursor") or request.url.params.get("estateCursor")
        if cursor is not None and cursor == refuse_after:
            problem = {"type": "/problems/upstream-timeout", "title": "t", "status": 504, "detail": "d"}
            return httpx.Response(504, headers={"content-type": "application/problem+json"}, content=json.dumps(problem))
        after = [name for name in NAMES if cursor is None or name > cursor]
        page: dict[str, object] = {"items": [key(name) for name in after[:2]]}
        if len(after) > 2:
            page["nextCursor"] = after[1]
        return httpx.Response(200, json=page)

    client = AuthenticatedClient(base_url="http://localhost", token="", prefix="", httpx_args={"transport": httpx.MockTransport(answer)})
    return client, sent


# Every key, in order, three pages; each page with the filters, plain strings and datetimes accepted.
api, sent = stand_in()
before = datetime(2027, 1, 1, tzinfo=timezone.utc)
keys = list(list_all_key_pairs(api, region="eu-west-1", key_type="rsa", tag_key="team", expires_before=before, limit=2))
assert [k.name for k in keys] == NAMES, keys
assert keys[0].key_type is KeyType.RSA and keys[0].tags["team"] == "ci", keys[0]
assert [params.get("cursor") for params in sent] == [None, "build-bot", "ops"], sent
for params in sent:
    assert (params["region"], params["keyType"], params["tagKey"], params["limit"]) == ("eu-west-1", "rsa", "team", "2"), params
    assert datetime.fromisoformat(params["expiresBefore"]) == before, params

# From a cursor on; nothing given is sent as nothing (no "None" in the query).
api, sent = stand_in()
assert [k.name for k in list_all_key_pairs(api, cursor="deploy-bot")] == ["ops", "zed"]
assert [dict(params) for params in sent] == [{"cursor": "deploy-bot"}], sent

# An estate listing: next_cursor goes back as estateCursor (never as cursor), with accounts on every page.
api, sent = stand_in()
assert [k.name for k in list_all_key_pairs(api, accounts="all", all_regions=True, limit=2)] == NAMES
assert [params.get("estateCursor") for params in sent] == [None, "build-bot", "ops"], sent
for params in sent:
    assert (params["accounts"], params["allRegions"], params.get("cursor")) == ("all", "true", None), params

# Lazy: the first key costs one request.
api, sent = stand_in()
first = next(list_all_key_pairs(api))
assert first.name == "alice" and len(sent) == 1, sent

# A refused second page: the first page's keys come, then the problem.
api, sent = stand_in(refuse_after="build-bot")
got: list[str] = []
try:
    for k in list_all_key_pairs(api):
        got.append(k.name)
    raise AssertionError("a refused page was not raised")
except KeyPairsError as error:
    assert (error.status, got) == (504, ["alice", "build-bot"]), (error.status, got)

print(f"{len(NAMES)} keys in {len(NAMES) // 2 + 1} pages: every key listed")
