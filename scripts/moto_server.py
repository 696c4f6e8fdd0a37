"""moto_server for the local stack, with EC2's atomic key pair names.

moto checks that a key pair name is free, then generates the key, then stores it, with no lock,
while its server answers requests on parallel threads: two concurrent creates of one name can
both succeed (seen: 2 x 201 of 50 in the concurrency test). EC2 never does that. This launcher
makes the check-and-store of CreateKeyPair and ImportKeyPair atomic, then runs moto_server
unchanged (same arguments).
"""
import functools
import sys
import threading

from moto.ec2.models.key_pairs import KeyPairBackend
from moto.server import main

_names_lock = threading.Lock()


def _atomic(method):
    @functools.wraps(method)
    def locked(*args, **kwargs):
        with _names_lock:
            return method(*args, **kwargs)

    return locked


KeyPairBackend.create_key_pair = _atomic(KeyPairBackend.create_key_pair)
KeyPairBackend.import_key_pair = _atomic(KeyPairBackend.import_key_pair)

if __name__ == "__main__":
    sys.exit(main())
