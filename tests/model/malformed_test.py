"""Bad model folders, hostile safetensors files and bad arguments: `flowview predict` and
`flowview tokenize` exit 2 with one line on stderr that names the file (and the tensor or key).

usage: malformed_test.py FLOWVIEW WORK_DIR
"""
import json
import os
import shutil
import struct
import subprocess
import sys

import numpy as np

import gpt2_models

CONFIG = dict(n_layer=1, n_head=2, n_embd=8, n_positions=16, vocab_size=270)


def fresh_model(work, name, **kwargs):
    folder = os.path.join(work, name)
    shutil.rmtree(folder, ignore_errors=True)
    gpt2_models.write_model(folder, CONFIG, **kwargs)
    return folder


def read_safetensors(path):
    data = open(path, "rb").read()
    n = struct.unpack("<Q", data[:8])[0]
    return json.loads(data[8:8 + n]), data[8 + n:]


def write_raw(path, header, body, header_length=None):
    text = header if isinstance(header, bytes) else json.dumps(header).encode()
    length = len(text) if header_length is None else header_length
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", length) + text + body)


def edit_header(folder, change):
    path = os.path.join(folder, "model.safetensors")
    header, body = read_safetensors(path)
    changed = change(header, body)
    body = changed if isinstance(changed, bytes) else body
    write_raw(path, header, body)


def expect_exit_2(args, *needles, env=None):
    run = subprocess.run(args, capture_output=True, env=env)
    err = run.stderr.decode("utf-8", "replace")
    shown = " ".join(a if isinstance(a, str) else repr(a) for a in args[1:3])
    assert run.returncode == 2, f"{shown}: exit {run.returncode}, expected 2; stderr: {err!r}"
    assert err.count("\n") == 1 and err.endswith("\n"), f"{shown}: not one line: {err!r}"
    for needle in needles:
        assert needle in err, f"{shown}: {needle!r} not in {err!r}"
    assert run.stdout == b"", f"{shown}: wrote to stdout on error"
    return err.strip()


def main():
    flowview, work = sys.argv[1], sys.argv[2]
    os.makedirs(work, exist_ok=True)
    cases = []

    def case(name, needles, change=None, args=None, **model_kwargs):
        folder = fresh_model(work, name, **model_kwargs)
        if change:
            change(folder)
        line = expect_exit_2(args or [flowview, "predict", "--model", folder, "hello"], *needles)
        cases.append((name, line))

    st = lambda folder: os.path.join(folder, "model.safetensors")
    case("missing_folder", ["no_such_folder", "model folder does not exist"],
         args=[flowview, "predict", "--model", os.path.join(work, "no_such_folder"), "hi"])
    case("missing_config", ["config.json", "cannot read"],
         lambda f: os.remove(os.path.join(f, "config.json")))
    case("config_heads", ["config.json", "/n_head", "not a multiple"],
         lambda f: json.dump(dict(CONFIG, n_head=3), open(os.path.join(f, "config.json"), "w")))
    case("config_activation", ["config.json", "/activation_function", "gelu_new"],
         lambda f: json.dump(dict(CONFIG, activation_function="relu"),
                             open(os.path.join(f, "config.json"), "w")))
    case("missing_merges", ["merges.txt", "cannot read"],
         lambda f: os.remove(os.path.join(f, "merges.txt")))
    case("bad_merges", ["merges.txt:2", "expected two symbols"],
         lambda f: open(os.path.join(f, "merges.txt"), "w").write("#version: 0.2\nabc\n"))
    case("missing_weights", ["model.safetensors", "cannot open"], lambda f: os.remove(st(f)))
    case("truncated", ["model.safetensors", "past the end of the data", "truncated"],
         lambda f: os.truncate(st(f), os.path.getsize(st(f)) - 10))
    case("header_length_huge", ["model.safetensors", "header length", "implausibly large"],
         lambda f: write_raw(st(f), b"{}", b"", header_length=1 << 40))
    case("header_length_past_end", ["model.safetensors", "header length", "past the end"],
         lambda f: write_raw(st(f), b"{}", b"", header_length=4096))
    case("header_not_json", ["model.safetensors", "header is not valid JSON"],
         lambda f: write_raw(st(f), b"{\"wte.weight\": [", b""))
    case("too_short", ["model.safetensors", "too short"], lambda f: open(st(f), "wb").write(b"abc"))
    case("unknown_dtype", ["model.safetensors", "transformer.wte.weight", "unknown dtype 'F99'"],
         lambda f: edit_header(f, lambda h, b: h["transformer.wte.weight"].update(dtype="F99")))
    case("span_mismatch", ["transformer.ln_f.bias", "data_offsets span"],
         lambda f: edit_header(f, lambda h, b: h["transformer.ln_f.bias"].update(shape=[9])))
    case("overlap", ["overlaps"],
         lambda f: edit_header(f, lambda h, b: h["transformer.ln_f.bias"].update(
             data_offsets=h["transformer.ln_f.weight"]["data_offsets"])))
    case("negative_offset", ["transformer.wpe.weight", "non-negative"],
         lambda f: edit_header(f, lambda h, b: h["transformer.wpe.weight"].update(
             data_offsets=[-4, 0])))
    case("nested", ["header nests too deep"],
         lambda f: edit_header(f, lambda h, b: h["transformer.wpe.weight"].update(
             shape=[[[[1]]]])))
    case("missing_tensor", ["model.safetensors", "transformer.h.0.mlp.c_fc.bias", "missing"],
         lambda f: edit_header(f, lambda h, b: h.pop("transformer.h.0.mlp.c_fc.bias")))

    def wrong_shape(folder):  # a [C, 3C] matrix stored as [3C, C]
        edit_header(folder, lambda h, b: h["transformer.h.0.attn.c_attn.weight"].update(
            shape=[24, 8]))
    case("wrong_shape", ["transformer.h.0.attn.c_attn.weight", "shape [24, 8], expected [8, 24]"],
         wrong_shape)

    def integer_weights(folder):
        def change(h, b):
            h["transformer.ln_f.weight"].update(dtype="I32")
        edit_header(folder, change)
    case("integer_dtype", ["transformer.ln_f.weight", "dtype I32 is not F32, F16 or BF16"],
         integer_weights)

    def nan_weight(folder):
        def change(h, b):
            begin = h["transformer.h.0.ln_2.bias"]["data_offsets"][0]
            body = bytearray(b)
            body[begin + 12:begin + 16] = np.array([np.nan], dtype="<f4").tobytes()
            return bytes(body)
        edit_header(folder, change)
    case("nan_weight", ["transformer.h.0.ln_2.bias", "NaN or infinity (element 3)"], nan_weight)

    # Arguments.
    good = fresh_model(work, "good")
    for args, needle in [(["--top", "0"], "--top must be between"),
                         (["--temperature", "0"], "--temperature must be between"),
                         (["--temperature", "abc"], "--temperature expects a number"),
                         (["--bogus"], "unknown option --bogus")]:
        cases.append((args[0], expect_exit_2([flowview, "predict", "--model", good, *args, "hi"],
                                             needle)))
    cases.append(("no model", expect_exit_2([flowview, "predict", "hi"], "missing --model")))
    cases.append(("no text", expect_exit_2([flowview, "predict", "--model", good], "missing TEXT")))
    cases.append(("empty text", expect_exit_2([flowview, "predict", "--model", good, ""],
                                              "TEXT has no tokens")))
    cases.append(("bad utf-8", expect_exit_2([flowview.encode(), b"tokenize", b"--model",
                                              good.encode(), b"caf\xe9"], "not valid UTF-8")))
    cases.append(("tokenize folder", expect_exit_2(
        [flowview, "tokenize", "--model", os.path.join(work, "missing_merges"), "hi"],
        "no vocab.json and merges.txt")))
    for name, line in cases:
        print(f"{name:24s} {line}")
    print(f"{len(cases)} bad inputs rejected with exit 2")


if __name__ == "__main__":
    main()
