# SPDX-License-Identifier: GPL-3.0-or-later
cmake_minimum_required(VERSION 3.20)
# Checks that an export's manifest lists each of the user's layers as a legend row under its
# file's name: -DFILE=manifest.json "-DROWS=a.geojson|b.gpkg".
string(REPLACE "|" ";" ROWS "${ROWS}")
file(READ "${FILE}" json)
string(JSON rows LENGTH "${json}" legend)
set(texts "")
math(EXPR last "${rows} - 1")
foreach(i RANGE ${last})
  string(JSON text GET "${json}" legend ${i} text)
  list(APPEND texts "${text}")
endforeach()
foreach(row IN LISTS ROWS)
  if(NOT row IN_LIST texts)
    message(FATAL_ERROR "no legend row '${row}' (rows: ${texts})")
  endif()
endforeach()
