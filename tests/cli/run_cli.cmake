# SPDX-License-Identifier: GPL-3.0-or-later
# Runs kuril-atlas with ARGS (a |-separated list) and checks its exit status and output.
#   -DEXE=... -DARGS=... -DEXPECT_STATUS=N -DEXPECT_STDOUT=regex -DEXPECT_STDERR=regex
#   -DFORBID_OUTPUT=regex (must match neither stream)
string(REPLACE "|" ";" ARGS "${ARGS}")
execute_process(COMMAND ${EXE} ${ARGS}
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT "${status}" STREQUAL "${EXPECT_STATUS}")
  message(FATAL_ERROR "exit status ${status}, expected ${EXPECT_STATUS}\nstdout:\n${out}\nstderr:\n${err}")
endif()
if(DEFINED EXPECT_STDOUT AND NOT out MATCHES "${EXPECT_STDOUT}")
  message(FATAL_ERROR "stdout does not match '${EXPECT_STDOUT}':\n${out}\nstderr:\n${err}")
endif()
if(DEFINED EXPECT_STDERR AND NOT err MATCHES "${EXPECT_STDERR}")
  message(FATAL_ERROR "stderr does not match '${EXPECT_STDERR}':\n${err}")
endif()
if(DEFINED FORBID_OUTPUT AND "${out}${err}" MATCHES "${FORBID_OUTPUT}")
  message(FATAL_ERROR "output matches forbidden '${FORBID_OUTPUT}':\n${out}\n${err}")
endif()
