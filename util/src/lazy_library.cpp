// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/lazy_library.hpp"

#include <atomic>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <dlfcn.h>
#include <mutex>

/// One library's stubs (cmake/make-lazy-stubs.sh writes it in assembly; keep the two alike).
struct kuril_lazy_library {
    const char* soname;
    const char* name;
    std::size_t count;
    const char* const* symbols;
    void** slots;
    // The resolver's state, zero at start.
    void* handle;
    std::size_t ready; ///< non-zero once loaded and its hook has run
    void (*hook)();
};

// The stubs put a pointer to each library's table in this section; the linker names its ends.
// Weak: a build that links every library directly has no such section.
extern "C" {
extern kuril_lazy_library* const __start_kuril_lazy[] __attribute__((weak));
extern kuril_lazy_library* const __stop_kuril_lazy[] __attribute__((weak));
}

namespace {

/// Held while a library loads and its hook runs; recursive, since the hook calls the library.
std::recursive_mutex& load_mutex() {
    static std::recursive_mutex mutex;
    return mutex;
}

kuril_lazy_library* find(std::string_view name) {
    if (__start_kuril_lazy == nullptr) {
        return nullptr;
    }
    for (auto* const* it = __start_kuril_lazy; it != __stop_kuril_lazy; ++it) {
        if (name == (*it)->name) {
            return *it;
        }
    }
    return nullptr;
}

bool is_ready(kuril_lazy_library& library) {
    return std::atomic_ref<std::size_t>(library.ready).load(std::memory_order_acquire) != 0;
}

[[noreturn]] void fail(const char* what, const char* name, const char* error) {
    // Reached from a call into the library, where no exception can pass: the package depends
    // on these libraries, so this means a broken installation.
    std::fprintf(stderr, "kuril-atlas: internal error: %s %s: %s\n", what, name,
                 error != nullptr ? error : "unknown error");
    std::fflush(stderr);
    std::_Exit(1);
}

void load(kuril_lazy_library& library) {
    if (is_ready(library)) {
        return;
    }
    std::lock_guard lock(load_mutex());
    if (library.handle != nullptr) {
        return; // loaded; ready, or its hook is running on this thread
    }
    library.handle = dlopen(library.soname, RTLD_NOW | RTLD_GLOBAL);
    if (library.handle == nullptr) {
        fail("cannot load", library.soname, dlerror());
    }
    if (library.hook != nullptr) {
        library.hook();
    }
    std::atomic_ref<std::size_t>(library.ready).store(1, std::memory_order_release);
}

} // namespace

/// Called by a stub on the first call of the function `index`: loads the library if needed,
/// points the function's slot at the real function and returns it.
extern "C" void* kuril_lazy_resolve(kuril_lazy_library* library, std::size_t index) noexcept {
    load(*library);
    void* function = dlsym(library->handle, library->symbols[index]);
    if (function == nullptr) {
        fail("cannot find", library->symbols[index], dlerror());
    }
    std::atomic_ref<void*>(library->slots[index]).store(function, std::memory_order_release);
    return function;
}

namespace kuril::lazy {

void on_load(std::string_view name, void (*hook)()) {
    kuril_lazy_library* library = find(name);
    if (library == nullptr) {
        hook(); // linked directly: loaded with the program
        return;
    }
    {
        std::lock_guard lock(load_mutex());
        if (library->handle == nullptr) {
            library->hook = hook;
            return;
        }
    }
    hook();
}

bool loaded(std::string_view name) {
    kuril_lazy_library* library = find(name);
    if (library == nullptr) {
        return true;
    }
    std::lock_guard lock(load_mutex());
    return library->handle != nullptr;
}

} // namespace kuril::lazy
