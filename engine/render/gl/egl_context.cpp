#include "render/gl/egl_context.h"

#include <EGL/egl.h>
#include <EGL/eglext.h>

#include <cstring>
#include <vector>

namespace flowview::gl {
namespace {

std::string eglErrorName(EGLint error) {
  switch (error) {
    case EGL_SUCCESS:
      return "EGL_SUCCESS";
    case EGL_NOT_INITIALIZED:
      return "EGL_NOT_INITIALIZED";
    case EGL_BAD_ACCESS:
      return "EGL_BAD_ACCESS";
    case EGL_BAD_ALLOC:
      return "EGL_BAD_ALLOC";
    case EGL_BAD_ATTRIBUTE:
      return "EGL_BAD_ATTRIBUTE";
    case EGL_BAD_CONFIG:
      return "EGL_BAD_CONFIG";
    case EGL_BAD_CONTEXT:
      return "EGL_BAD_CONTEXT";
    case EGL_BAD_DISPLAY:
      return "EGL_BAD_DISPLAY";
    case EGL_BAD_MATCH:
      return "EGL_BAD_MATCH";
    case EGL_BAD_PARAMETER:
      return "EGL_BAD_PARAMETER";
    default:
      return "EGL error " + std::to_string(error);
  }
}

bool hasExtension(const char* list, const char* name) {
  if (!list) return false;
  const size_t n = std::strlen(name);
  for (const char* p = list; (p = std::strstr(p, name)); p += n) {
    if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0')) return true;
  }
  return false;
}

struct Candidate {
  std::string name;
  EGLDisplay display;
};

}  // namespace

std::unique_ptr<EglOffscreenContext> EglOffscreenContext::create() {
  const char* client_ext = eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
  auto get_platform_display = reinterpret_cast<PFNEGLGETPLATFORMDISPLAYEXTPROC>(
      eglGetProcAddress("eglGetPlatformDisplayEXT"));

  std::vector<Candidate> candidates;
  std::string tried;
  if (get_platform_display && hasExtension(client_ext, "EGL_MESA_platform_surfaceless")) {
    candidates.push_back(
        {"EGL surfaceless (Mesa)",
         get_platform_display(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr)});
  } else {
    tried += "EGL surfaceless: extension missing; ";
  }
  auto query_devices =
      reinterpret_cast<PFNEGLQUERYDEVICESEXTPROC>(eglGetProcAddress("eglQueryDevicesEXT"));
  if (get_platform_display && query_devices &&
      hasExtension(client_ext, "EGL_EXT_platform_device")) {
    EGLDeviceEXT devices[8];
    EGLint count = 0;
    if (query_devices(8, devices, &count)) {
      for (EGLint i = 0; i < count; ++i) {
        candidates.push_back({"EGL device " + std::to_string(i),
                              get_platform_display(EGL_PLATFORM_DEVICE_EXT, devices[i], nullptr)});
      }
    }
  } else {
    tried += "EGL device platform: extension missing; ";
  }
  candidates.push_back({"EGL default display", eglGetDisplay(EGL_DEFAULT_DISPLAY)});

  for (const Candidate& c : candidates) {
    if (c.display == EGL_NO_DISPLAY) {
      tried += c.name + ": no display; ";
      continue;
    }
    EGLint major = 0, minor = 0;
    if (!eglInitialize(c.display, &major, &minor)) {
      tried += c.name + ": eglInitialize failed (" + eglErrorName(eglGetError()) + "); ";
      continue;
    }
    const EGLint config_attribs[] = {EGL_SURFACE_TYPE, EGL_PBUFFER_BIT, EGL_RENDERABLE_TYPE,
                                     EGL_OPENGL_BIT, EGL_NONE};
    EGLConfig config = nullptr;
    EGLint num_configs = 0;
    // Surfaceless contexts need no config; ask for one anyway, and fall back to none.
    if (!eglChooseConfig(c.display, config_attribs, &config, 1, &num_configs) || num_configs == 0) {
      config = nullptr;
    }
    if (!eglBindAPI(EGL_OPENGL_API)) {
      tried += c.name + ": no desktop OpenGL API; ";
      eglTerminate(c.display);
      continue;
    }
    const EGLint context_attribs[] = {EGL_CONTEXT_MAJOR_VERSION,
                                      3,
                                      EGL_CONTEXT_MINOR_VERSION,
                                      3,
                                      EGL_CONTEXT_OPENGL_PROFILE_MASK,
                                      EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
                                      EGL_NONE};
    EGLContext context = eglCreateContext(c.display, config, EGL_NO_CONTEXT, context_attribs);
    if (context == EGL_NO_CONTEXT) {
      tried += c.name + ": no GL 3.3 core context (" + eglErrorName(eglGetError()) + "); ";
      eglTerminate(c.display);
      continue;
    }
    if (!eglMakeCurrent(c.display, EGL_NO_SURFACE, EGL_NO_SURFACE, context)) {
      tried += c.name + ": eglMakeCurrent without surface failed (" + eglErrorName(eglGetError()) +
               "); ";
      eglDestroyContext(c.display, context);
      eglTerminate(c.display);
      continue;
    }
    std::unique_ptr<EglOffscreenContext> result(new EglOffscreenContext());
    result->display_ = c.display;
    result->context_ = context;
    result->platform_ = c.name;
    loadGlFunctions(reinterpret_cast<GetProcAddress>(&eglGetProcAddress), c.name);
    return result;
  }
  throw NoContextError("no OpenGL 3.3 core context could be created; tried: " + tried);
}

EglOffscreenContext::~EglOffscreenContext() {
  if (display_) {
    eglMakeCurrent(display_, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
    if (context_) eglDestroyContext(display_, context_);
    // No eglTerminate: the display is shared by every context of the process, and terminating
    // it would break the others. EGL releases it at exit.
  }
}

void EglOffscreenContext::makeCurrent() {
  eglMakeCurrent(display_, EGL_NO_SURFACE, EGL_NO_SURFACE, context_);
}

}  // namespace flowview::gl
