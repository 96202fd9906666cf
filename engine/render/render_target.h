#pragma once
// Where Renderer::draw puts a frame: a framebuffer and the rectangle of it the frame fills. The
// renderer binds the framebuffer and sets viewport and scissor to the rectangle itself, so it
// clears and draws nothing outside it (the viewer's panels around the 3D view stay).
namespace flowview {

struct RenderTarget {
  unsigned framebuffer = 0;  // GL framebuffer name; 0: the window's default framebuffer
  int x = 0, y = 0;          // the rectangle's bottom-left corner (GL's convention)
  int width = 1, height = 1;
  // The rectangle is part of a larger framebuffer: the scissor keeps the clear inside it. An
  // offscreen target that the rectangle covers whole needs no scissor test.
  bool scissor = false;

  // A rectangle of a window's default framebuffer, given from the top-left as layouts are.
  static RenderTarget windowRect(int framebuffer_height, int left, int top, int width, int height) {
    return {0u, left, framebuffer_height - top - height, width, height, true};
  }
};

}  // namespace flowview
