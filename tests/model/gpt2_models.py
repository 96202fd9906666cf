"""Random-weight GPT-2 model folders in Hugging Face's layout, and an independent reference
forward pass in plain PyTorch ops (float64). Used by the model tests and scripts/bench-model.sh.

A folder holds config.json, model.safetensors, vocab.json and merges.txt. The safetensors file is
written here by hand (Debian has no python3-safetensors): an 8-byte little-endian header length,
the JSON header, then the raw little-endian tensor bytes.
"""
import json
import math
import os
import struct

import numpy as np
import torch

DTYPES = {"F32": np.float32, "F16": np.float16}


def write_safetensors(path, tensors, dtype="F32", metadata=None):
    """tensors: name -> float numpy array. dtype F32, F16 or BF16 (BF16 truncates F32 bits)."""
    header, blobs, offset = {}, [], 0
    if metadata is not None:
        header["__metadata__"] = metadata
    for name, array in tensors.items():
        if dtype == "BF16":
            bits = np.ascontiguousarray(array, dtype="<f4").view("<u4")
            data = (bits >> 16).astype("<u2").tobytes()
        else:
            data = np.ascontiguousarray(array, dtype=np.dtype(DTYPES[dtype]).newbyteorder("<")).tobytes()
        header[name] = {"dtype": dtype, "shape": list(array.shape),
                        "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    text = json.dumps(header).encode()
    text += b" " * (-len(text) % 8)  # keeps the data 8-byte aligned, as HF's writer does
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for blob in blobs:
            f.write(blob)


def stored_values(array, dtype):
    """What a reader gets back from `array` written as `dtype`, as float64."""
    if dtype == "F16":
        return array.astype(np.float16).astype(np.float64)
    if dtype == "BF16":
        bits = np.ascontiguousarray(array, dtype="<f4").view("<u4") & 0xFFFF0000
        return bits.view("<f4").astype(np.float64)
    return array.astype(np.float32).astype(np.float64)


def byte_symbols():
    """GPT-2's byte -> printable character table (the published bytes_to_unicode scheme)."""
    printable = list(range(ord("!"), ord("~") + 1)) + list(range(0xA1, 0xAD)) + list(range(0xAE, 0x100))
    table, extra = {}, 0
    for b in range(256):
        if b in printable:
            table[b] = chr(b)
        else:
            table[b] = chr(256 + extra)
            extra += 1
    return table


def synthetic_vocabulary():
    """A small byte-level vocabulary: the 256 bytes, a few merges, <|endoftext|>."""
    symbols = byte_symbols()
    vocab = {symbols[b]: i for i, b in enumerate(range(256))}
    space = symbols[ord(" ")]
    merges = [(space, "t"), ("h", "e"), (space + "t", "he"), ("i", "n"), (space, "a"), ("e", "r"),
              ("o", "n"), (space, "w"), ("r", "e"), (space, "s")]
    for a, b in merges:
        vocab[a + b] = len(vocab)
    vocab["<|endoftext|>"] = len(vocab)
    merges_text = "#version: 0.2\n" + "".join(f"{a} {b}\n" for a, b in merges)
    return vocab, merges_text


def make_weights(config, seed):
    """name -> float32 array, HF names without prefix. Scales keep logits peaked (no near-ties)."""
    rng = np.random.default_rng(seed)
    C, V, P = config["n_embd"], config["vocab_size"], config["n_positions"]
    H = config.get("n_inner") or 4 * C

    def normal(shape, std):
        return rng.normal(0.0, std, size=shape).astype(np.float32)

    w = {"wte.weight": normal((V, C), 1.0), "wpe.weight": normal((P, C), 0.5)}
    for i in range(config["n_layer"]):
        h = f"h.{i}."
        w[h + "ln_1.weight"] = (1.0 + normal((C,), 0.2))
        w[h + "ln_1.bias"] = normal((C,), 0.1)
        w[h + "attn.c_attn.weight"] = normal((C, 3 * C), 1.0 / math.sqrt(C))
        w[h + "attn.c_attn.bias"] = normal((3 * C,), 0.1)
        w[h + "attn.c_proj.weight"] = normal((C, C), 1.0 / math.sqrt(C))
        w[h + "attn.c_proj.bias"] = normal((C,), 0.1)
        w[h + "ln_2.weight"] = (1.0 + normal((C,), 0.2))
        w[h + "ln_2.bias"] = normal((C,), 0.1)
        w[h + "mlp.c_fc.weight"] = normal((C, H), 1.0 / math.sqrt(C))
        w[h + "mlp.c_fc.bias"] = normal((H,), 0.1)
        w[h + "mlp.c_proj.weight"] = normal((H, C), 1.0 / math.sqrt(H))
        w[h + "mlp.c_proj.bias"] = normal((C,), 0.1)
    w["ln_f.weight"] = (1.0 + normal((C,), 0.2))
    w["ln_f.bias"] = normal((C,), 0.1)
    return w


def write_model(folder, config, seed=1, prefix="transformer.", lm_head=None, dtype="F32",
                vocab_dir=None, reference=True):
    """Writes a model folder; returns the weights (float64, as stored) for the reference.
    lm_head: None (tied, absent), "tied" (a copy of wte) or "untied" (its own random matrix).
    vocab_dir: a folder with encoder.json + vocab.bpe (GPT-2's), else a synthetic vocabulary."""
    os.makedirs(folder, exist_ok=True)
    full = {"activation_function": "gelu_new", "layer_norm_epsilon": 1e-5, "model_type": "gpt2"}
    full.update(config)
    with open(os.path.join(folder, "config.json"), "w") as f:
        json.dump(full, f, indent=1)
    if vocab_dir:
        with open(os.path.join(vocab_dir, "encoder.json"), "rb") as src:
            open(os.path.join(folder, "vocab.json"), "wb").write(src.read())
        with open(os.path.join(vocab_dir, "vocab.bpe"), "rb") as src:
            open(os.path.join(folder, "merges.txt"), "wb").write(src.read())
    else:
        vocab, merges = synthetic_vocabulary()
        with open(os.path.join(folder, "vocab.json"), "w", encoding="utf-8") as f:
            json.dump(vocab, f, ensure_ascii=False)
        with open(os.path.join(folder, "merges.txt"), "w", encoding="utf-8") as f:
            f.write(merges)
    weights = make_weights(full, seed)
    stored = {prefix + name: array for name, array in weights.items()}
    unembedding = weights["wte.weight"]
    if lm_head == "tied":
        stored["lm_head.weight"] = weights["wte.weight"]
    elif lm_head == "untied":
        unembedding = np.random.default_rng(seed + 1000).normal(
            0.0, 1.0, size=weights["wte.weight"].shape).astype(np.float32)
        stored["lm_head.weight"] = unembedding
    write_safetensors(os.path.join(folder, "model.safetensors"), stored, dtype,
                      metadata={"format": "pt"})
    if not reference:
        return full, None
    values = {name: stored_values(array, dtype) for name, array in weights.items()}
    values["lm_head.weight"] = stored_values(unembedding, dtype)
    return full, values


def read_model(folder):
    """config and float32 weights (HF names without prefix, lm_head.weight filled in) of an F32
    model folder written by write_model, for timing the reference with the same numbers."""
    config = json.load(open(os.path.join(folder, "config.json")))
    path = os.path.join(folder, "model.safetensors")
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
    data = np.memmap(path, dtype=np.uint8, mode="r", offset=8 + n)
    weights = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        begin, end = entry["data_offsets"]
        array = np.frombuffer(data[begin:end], dtype="<f4").reshape(entry["shape"]).copy()
        weights[name[len("transformer."):] if name.startswith("transformer.") else name] = array
    weights.setdefault("lm_head.weight", weights["wte.weight"])
    return config, weights


def gelu_new(x):
    return 0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * x ** 3)))


def layer_norm(x, gain, bias, eps):
    mean = x.mean(-1, keepdim=True)
    var = ((x - mean) ** 2).mean(-1, keepdim=True)
    return (x - mean) / torch.sqrt(var + eps) * gain + bias


def reference_forward(config, weights, ids):
    """GPT-2 in plain torch ops, float64. Returns (logits of the last position [V],
    attention [layer][head][T][T])."""
    W = {name: torch.from_numpy(array) for name, array in weights.items()}
    C, n_head, eps = config["n_embd"], config["n_head"], config["layer_norm_epsilon"]
    D, T = C // n_head, len(ids)
    x = W["wte.weight"][torch.tensor(ids)] + W["wpe.weight"][:T]
    causal = torch.triu(torch.ones(T, T, dtype=torch.bool), diagonal=1)
    attention = []
    for i in range(config["n_layer"]):
        h = lambda name: W[f"h.{i}.{name}"]
        a = layer_norm(x, h("ln_1.weight"), h("ln_1.bias"), eps)
        q, k, v = (a @ h("attn.c_attn.weight") + h("attn.c_attn.bias")).split(C, dim=-1)
        q, k, v = (t.view(T, n_head, D).transpose(0, 1) for t in (q, k, v))  # [heads, T, D]
        scores = q @ k.transpose(-1, -2) / math.sqrt(D)
        probs = torch.softmax(scores.masked_fill(causal, float("-inf")), dim=-1)
        attention.append(probs)
        heads = (probs @ v).transpose(0, 1).reshape(T, C)
        x = x + heads @ h("attn.c_proj.weight") + h("attn.c_proj.bias")
        m = layer_norm(x, h("ln_2.weight"), h("ln_2.bias"), eps)
        x = x + gelu_new(m @ h("mlp.c_fc.weight") + h("mlp.c_fc.bias")) @ h("mlp.c_proj.weight") \
            + h("mlp.c_proj.bias")
    final = layer_norm(x[-1], W["ln_f.weight"], W["ln_f.bias"], eps)
    logits = W["lm_head.weight"] @ final
    return logits, torch.stack(attention)


def main():
    """gpt2_models.py FOLDER [--layers 12 --heads 12 --embd 768 --vocab-dir DIR]: a random
    GPT-2-small-shaped model folder (the benchmark's), never committed."""
    import argparse
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("folder")
    parser.add_argument("--layers", type=int, default=12)
    parser.add_argument("--heads", type=int, default=12)
    parser.add_argument("--embd", type=int, default=768)
    parser.add_argument("--positions", type=int, default=1024)
    parser.add_argument("--vocab-dir", default="")
    args = parser.parse_args()
    vocab_dir = args.vocab_dir if os.path.isfile(os.path.join(args.vocab_dir, "encoder.json")) else None
    config = dict(n_layer=args.layers, n_head=args.heads, n_embd=args.embd,
                  n_positions=args.positions, vocab_size=50257)
    write_model(args.folder, config, seed=124, vocab_dir=vocab_dir, reference=False)


if __name__ == "__main__":
    main()
