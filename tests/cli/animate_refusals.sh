#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Bad input to export --animate and --frames (issue 15): each case checks the exit status 2, the
# one line on stderr naming the problem, and that nothing was written.
#   animate_refusals.sh CASE EXE SCRATCH_FOLDER
set -u
case_name=$1
exe=$2
dir=$3/animate-$case_name
rm -rf "$dir"
mkdir -p "$dir"

refuse() { # refuse REGEX ARGS...: exit 2, exactly one line on stderr matching REGEX, no file
    local regex=$1
    shift
    local err
    err=$(timeout -s KILL 120 "$exe" export "$@" 2>&1 >/dev/null)
    local status=$?
    if [ "$status" -ne 2 ]; then
        echo "FAIL ($case_name): exit status $status, expected 2; stderr: $err" >&2
        exit 1
    fi
    if [ "$(printf '%s\n' "$err" | wc -l)" -ne 1 ]; then
        echo "FAIL ($case_name): expected one line on stderr, got: $err" >&2
        exit 1
    fi
    if ! printf '%s' "$err" | grep -Eq -- "$regex"; then
        echo "FAIL ($case_name): stderr does not match '$regex': $err" >&2
        exit 1
    fi
    # Only what the case put there itself (a file standing in the way) may be left.
    local left
    left=$(find "$dir" -mindepth 1 ! -name 'in-the-way*' | head -5)
    if [ -n "$left" ]; then
        echo "FAIL ($case_name): left behind: $left" >&2
        exit 1
    fi
}

case $case_name in
reversed)
    refuse '^kuril-atlas: --animate 1950-01-01:1900-01-01: the range runs backwards; expected FROM before TO$' \
        --animate 1950:1900 --out "$dir/film.webm" ;;
equal)
    refuse '^kuril-atlas: --animate 1950-01-01:1950-01-01: FROM and TO are the same day; expected FROM before TO$' \
        --animate 1950:1950-01-01 --out "$dir/film.webm" ;;
before-timeline)
    refuse '^kuril-atlas: --animate 1800-01-01:1900-01-01: 1800-01-01 is outside the timeline; expected dates from 1850-01-01 to [0-9-]+ \(today\)$' \
        --animate 1800:1900 --out "$dir/film.webm" ;;
after-today)
    refuse '^kuril-atlas: --frames 1900-01-01:2999-01-01: 2999-01-01 is outside the timeline; expected dates from 1850-01-01 to [0-9-]+ \(today\)$' \
        --frames 1900:2999 --out "$dir" ;;
not-a-range)
    refuse "^kuril-atlas: --animate '1950': expected FROM:TO, e.g. 1855:today \(each YYYY-MM-DD, YYYY-MM, YYYY or today\)$" \
        --animate 1950 --out "$dir/film.webm" ;;
not-a-date)
    refuse "^kuril-atlas: --animate 1950:2021-02-30: '2021-02-30' is not a date: February 2021 has 28 days$" \
        --animate 1950:2021-02-30 --out "$dir/film.webm" ;;
unknown-extension)
    refuse "^kuril-atlas: --out [^ ]*film.avi: '.avi' is not written; expected .webm \(VP9\), .mp4 \(H.264\) or .gif \(or --frames FOLDER\)$" \
        --animate 1850:1900 --out "$dir/film.avi" ;;
no-extension)
    refuse '^kuril-atlas: --out [^ ]*film: no extension is not written; expected .webm' \
        --animate 1850:1900 --out "$dir/film" ;;
odd-size-vp9)
    refuse '^kuril-atlas: --size 161x90: WebM \(VP9\) needs an even width and height \(4:2:0 colour\); try 160x90$' \
        --animate 1850:1900 --size 161x90 --out "$dir/film.webm" ;;
odd-size-h264)
    refuse '^kuril-atlas: --size 160x91: MP4 \(H.264\) needs an even width and height \(4:2:0 colour\); try 160x90$' \
        --animate 1850:1900 --size 160x91 --out "$dir/film.mp4" ;;
too-large)
    refuse "^kuril-atlas: --size '5000x5000': each side must be 2 to 4096 pixels$" \
        --animate 1850:1900 --size 5000x5000 --out "$dir/film.gif" ;;
no-folder)
    refuse '^kuril-atlas: [^ ]*/nowhere: no such folder to write film.webm into$' \
        --animate 1850:1900 --out "$dir/nowhere/film.webm" ;;
fifo)
    mkfifo "$dir/in-the-way.webm"
    refuse '^kuril-atlas: [^ ]*in-the-way.webm: is not a regular file \(a device or a FIFO\?\); only regular files are replaced$' \
        --animate 1850:1900 --out "$dir/in-the-way.webm" ;;
folder-as-film)
    refuse "^kuril-atlas: --out [^ ]*animate-folder-as-film: no extension is not written" \
        --animate 1850:1900 --out "$dir" ;;
frames-into-a-file)
    touch "$dir/in-the-way"
    refuse '^kuril-atlas: --out [^ ]*in-the-way: is not a folder; --frames writes PNGs into a folder$' \
        --frames 1850:1900 --out "$dir/in-the-way" ;;
frames-into-nowhere)
    refuse '^kuril-atlas: --out [^ ]*nowhere: no such folder; --frames writes PNGs into an existing folder$' \
        --frames 1850:1900 --out "$dir/nowhere" ;;
fps)
    refuse "^kuril-atlas: --fps '2.5': expected a whole number from 1 to 60$" \
        --animate 1850:1900 --fps 2.5 --out "$dir/film.gif" ;;
fps-zero)
    refuse "^kuril-atlas: --fps '0': expected a number from 1 to 60$" \
        --animate 1850:1900 --fps 0 --out "$dir/film.gif" ;;
speed)
    refuse "^kuril-atlas: --speed '0': expected a number from 0.1 to 100$" \
        --animate 1850:1900 --speed 0 --out "$dir/film.gif" ;;
hold)
    refuse "^kuril-atlas: --hold '31': expected a number from 0 to 30$" \
        --frames 1850:1900 --hold 31 --out "$dir" ;;
with-manifest)
    refuse '^kuril-atlas: --animate: not with --tour, --manifest or --format \(a film is one sequence of frames\)$' \
        --animate 1850:1900 --manifest "$dir/m.json" --out "$dir/film.gif" ;;
both)
    refuse '^kuril-atlas: --animate and --frames: give one or the other$' \
        --animate 1850:1900 --frames 1850:1900 --out "$dir/film.gif" ;;
with-date)
    refuse '^kuril-atlas: --date: not with --animate \(its FROM:TO gives the dates\)$' \
        --animate 1850:1900 --date 1950 --out "$dir/film.gif" ;;
*)
    echo "unknown case $case_name" >&2
    exit 1 ;;
esac
rm -rf "$dir"
