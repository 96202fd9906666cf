"""PyTorch doing the same GPT-2 forward as flowview (the plain-ops reference of
tests/model/gpt2_models.py, float32, torch.set_num_threads(2)) on a model folder: the median
time of the 12-token prompt's forward pass. Used by scripts/bench-model.sh.

usage: model_torch_timing.py MODEL_DIR [RUNS]
"""
import os
import statistics
import sys
import time

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "model"))
import gpt2_models  # noqa: E402


def main():
    folder = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    torch.set_num_threads(2)
    config, weights = gpt2_models.read_model(folder)
    ids = [1675, 3128, 11, 262, 20063, 395, 45206, 286, 477, 640, 373, 262]  # 12 tokens
    times = []
    with torch.no_grad():
        gpt2_models.reference_forward(config, weights, ids)  # warm-up
        for _ in range(runs):
            start = time.perf_counter()
            gpt2_models.reference_forward(config, weights, ids)
            times.append((time.perf_counter() - start) * 1000)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads: forward of 12 tokens "
          f"median {statistics.median(times):.1f} ms (min {min(times):.1f}, {runs} runs)")


if __name__ == "__main__":
    main()
