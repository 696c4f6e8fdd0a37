"""Every operation of the generated client parses every error answer the deployment can give:
API Gateway's own {"message": ...} (403, 413, 429, 500, 503) and the API's problems, including a
problem type this version does not know yet (types are open). Exits non-zero on the first failure.
Run by test/contract/generated-clients.test.ts."""

import importlib
import json
import pkgutil

import httpx

import keypairs_client.api.key_pairs as key_pairs
from ec2_keypairs import KeyPairsError, ok
from keypairs_client import AuthenticatedClient
from keypairs_client.models import GatewayMessage, KnownProblemType, Problem

client = AuthenticatedClient(base_url="http://localhost", token="", prefix="")
GATEWAY = {403: "Forbidden", 413: "Request Entity Too Large", 429: "Too Many Requests", 500: "Internal Server Error", 503: "Service Unavailable"}
checked = 0
for module_info in pkgutil.iter_modules(key_pairs.__path__):
    module = importlib.import_module(f"{key_pairs.__name__}.{module_info.name}")
    for status, message in GATEWAY.items():
        answer = httpx.Response(status, headers={"content-type": "application/json"}, content=json.dumps({"message": message}))
        built = module._build_response(client=client, response=answer)
        if status != 413 or module_info.name.startswith(("create", "import")):
            assert isinstance(built.parsed, GatewayMessage), (module_info.name, status, built.parsed)
        try:
            ok(built)
        except KeyPairsError as error:
            assert (error.status, error.gateway, error.title) == (status, True, message), (module_info.name, vars(error))
        checked += 1
    for problem_type in (KnownProblemType.NOT_FOUND.value, "/problems/added-later"):
        body = {"type": problem_type, "title": "t", "status": 400, "detail": "d"}
        answer = httpx.Response(400, headers={"content-type": "application/problem+json"}, content=json.dumps(body))
        built = module._build_response(client=client, response=answer)
        assert isinstance(built.parsed, Problem) and built.parsed.type_ == problem_type, (module_info.name, built.parsed)
        checked += 1
print(f"{checked} answers parsed")
