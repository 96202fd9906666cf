#pragma once
// The network flow's look in one place: frame, camera shots, text sizes, colours and the geometry
// of each kind of thing on screen, grouped by concept. Every beat file reads its numbers from
// here, so changing how the flow looks means editing this file. The seed's run times and lag
// ratios stay beside the play they shape, as manim's run_time= and lag_ratio= arguments do (a
// play's windows are computed from them); a scene retimes a play through a beat's "parts".
// Units are scene units (the default frame is 14.22 x 8) unless a name says otherwise; font sizes
// are manim font sizes (kEmPerFontSize turns them into scene units per em); run times are
// seconds.
#include <glm/vec3.hpp>

#include "core/camera/camera.h"
#include "core/math/color.h"

namespace flowview::scenes::look {

inline constexpr float kPi = 3.14159265358979f;

// The default manim frame the fixed-in-frame overlays and edge placements are measured in.
namespace frame {
inline constexpr float kHalfWidth = 7.11f, kHalfHeight = 4.0f;
inline constexpr float kEdgeBuff = 0.5f;  // manim's to_edge / to_corner default buffer
// set_max_width(FRAME_WIDTH - 1): the widest a phrase may be set.
inline constexpr float kMaxPhraseWidth = 13.22f;
// A title's baseline row under the top edge: to_edge(UP) of a one-line title.
inline constexpr float kTitleY = kHalfHeight - kEdgeBuff - 0.3f;
}  // namespace frame

// Where the camera goes in the beats that fly it to a fixed view (the seed's frame moves).
namespace camera {
struct Shot {
  EulerDegrees euler;
  glm::vec3 center;
  float height;
};
inline const Shot kMlpTopView{{0, -37, 0}, {-1.08f, 2.29f, 7.99f}, 12.27f};
inline const Shot kWholeStack{{-58, -12, 0}, {-3.27f, 0.98f, 26.89f}, 25.0f};
inline const EulerDegrees kLastLayer{-3, -12, 0};  // centred on the last layer
inline const glm::vec3 kLastLayerOffset{4, 1, 0};
inline constexpr float kLastLayerHeight = 12.0f;
inline const Shot kContextZoom{{-27, -18, 0}, {-0.84f, -0.36f, 18.15f}, 9.0f};
inline const Shot kMatrixView{{0, 1, 0}, {4.98f, 3.34f, 30.08f}, 12.0f};
}  // namespace camera

// Stroke widths (manim units) shared by several beats.
namespace stroke {
inline constexpr float kBrace = 3.0f;  // braces and matrix brackets
}  // namespace stroke

// manim font sizes.
namespace font {
inline constexpr float kPhrase = 48, kTokensLabel = 72, kQuestionMarks = 48;
inline constexpr float kAttentionTitle = 96, kMlpTitle = 72;
inline constexpr float kRepetitionsLabel = 48, kRepetitionsLabelScale = 2.65f;
inline constexpr float kBarLabel = 30, kContextLabel = 72, kMatrixLabel = 72, kEquals = 72;
inline constexpr float kCountLabel = 60, kSoftmaxLabel = 48;
// manim backstroke width -> outline pixels at 1080p.
inline constexpr float kBackstroke = 0.675f;
}  // namespace font

namespace colour {
inline const Rgb kWhite = Rgb(1.0f), kBlack = Rgb(0.0f);
inline constexpr unsigned kQuestion = palette::kYellow;  // the token to predict, highlights
inline constexpr unsigned kPhraseBox = palette::kGreyB, kArrow = palette::kGreyA;
inline constexpr unsigned kLayerBracket = palette::kGreyB;
inline constexpr unsigned kBlock = palette::kGreyE, kNeuron = palette::kGreyC;
inline constexpr unsigned kBarFirst = palette::kBlueC, kBarLast = palette::kYellow;
inline constexpr unsigned kSoftmax = palette::kTeal;
inline constexpr float kTokenFill = 0.15f;  // fill opacity of the token rectangles
// random_bright_color(hue_range) bounds of the tokens and of the attention arcs.
inline constexpr double kTokenHueLo = 0.5, kTokenHueHi = 0.6;
inline constexpr double kArcHueLo = 0.1, kArcHueHi = 0.3;
}  // namespace colour

// The phrase and its token rectangles (show_tokens).
namespace tokens {
inline constexpr float kRectHeightEm = 1.3f;  // rectangle height in ems of the phrase
inline constexpr float kRectStroke = 1.0f, kPhraseBoxStroke = 2.0f;
inline constexpr float kQuestionGap = 0.45f;  // "???" below the yellow rectangle
// The curved arrow from the phrase box to the yellow rectangle: scaled 0.5 toward its end,
// turning -120 degrees, ends trimmed by the arrow's buffer (0.25, halved by the scale).
inline constexpr float kQuestionArcDegrees = -120.0f, kQuestionArcScale = 0.5f;
inline constexpr float kQuestionArcTrim = 0.125f, kQuestionArcStroke = 3.0f;
inline constexpr float kQuestionTipInset = 0.12f, kQuestionTipSize = 0.18f;
// Arrows from the "Tokens" label to each token.
inline constexpr float kLabelArrowDrop = 0.35f, kArrowBuff = 0.25f;
inline constexpr float kLabelArrowShaft = 0.05f, kLabelArrowTip = 0.25f;
// The tokens above the embedding: gap above the layer, arrows down to the columns.
inline constexpr float kGapAboveLayer = 0.2f, kTokensAboveLayer = 1.5f;
inline constexpr float kEmbedArrowShaft = 0.08f, kEmbedArrowTipLength = 0.25f;
inline constexpr float kEmbedArrowTipWidth = 0.3f;
inline constexpr float kQuestionShift = 0.2f;  // the yellow rectangle right of the last column
}  // namespace tokens

// Embedding arrays (the seed's get_embedding_array: height 4, buff 0.4 column widths).
namespace layer {
inline constexpr float kHeight = 4.0f;
inline constexpr float kColumnWidth = 0.6f;
inline constexpr float kColumnPitch = kColumnWidth * 1.4f;
// Entries as large as the seed's (with manimgl's text weight, glyph.frag): hlnf_08's digits are 16
// px tall.
inline constexpr float kEntryEm = 0.24f;
inline constexpr float kMatrixEntryEm = 0.24f;  // MatrixObject's default (the lesson scenes)
// The first entry's centre below the column's top (and the last one's above its bottom):
// 12.5 px of a 359-px column in hlnf_09.
inline constexpr float kEntryMargin = 0.14f;
inline constexpr double kValueMax = 9.9;  // entries are uniform in [0, 9.9), one decimal
inline constexpr float kEntryOutline = 3.0f * font::kBackstroke;
inline constexpr int kDotsFromEnd = 4;  // the seed's dots_index = -4: the hidden column
// Measured on hlnf_09 (89 px per unit): the gap's dots (set to 0.75 column widths) are dots
// 4.7 px across, 17.75 px apart; a column's vertical dots 3 px across, 10 px apart; a column's
// bracket a 3-px stem with 10-px serifs; the layer's bracket a 6.5-px stem whose serifs (25 px)
// reach the columns' brackets.
inline constexpr float kGapDotRadius = 0.025f, kGapDotSpacing = 0.2f;
inline constexpr float kEntryDotRadius = 0.017f, kEntryDotSpacing = 0.11f;
inline constexpr float kColumnBracketSerif = 0.1f, kColumnBracketStroke = 3.0f;
inline constexpr float kBracketMargin = 0.3f;  // the layer's brackets outside its columns
inline constexpr float kBracketHeightScale = 1.1f;
inline constexpr float kBracketSerif = 0.28f, kBracketStroke = 7.0f;
inline constexpr float kFadeInShift = -0.5f;  // columns fade in from above
}  // namespace layer

// Attention and MLP blocks: translucent boxes around a layer.
namespace block {
inline constexpr float kBuff = 1.0f;  // block faces outside the layer (width, height)
inline constexpr float kGap = 1.0f;   // from the layer in front to the block's near face
inline constexpr float kOpacity = 0.75f;
inline constexpr uint8_t kBodyFaces = 0x3E;  // every face but +x, its own element (it opens)
inline constexpr uint8_t kFrontFace = 0x01;
inline constexpr float kTitleOutline = 5.0f * font::kBackstroke;
inline constexpr float kTitleGap = 0.1f;      // the title's ink above the block
inline constexpr float kDimmedLayer = 0.25f;  // the layer behind an opening block
}  // namespace block

namespace attention {
inline constexpr float kDepth = 2.0f;
inline constexpr float kArcAngle = kPi / 3;
inline constexpr float kArcMaxWidth = 5.0f, kArcWidthPower = 5.0f;
inline constexpr float kFlashWidth = 2.0f;
// Every pair of vectors gets an arc in the seed; past 48 vectors each one draws arcs from 48
// others only, so the element count stays linear in the token count.
inline constexpr int kMaxArcsPerVector = 48;
}  // namespace attention

namespace mlp {
inline constexpr float kNeuronRadius = 0.1f;
inline constexpr float kOuterLayers = 0.4f;  // input and output neurons at +-0.4 depth
inline constexpr float kHiddenInset = 0.1f;  // hidden neurons inside the block's top and bottom
inline constexpr double kNeuronOpacityLo = 0.5;
inline constexpr double kConnectionChance = 0.2, kConnectionValueMax = 10.0;
inline constexpr float kConnectionWidth = 3.0f, kConnectionInset = 0.1f;
inline constexpr float kMaxLag = 0.2f, kLagParts = 4.0f;  // Write's lag over the connections
inline constexpr int kFirstNetwork = 4;                   // the network shown first, side on
}  // namespace mlp

namespace repetitions {
inline constexpr float kStartGap = 3.0f;  // from the last layer to the first thin block
inline constexpr float kThinDepth = 1.0f;
inline constexpr int kDots = 5;
inline constexpr float kDotRadius = 0.2f, kDotSpacing = 0.8f, kDotsY = 0.3f;
inline constexpr float kBraceGap = 0.35f, kBraceDepth = 0.8f, kBraceStroke = 4.0f;
inline constexpr float kLabelGap = 2.9f;
inline constexpr float kFinalLayerGap = 1.0f;  // the final layer beyond the thin blocks
}  // namespace repetitions

namespace focus {
inline constexpr float kBackdropMargin = 0.4f, kBackdropScale = 3.0f;
inline constexpr float kBackdropOpacity = 0.5f, kBackdropBehind = 0.01f;
inline constexpr float kDimmedDots = 0.5f;
}  // namespace focus

// The next-token bars beside the last layer.
namespace bars {
inline constexpr float kSpan = 6.0f, kThickness = 0.5f;  // total height, bar share of its row
inline constexpr float kLeftOfLayer = 6.0f, kCenterY = 2.0f;
inline constexpr float kLengthScale = 4.0f;  // scene units per probability 1
inline constexpr float kMinLength = 0.01f, kFillOpacity = 0.8f, kStroke = 1.5f;
inline constexpr float kLabelGap = 0.2f;
inline constexpr float kDotRadius = 0.03f, kDotSpacing = 0.12f;
inline constexpr float kBraceGap = 0.4f, kBraceExtra = 0.4f, kBraceDepth = 0.3f;
inline constexpr float kRectMargin = 0.2f, kHighlightStroke = 3.0f, kArrowStroke = 4.0f;
inline constexpr float kArrowTip = 0.3f, kArrowGap = 0.1f;
}  // namespace bars

// cycle_embeddings: shades over every column but the current one.
namespace cycle {
inline constexpr float kAboveTokens = 0.6f, kBelowLayer = 0.1f, kInFront = 0.01f;
inline constexpr float kShade = 0.75f;
}  // namespace cycle

namespace context {
inline constexpr float kBraceBelow = 0.25f, kBraceDepth = 0.35f, kBraceInset = 0.3f;
inline constexpr float kLabelBelow = 1.05f, kValueGap = 0.25f;
inline constexpr float kDimensionBraceGap = 0.1f, kDimensionLabelGap = 0.7f;
}  // namespace context

// The desired-output overlay (fixed in frame).
namespace desired {
inline constexpr float kBlankMargin = 0.1f, kBlankHeight = 0.45f, kBlankFill = 0.5f;
inline constexpr float kBlankStroke = 2.0f, kQuestionGap = 0.6f, kEnterShift = 0.2f;
inline constexpr float kMaxRow = 0.5f, kListHeight = 5.0f;  // row height: min(0.5, 5 / rows)
inline constexpr float kRightBuff = 0.1f, kBottomBuff = 1.0f;
inline constexpr float kRowFill = 0.8f;      // share of a row a word's capitals or a bar fill
inline constexpr float kCapHeightEm = 0.7f;  // a capital's height in em
inline constexpr float kBarShare = 0.8f;     // a bar's height relative to the words
inline constexpr float kBarGap = 0.15f, kProbGap = 0.3f, kProbMargin = 0.5f;
inline constexpr double kBarPerProbability = 10.0;  // bar length in bar heights
inline constexpr float kMinBar = 0.01f, kDotsInset = 0.25f;
inline constexpr float kBraceDepth = 0.3f, kArrowGap = 0.45f, kArrowLength = 1.0f;
}  // namespace desired

// The unembedding-matrix beat (W_U times the last vector, then softmax).
namespace matrix {
inline constexpr int kRows = 15, kDotsRow = 8;
inline constexpr float kHeight = 6.0f, kPitchX = 0.62f, kEntryEm = 0.2f;
inline constexpr float kRightOfVector = 1.0f, kAboveLayer = 1.0f;
inline constexpr double kValueMax = 9.9;  // entries uniform in [-9.9, 9.9)
inline constexpr float kBracketSerif = 0.15f, kBracketGap = 0.05f, kLabelGap = 1.0f;
// The label's subscript U: its size against the W's, offsets in ems of the W.
inline constexpr float kSubscriptScale = 0.7f, kSubscriptRight = 0.62f, kSubscriptDrop = 0.3f;
inline constexpr float kCornerBuff = 0.5f, kShrink = 0.5f;  // the list parks in the corner
inline constexpr float kWordEm = 0.3f;
inline constexpr float kSoftmaxArrow = 2.2f, kSoftmaxFill = 0.1f, kSoftmaxTipWidth = 0.3f;
// Buffers around the matrix, the copied vector and the product (scene units).
inline constexpr float kVectorGap = 0.3f, kVectorMargin = 0.1f, kVectorShrink = 0.7f;
inline constexpr float kArrowRise = 0.2f, kArrowShort = 0.1f, kArrowInset = 0.2f;
inline constexpr float kArrowTip = 0.25f;
// "=": its gap from the vector, and from its right end to the product's left bracket (the
// softmax rectangle, kSoftmaxLeft left of the product, must fall clearly between the two).
inline constexpr float kEqualsGap = 0.25f, kEqualsToProductBracket = 0.6f;
inline constexpr float kProductBracketSerif = 0.12f, kProductBracketGap = 0.4f;
inline constexpr float kWordsGap = 0.65f, kWordsDotsGap = 0.9f, kWordsMinRight = 0.75f;
inline constexpr float kBraceGap = 0.2f, kBraceDepth = 0.3f, kCountLabelGap = 1.9f;
inline constexpr float kSoftmaxLeft = 0.6f, kSoftmaxRight = 0.25f, kSoftmaxExtra = 0.5f;
// next_to buffers: the label above the arrow, the probability list right of its tip.
inline constexpr float kSoftmaxArrowGap = 0.1f, kSoftmaxLabelBuff = 0.35f, kListBuff = 0.25f;
inline constexpr float kSoftmaxPan = 1.0f;  // the camera's move right during softmax
}  // namespace matrix

}  // namespace flowview::scenes::look
