"""A boto3 user's session with the installed client (test/integration/python-client.test.ts runs it
against the local stack behind the SigV4-verifying proxy): create, list, get, a 409, delete, a 404.
Prints one JSON line of what it saw. Usage: session.py ENDPOINT REGION NAME"""

import json
import sys

from ec2_keypairs import KeyPairsError, connect, ok
from keypairs_client.api.key_pairs import create_key_pair, delete_key_pair, get_key_pair, list_key_pairs
from keypairs_client.models import CreatedKeyPair, CreateKeyPairBody, KeyPair, KeyPairList, KeyType, Region

endpoint, region_name, name = sys.argv[1:4]
region = Region(region_name)
api = connect(endpoint)

created = ok(create_key_pair.sync_detailed(client=api, body=CreateKeyPairBody(name=name, key_type=KeyType.ED25519, region=region, ttl_seconds=3600)))
assert isinstance(created, CreatedKeyPair)
listed = ok(list_key_pairs.sync_detailed(client=api, region=region, name=name))
assert isinstance(listed, KeyPairList)
got = ok(get_key_pair.sync_detailed(name, client=api, region=region))
assert isinstance(got, KeyPair)

conflict: KeyPairsError | None = None
try:
    ok(create_key_pair.sync_detailed(client=api, body=CreateKeyPairBody(name=name, region=region)))
except KeyPairsError as error:
    conflict = error

ok(delete_key_pair.sync_detailed(name, client=api, region=region))
gone: KeyPairsError | None = None
try:
    ok(get_key_pair.sync_detailed(name, client=api, region=region))
except KeyPairsError as error:
    gone = error

print(
    json.dumps(
        {
            "created": [created.name, created.key_pair_id, created.key_material.splitlines()[0]],
            "listed": [item.name for item in listed.items],
            "got": [got.key_pair_id == created.key_pair_id, str(got.expires_at)],
            "conflict": conflict and [conflict.status, conflict.type, conflict.title, conflict.gateway],
            "gone": gone and [gone.status, gone.type, gone.detail],
        }
    )
)
