# SPDX-License-Identifier: GPL-3.0-or-later
# kuril_lazy_library(<target> <imported target> <name> <library file> [<name> <file>]...)
#
# Makes <target>, an interface target to link instead of <imported target>: its headers, and
# in place of each library file (known to util/lazy_library.hpp by its <name>) the stubs of cmake/make-lazy-stubs.sh, so that the library is
# loaded on the first call of one of its functions (util/lazy_library.hpp) rather than at the
# program's start. With KURIL_LAZY_LOAD off, <target> links <imported target> itself.
function(kuril_lazy_library target imported)
  add_library(${target} INTERFACE)
  if(NOT KURIL_LAZY_LOAD)
    target_link_libraries(${target} INTERFACE ${imported})
    return()
  endif()
  target_include_directories(${target} SYSTEM INTERFACE
    $<TARGET_PROPERTY:${imported},INTERFACE_INCLUDE_DIRECTORIES>)
  target_compile_definitions(${target} INTERFACE
    $<TARGET_PROPERTY:${imported},INTERFACE_COMPILE_DEFINITIONS>)
  set(pairs ${ARGN})
  while(pairs)
    list(POP_FRONT pairs stub file)
    set(out ${CMAKE_BINARY_DIR}/lazy/${stub}.S)
    add_custom_command(
      OUTPUT ${out}
      COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/lazy
      COMMAND sh ${PROJECT_SOURCE_DIR}/cmake/make-lazy-stubs.sh ${file} ${stub} ${out}
      DEPENDS ${file} ${PROJECT_SOURCE_DIR}/cmake/make-lazy-stubs.sh
      COMMENT "Stubs that load ${stub} on first use"
      VERBATIM)
    add_library(kuril_lazy_${stub} STATIC ${out})
    target_link_libraries(kuril_lazy_${stub} PUBLIC kuril_lazy)
    target_link_libraries(${target} INTERFACE kuril_lazy_${stub})
    set_property(GLOBAL APPEND PROPERTY KURIL_LAZY_FILES ${file})
  endwhile()
endfunction()
