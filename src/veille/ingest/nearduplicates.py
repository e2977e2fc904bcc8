"""Near-duplicates: wire copies republished by several outlets with small edits.

A text is summarised by a MinHash signature of its five-word shingles; two texts whose
signatures agree on at least `THRESHOLD` of their values (an estimate of the Jaccard
similarity of their shingles) are copies of one story. Candidates are found by locality
sensitive hashing: the signature is cut into bands, and texts sharing a band are compared,
so that a store finds the copies of a text without comparing it to every other.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np
from datasketch import MinHash

NUM_PERM = 128
BANDS, ROWS = 32, 4  # BANDS * ROWS == NUM_PERM; finds pairs above ~0.42 with high probability
SHINGLE = 5  # words
THRESHOLD = 0.5  # estimated Jaccard similarity from which two texts are one story
_SEED = 1
_SCHEME = "affine32"  # pinned: stored signatures must stay comparable across versions
_WORD = re.compile(r"\w+")


def signature(text: str) -> np.ndarray:
    """The MinHash signature of a text's word shingles (case and punctuation ignored)."""
    words = _WORD.findall(text.casefold())
    shingles = {" ".join(words[i:i + SHINGLE]) for i in range(max(len(words) - SHINGLE + 1, 1))}
    minhash = MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME)
    minhash.update_batch([s.encode("utf-8") for s in shingles])
    return minhash.hashvalues.astype(np.uint32)


def to_bytes(sig: np.ndarray) -> bytes:
    return sig.astype("<u4").tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<u4").astype(np.uint32)


def band_hashes(sig: np.ndarray) -> list[int]:
    """One signed 64-bit hash per band, the band's number mixed in."""
    hashes = []
    for band in range(BANDS):
        digest = hashlib.blake2b(to_bytes(sig[band * ROWS:(band + 1) * ROWS]), digest_size=8,
                                 person=band.to_bytes(2, "little")).digest()
        hashes.append(int.from_bytes(digest, "little", signed=True))
    return hashes


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """The estimated Jaccard similarity of the shingles of two signed texts."""
    return float(np.mean(a == b))
