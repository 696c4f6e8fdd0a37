"""moto_server for the local stack, with two behaviours of EC2 that moto lacks.

1. Atomic key pair names. moto checks that a key pair name is free, then generates the key, then
   stores it, with no lock, while its server answers requests on parallel threads: two concurrent
   creates of one name can both succeed (seen: 2 x 201 of 50 in the concurrency test). EC2 never
   does that. The check-and-store of CreateKeyPair and ImportKeyPair is made atomic here.
2. DeleteKeyPair by KeyPairId. moto reads only KeyName (a KeyPairId alone deletes nothing); EC2
   deletes the key with that id, and the API relies on it to delete exactly the key it looked up,
   never a successor that took the same name meanwhile. A KeyPairId that names no key pair is
   InvalidKeyPair.NotFound, as EC2 answers (a missing KeyName is success there): of concurrent
   deletes of one key by id, exactly one succeeds. The look-up and the delete hold the names lock.
3. Identity: `GET /__local-stack` answers the LOCAL_STACK_TOKEN of the environment (set by
   scripts/local-stack.ts), so the readiness check knows that this process answered, not another
   server on the port. Without the variable the path is moto's as before.
Then moto_server runs unchanged (same arguments).
"""
import functools
import os
import sys
import threading

from moto.ec2.models.key_pairs import KeyPairBackend
from moto.core.responses import ActionResult
from moto.ec2.exceptions import EC2ClientError
from moto.ec2.responses.key_pairs import KeyPairs
from moto.server import DomainDispatcherApplication, main

_names_lock = threading.Lock()


def _atomic(method):
    @functools.wraps(method)
    def locked(*args, **kwargs):
        with _names_lock:
            return method(*args, **kwargs)

    return locked


KeyPairBackend.create_key_pair = _atomic(KeyPairBackend.create_key_pair)
KeyPairBackend.import_key_pair = _atomic(KeyPairBackend.import_key_pair)

_delete_by_name = KeyPairs.delete_key_pair


def _delete_by_name_or_id(self):
    key_pair_id = self._get_param("KeyPairId")
    if not key_pair_id or self._get_param("KeyName"):
        return _delete_by_name(self)
    self.error_on_dryrun()
    with _names_lock:
        match = next((kp for kp in self.ec2_backend.key_pairs.values() if kp.id == key_pair_id), None)
        if not match:
            raise EC2ClientError("InvalidKeyPair.NotFound", f"The key pair '{key_pair_id}' does not exist")
        self.ec2_backend.delete_key_pair(match.key_name)
    return ActionResult({"Return": True, "KeyPairId": key_pair_id})


KeyPairs.delete_key_pair = _delete_by_name_or_id

_token = os.environ.get("LOCAL_STACK_TOKEN", "")
_dispatch = DomainDispatcherApplication.__call__


def _answer_probe(self, environ, start_response):
    if _token and environ.get("REQUEST_METHOD") == "GET" and environ.get("PATH_INFO") == "/__local-stack":
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [_token.encode()]
    return _dispatch(self, environ, start_response)


DomainDispatcherApplication.__call__ = _answer_probe

if __name__ == "__main__":
    sys.exit(main())
