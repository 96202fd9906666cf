#!/bin/sh
# Fails, listing the lines, when a file under the given folder (app/) calls OpenGL itself: a gl*
# function, a GL_* constant, a GL type or glad. engine/render owns every GL call; the viewer asks
# FrameRenderer and render/window_surface.h. ImGui's OpenGL3 backend (third_party) is not in app/.
app_dir=${1:?usage: no_gl_in_app.sh APP_DIR}
[ -d "$app_dir" ] || { echo "no_gl_in_app.sh: $app_dir is not a folder" >&2; exit 2; }
if grep -rnE 'gl[A-Z]|\bGL_[A-Z]|\bGL(u?int|enum|float|sizei|boolean|bitfield|uint64)\b|glad/' \
    --include='*.cpp' --include='*.h' "$app_dir"; then
  echo "app/ must make no raw GL call: draw through FrameRenderer (engine/render)" >&2
  exit 1
fi
exit 0
