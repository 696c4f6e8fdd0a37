"""KeyPairsError exposes every member of every problem the spec documents: each example answer of
the spec (one per problem kind it shows), raised through ok(), keeps each member as an attribute
(camelCase names in snake_case) and all of them in ``problem``. Reads the examples and the Problem
schema's members from the JSON file named on the command line (written from openapi.yaml by
test/contract/generated-clients.test.ts). Exits non-zero on the first failure."""

import json
import re
import sys
from typing import Any

from http import HTTPStatus

from ec2_keypairs import KeyPairsError, ok
from keypairs_client.types import Response

with open(sys.argv[1], encoding="utf-8") as file:
    spec: dict[str, Any] = json.load(file)
attribute = {member: re.sub(r"(?<!^)(?=[A-Z])", "_", member).lower() for member in spec["members"]}
missing = [name for name in attribute.values() if not hasattr(KeyPairsError(status=400, type="t", title="t", detail="d"), name)]
assert not missing, f"KeyPairsError lacks {missing}"
kinds = set()
for example in spec["examples"]:
    # Every status, whichever operations document it: parsed=None, as for a status an operation does not list.
    content = json.dumps(example).encode()
    answer: Response[None] = Response(
        status_code=HTTPStatus(example["status"]), content=content, headers={"content-type": "application/problem+json"}, parsed=None
    )
    try:
        ok(answer)
        raise AssertionError(f"ok() accepted {example['status']}")
    except KeyPairsError as error:
        assert error.problem == example, (error.problem, example)
        for member, value in example.items():
            assert getattr(error, attribute[member]) == value, (member, getattr(error, attribute[member]), value)
    kinds.add(example["type"].rsplit("/", 1)[-1])
print(f"{len(kinds)} problem kinds: every member exposed")
