#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Exports into hostile places and CRSs (issue 12): each case checks the exit status, the one
# line on stderr and what is left in the folder.
#   hostile_outputs.sh CASE EXE SCRATCH_FOLDER [TOUR_FILE]
set -u
case_name=$1
exe=$2
dir=$3/$case_name
tour_file=${4:-}
rm -rf "$dir"
mkdir -p "$dir"

fail() {
    echo "FAIL ($case_name): $*" >&2
    echo "folder:" >&2
    ls -la "$dir" >&2
    exit 1
}

# Runs the export with a time limit (a hang fails); sets status, out, err.
run() {
    timeout -s KILL 120 "$exe" "$@" >"$dir.out" 2>"$dir.err"
    status=$?
    out=$(cat "$dir.out")
    err=$(cat "$dir.err")
    rm -f "$dir.out" "$dir.err"
}

expect_refusal() { # expect_refusal REGEX: exit 2, exactly one line on stderr matching REGEX
    local regex=$1
    [ "$status" -eq 2 ] || fail "exit status $status, expected 2; stderr: $err"
    [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] || fail "stderr is not one line: $err"
    [[ $err =~ $regex ]] || fail "stderr does not match '$regex': $err"
}

expect_folder() { # expect_folder NAME...: exactly these names (hidden ones too) in the folder
    local listed expected
    listed=$(ls -A "$dir" | sort | tr '\n' ' ')
    expected=$(printf '%s\n' "$@" | sed '/^$/d' | sort | tr '\n' ' ')
    [ "$listed" = "$expected" ] || fail "folder holds '$listed', expected '$expected'"
}

small=(--size 320x200 --date 2000-01-01)

case $case_name in
beyond_horizon)
    run export --out "$dir/x.png" "${small[@]}" --crs "+proj=ortho +lat_0=-45 +lon_0=-33 +type=crs"
    expect_refusal '^kuril-atlas: nothing of the data is visible in this CRS'
    expect_folder
    ;;
partly_visible)
    # The horizon of an orthographic view centred on 60 E, 0 N runs along 150 E: Hokkaido
    # is in front of it, the northern Kurils behind.
    run export --out "$dir/x.png" "${small[@]}" --crs "+proj=ortho +lat_0=0 +lon_0=60 +type=crs"
    [ "$status" -eq 0 ] || fail "exit status $status; stderr: $err"
    [[ $out =~ ^wrote ]] || fail "stdout: $out"
    expect_folder x.png x.pgw x.prj x.png.aux.xml x.sources.txt
    ;;
fifo)
    mkfifo "$dir/x.png"
    run export --out "$dir/x.png" "${small[@]}"
    expect_refusal '^kuril-atlas: [^ ]*x.png: is not a regular file'
    [ -p "$dir/x.png" ] || fail "the FIFO is gone"
    expect_folder x.png
    ;;
device)
    if [ "$(id -u)" != 0 ]; then
        echo "SKIPPED: mknod needs root; the device case is not tested"
        exit 0
    fi
    mknod "$dir/null.png" c 1 3
    run export --out "$dir/null.png" "${small[@]}"
    expect_refusal '^kuril-atlas: [^ ]*null.png: is not a regular file'
    [ -c "$dir/null.png" ] || fail "the device node is gone"
    expect_folder null.png
    ;;
symlink_to_device)
    ln -s /dev/null "$dir/link.png"
    run export --out "$dir/link.png" "${small[@]}"
    expect_refusal '^kuril-atlas: [^ ]*link.png: is not a regular file'
    [ -L "$dir/link.png" ] || fail "the symlink is gone"
    [ -c /dev/null ] || fail "/dev/null is no longer a device"
    expect_folder link.png
    ;;
side_file_fifo)
    # The image could be written, its world file not: nothing is written at all.
    mkfifo "$dir/x.pgw"
    run export --out "$dir/x.png" "${small[@]}"
    expect_refusal '^kuril-atlas: [^ ]*x.pgw: is not a regular file'
    expect_folder x.pgw
    ;;
manifest_folder)
    mkdir "$dir/m.json"
    run export --out "$dir/x.png" "${small[@]}" --manifest "$dir/m.json"
    expect_refusal '^kuril-atlas: [^ ]*m.json: is a folder'
    expect_folder m.json
    ;;
handout_second_slide)
    # The second slide's image name is taken by a folder: refused before the first is drawn.
    mkdir "$dir/slide-02-today.png"
    run export --tour-file "$tour_file" --tour short --out "$dir" --size 320x200
    expect_refusal "^kuril-atlas: tour 'short', slide 2 \(today\): [^ ]*slide-02-today.png: is a folder"
    expect_folder slide-02-today.png
    ;;
compare_one_date)
    run export --out "$dir/x.png" --size 320x200 --compare 1944-01-01
    expect_refusal "^kuril-atlas: --compare '1944-01-01': expected two dates, A,B \(e.g. 1944-01-01,1950-01-01\)$"
    expect_folder
    ;;
compare_malformed)
    run export --out "$dir/x.png" --size 320x200 --compare 1944-13-01,1950-01-01
    expect_refusal "^kuril-atlas: --compare: '1944-13-01' is not a date: there is no month 13$"
    expect_folder
    ;;
compare_outside)
    run export --out "$dir/x.png" --size 320x200 --compare 1944-01-01,2999-01-01
    expect_refusal "^kuril-atlas: --compare 1944-01-01,2999-01-01: 2999-01-01 is outside the timeline; expected dates from 1850-01-01 to [0-9-]+ \(today\)$"
    expect_folder
    ;;
compare_same)
    run export --out "$dir/x.png" --size 320x200 --compare 1950-01-01,1950-01-01
    expect_refusal "^kuril-atlas: --compare 1950-01-01,1950-01-01: the two dates are the same day; give two different dates$"
    expect_folder
    ;;
compare_with_date)
    run export --out "$dir/x.png" --size 320x200 --date 1956-10-19 --compare 1944-01-01,1950-01-01
    expect_refusal "^kuril-atlas: --compare and --date: give one or the other"
    expect_folder
    ;;
compare_geotiff)
    run export --out "$dir/x.tif" --format geotiff --size 320x200 --compare 1944-01-01,1950-01-01
    expect_refusal "^kuril-atlas: --compare: not with --format geotiff"
    expect_folder
    ;;
compare_unwritable)
    # The right half's world file cannot be written (a folder has its name): nothing is.
    mkdir "$dir/x.right.pgw"
    run export --out "$dir/x.png" --size 320x200 --compare 1944-01-01,1950-01-01
    expect_refusal '^kuril-atlas: [^ ]*x.right.pgw: is a folder'
    expect_folder x.right.pgw
    ;;
compare_unwritable_folder)
    run export --out "$dir/missing/x.png" --size 320x200 --compare 1944-01-01,1950-01-01
    expect_refusal '^kuril-atlas: [^ ]*missing'
    expect_folder
    ;;
compare_written)
    # A compare image: one image, a world file per half, one sources file, the manifest.
    run export --out "$dir/x.png" --size 640x360 --compare 1944-01-01,1950-01-01 --manifest "$dir/x.json"
    [ "$status" -eq 0 ] || fail "exit status $status: $err"
    [[ $out =~ x.left.pgw\ \(left\ half\),\ x.right.pgw\ \(right\ half\) ]] || fail "stdout: $out"
    expect_folder x.png x.left.pgw x.right.pgw x.prj x.png.aux.xml x.sources.txt x.json
    grep -q '"compare":\[{"side":"left","x_px":\[0,' "$dir/x.json" || fail "no compare in the manifest"
    ;;
killed)
    # A kill while the image is written leaves no temporary file.
    "$exe" export --out "$dir/big.png" --size 12000x12000 --date 2000-01-01 >/dev/null 2>&1 &
    pid=$!
    for _ in $(seq 1 600); do
        if ls -A "$dir" | grep -q '\.tmp-'; then
            break
        fi
        sleep 0.1
    done
    ls -A "$dir" | grep -q '\.tmp-' || { kill -KILL $pid; fail "no temporary file appeared"; }
    kill -TERM $pid
    wait $pid
    status=$?
    [ "$status" -eq 143 ] || fail "exit status $status, expected 143 (ended by SIGTERM)"
    expect_folder
    ;;
frames_interrupted)
    # Ctrl-C while export --frames writes its hidden folder of frames leaves nothing behind.
    # Job control on, so that the background job keeps SIGINT's default handling (as a program
    # run from a terminal has it) instead of the ignored SIGINT of a script's background job.
    set -m
    "$exe" export --frames 1855:today --size 320x180 --fps 25 --out "$dir" >/dev/null 2>&1 &
    pid=$!
    set +m
    for _ in $(seq 1 600); do
        if ls -A "$dir"/.kuril-frames.tmp-* 2>/dev/null | grep -q 'frame-'; then
            break
        fi
        sleep 0.1
    done
    ls -A "$dir"/.kuril-frames.tmp-* 2>/dev/null | grep -q 'frame-' ||
        { kill -KILL $pid; fail "no frame appeared in a hidden folder"; }
    kill -INT $pid
    wait $pid
    status=$?
    [ "$status" -eq 130 ] || fail "exit status $status, expected 130 (ended by SIGINT)"
    expect_folder
    ;;
*)
    fail "unknown case"
    ;;
esac
rm -rf "$dir"
echo "ok ($case_name)"
