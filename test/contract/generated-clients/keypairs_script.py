"""Creates, lists, gets and deletes a key with the Python client openapi-python-client generates
from openapi.yaml (test/contract/generated-clients.test.ts generates it and runs mypy --strict
on this file). Run it against the local stack: python keypairs_script.py http://localhost:3000"""

import sys

from keypairs_client import AuthenticatedClient
from keypairs_client.api.key_pairs import create_key_pair, delete_key_pair, get_key_pair, list_key_pairs
from keypairs_client.models import CreatedKeyPair, CreateKeyPairBody, KeyPair, KeyPairList, KeyType, Problem, Region


def main(base_url: str) -> None:
    # The deployed API wants SigV4: pass an httpx auth that signs (e.g. with botocore) in httpx_args.
    client = AuthenticatedClient(base_url=base_url, token="", prefix="", raise_on_unexpected_status=True)
    created = create_key_pair.sync(client=client, body=CreateKeyPairBody(name="py-client-key", key_type=KeyType.ED25519), region=Region.US_EAST_1)
    if not isinstance(created, CreatedKeyPair):
        raise SystemExit(f"create failed: {created}")
    private_key: str = created.key_material
    print(created.key_pair_id, created.fingerprint, len(private_key))

    listed = list_key_pairs.sync(client=client, region=Region.US_EAST_1, name=created.name, include_public_key=True)
    if not isinstance(listed, KeyPairList):
        raise SystemExit(f"list failed: {listed}")
    print([key.name for key in listed.items])

    fetched = get_key_pair.sync(created.name, client=client, region=Region.US_EAST_1)
    if isinstance(fetched, Problem):
        raise SystemExit(f"get failed: {fetched.status} {fetched.title}: {fetched.detail}")
    if not isinstance(fetched, KeyPair):
        raise SystemExit("get failed")
    print(fetched.key_type.value, fetched.managed)

    deleted = delete_key_pair.sync_detailed(created.name, client=client, region=Region.US_EAST_1)
    print("deleted" if deleted.status_code == 204 else f"delete failed: {deleted.status_code}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://localhost:3000")
