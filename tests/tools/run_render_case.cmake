# SPDX-License-Identifier: GPL-3.0-or-later
# Runs one reference-image case (tests/render-cases/<case>/): renders it with kuril-atlas into
# the scratch folder, then compares actual.png with the case's expected.png.
#   -DEXE=kuril-atlas -DCOMPARE=kuril-png-compare -DCASE_DIR=... -DSCRATCH_DIR=...
#   -DEXTRA_ARGS=a|b|c       appended to the case's command line (for the mismatch checks)
#   -DEXPECTED=path          compare with this image instead of the case's expected.png
#   -DEXPECT_MISMATCH=ON     the comparison must fail (the check that a case can fail)
# With KURIL_UPDATE=1 in the environment, actual.png is copied over the case's expected.png in
# the source tree instead of being compared (only without EXTRA_ARGS, EXPECTED, EXPECT_MISMATCH).
#
# case.txt: one kuril-atlas command line without the output option (the script adds --out for
# export, --screenshot for present and view), optional "threshold N" (0-255: a pixel differs
# when one of its channels differs by more than N) and "allowed F" (the fraction 0-1 of pixels
# that may differ) lines, and # comments.
set(threshold 24)
set(allowed 0.0001)
set(command "")
file(STRINGS "${CASE_DIR}/case.txt" lines)
foreach(line IN LISTS lines)
  string(STRIP "${line}" line)
  if(line STREQUAL "" OR line MATCHES "^#")
    continue()
  elseif(line MATCHES "^threshold[ \t]+([0-9.]+)$")
    set(threshold ${CMAKE_MATCH_1})
  elseif(line MATCHES "^allowed[ \t]+([0-9.]+)$")
    set(allowed ${CMAKE_MATCH_1})
  elseif(line MATCHES "^(threshold|allowed)")
    message(FATAL_ERROR "${CASE_DIR}/case.txt: '${line}': expected '${CMAKE_MATCH_1} NUMBER'")
  elseif(command)
    message(FATAL_ERROR "${CASE_DIR}/case.txt: more than one command line: '${line}'")
  else()
    separate_arguments(command UNIX_COMMAND "${line}")
  endif()
endforeach()
if(NOT command)
  message(FATAL_ERROR "${CASE_DIR}/case.txt: no command line (e.g. 'export --size 640x400')")
endif()

list(GET command 0 subcommand)
if(subcommand STREQUAL "export")
  set(output_option --out)
elseif(subcommand STREQUAL "present" OR subcommand STREQUAL "view")
  set(output_option --screenshot)
else()
  message(FATAL_ERROR "${CASE_DIR}/case.txt: '${subcommand}': expected export, present or view")
endif()
if(DEFINED EXTRA_ARGS)
  string(REPLACE "|" ";" EXTRA_ARGS "${EXTRA_ARGS}")
  list(APPEND command ${EXTRA_ARGS})
endif()

file(REMOVE_RECURSE "${SCRATCH_DIR}")
file(MAKE_DIRECTORY "${SCRATCH_DIR}")
set(actual "${SCRATCH_DIR}/actual.png")
set(diff "${SCRATCH_DIR}/diff.png")
execute_process(COMMAND "${EXE}" ${command} ${output_option} "${actual}"
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status EQUAL 0 OR NOT EXISTS "${actual}")
  string(REPLACE ";" " " shown "${command}")
  message(FATAL_ERROR "kuril-atlas ${shown} ${output_option} ${actual}: exit status ${status}\n"
                      "stdout:\n${out}\nstderr:\n${err}")
endif()

# Only a case as it stands updates its image, never a check that alters it.
set(is_case_itself TRUE)
if(DEFINED EXPECTED OR DEFINED EXTRA_ARGS OR EXPECT_MISMATCH)
  set(is_case_itself FALSE)
endif()
if(NOT DEFINED EXPECTED)
  set(EXPECTED "${CASE_DIR}/expected.png")
endif()
if("$ENV{KURIL_UPDATE}" STREQUAL "1" AND is_case_itself)
  file(COPY_FILE "${actual}" "${EXPECTED}")
  message(STATUS "updated ${EXPECTED}")
  return()
endif()
if(NOT EXISTS "${EXPECTED}")
  message(FATAL_ERROR "${EXPECTED} does not exist; to create it from the current code, run "
                      "the test with KURIL_UPDATE=1 (see tests/render-cases/README.md)")
endif()

execute_process(COMMAND "${COMPARE}" "${EXPECTED}" "${actual}" "${diff}" ${threshold} ${allowed}
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(EXPECT_MISMATCH)
  if(NOT status EQUAL 1)
    message(FATAL_ERROR "expected the comparison to fail, got status ${status}:\n${out}${err}")
  endif()
  message(STATUS "fails as it should:\n${out}")
elseif(status EQUAL 0)
  message(STATUS "${out}")
else()
  message(FATAL_ERROR "${out}${err}\nTo accept the new image: KURIL_UPDATE=1 ctest -R "
                      "'render-case' (see tests/render-cases/README.md)")
endif()
