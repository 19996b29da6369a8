# SPDX-License-Identifier: GPL-3.0-or-later
cmake_minimum_required(VERSION 3.20)
# Checks the manifest of `export --pov jp`: the title names the point of view, the legend's
# first row says which it is and a row says what Japan's maps leave uncoloured.
file(READ "${FILE}" json)
string(JSON title GET "${json}" title)
if(NOT title MATCHES "— As drawn by Japan's government$")
  message(FATAL_ERROR "title does not name the point of view: ${title}")
endif()
string(JSON first GET "${json}" legend 0 text)
if(NOT first STREQUAL "As drawn by Japan's government")
  message(FATAL_ERROR "the legend's first row is '${first}'")
endif()
if(NOT json MATCHES "\"South Sakhalin, Urup and the Kurils north of it: uncoloured on Japan's maps")
  message(FATAL_ERROR "no legend row for the land Japan's maps leave uncoloured:\n${json}")
endif()
# The sources file repeats, on its second line, the title the image's title band shows.
file(READ "${SOURCES}" sources)
if(NOT sources MATCHES "^[^\n]*\nKuril Islands, 1 January 2020 — As drawn by Japan's government\n")
  message(FATAL_ERROR "the title band does not name the point of view:\n${sources}")
endif()
