#pragma once
// What the Next-token panel writes beside its bars. Pure logic.
#include <string>
#include <vector>

#include "core/scene/scene.h"

namespace flowview::viewer {

// Each candidate's share of the candidates shown (they add up to 1), so greedy sampling reads
// 100% on the top one. Negative or non-finite values count as 0; all zeros when nothing is left.
std::vector<double> sharesOfShown(const std::vector<double>& probabilities);

// Before the bars grow in: "The bars come with beat 31 (unembedding: ...)." Empty once they
// have started to grow, or when the scene has no bars.
std::string nextTokenBarsPending(const Scene& scene, double time);

}  // namespace flowview::viewer
