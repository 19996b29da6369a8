# SPDX-License-Identifier: GPL-3.0-or-later
# Shared by the make-*.sh recipes (sourced, not run): the last step, with the new files in the
# current folder.
#   recipe_finish CHECK SHAPES OUTDIR FILE...
# CHECK=true: compare each FILE with SHAPES/FILE byte for byte and exit 0 only when all are the
# same. Otherwise: put each FILE into OUTDIR (a copy then a rename, so no reader sees half a
# file) and print their sha256 sums.
recipe_finish() {
    local check=$1 shapes=$2 outdir=$3
    shift 3
    local f
    if $check; then
        local status=0
        for f in "$@"; do
            if cmp -s "$f" "$shapes/$f"; then echo "same:    $f"; else echo "DIFFERS: $f"; status=1; fi
        done
        exit $status
    fi
    mkdir -p "$outdir"
    for f in "$@"; do
        cp "$f" "$outdir/$f.new"
        mv "$outdir/$f.new" "$outdir/$f"
    done
    cd "$outdir"
    sha256sum "$@"
}
