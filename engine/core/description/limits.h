#pragma once
// Documented limits of the scene format (docs/scene-format.md, "Limits"). The reader refuses
// larger files with a LoadError at the JSON path where the limit is crossed, so a hostile file
// ends fast and in bounded memory instead of composing millions of elements.
#include <cstddef>
#include <cstdint>

namespace flowview::description {

inline constexpr std::size_t kMaxObjects = 10000;          // entries of "objects"
inline constexpr std::uint64_t kMaxGroupMembers = 100000;  // objects all groups expand to, summed
inline constexpr std::uint64_t kMaxPrimitives = 1000000;   // points, values, characters, shapes
inline constexpr std::size_t kMaxTextBytes = 10000;        // one text object's UTF-8 bytes
inline constexpr std::size_t kMaxLinePoints = 10000;       // one line's or arrow's points
inline constexpr std::size_t kMaxBeats = 10000;            // entries of "beats"
inline constexpr std::size_t kMaxAnimations = 10000;       // animations of one play
inline constexpr std::size_t kMaxListEntries = 1000;       // next_tokens, desired_output words
inline constexpr std::size_t kMinFlowTokens = 3;           // network_flow tokens, given or split
inline constexpr std::size_t kMaxFlowTokens = 4096;        // from its text

// What is wrong with a network flow of `count` tokens (given, or split from its text), or
// nullptr: one message wherever the count is checked.
inline const char* flowTokenCountError(std::size_t count) {
  if (count < kMinFlowTokens) return "needs at least 3 tokens";
  if (count > kMaxFlowTokens) return "more than 4096 tokens";
  return nullptr;
}

}  // namespace flowview::description
