# SPDX-License-Identifier: GPL-3.0-or-later
# Fails unless FILE exists and its text matches the regular expression EXPECT.
if(NOT EXISTS "${FILE}")
  message(FATAL_ERROR "${FILE} was not written")
endif()
file(READ "${FILE}" text)
if(NOT text MATCHES "${EXPECT}")
  message(FATAL_ERROR "${FILE} does not match '${EXPECT}':\n${text}")
endif()
